package ofstedcsc.reports;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.ingest.AuthorityNames;
import ofstedcsc.ingest.ReportsStaging;
import ofstedcsc.ingest.Staged;
import ofstedcsc.reference.Grades;
import ofstedcsc.reference.Reference;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports through Spark: binaryFile over awkward paths, the parser per file, names matched, bad files quarantined. */
class ReportsStagingTest {
  @TempDir Path input;

  private static byte[] ilacs(String authority) {
    return new TestPdf().page()
        .text(71, 155, 26, "Inspection of " + authority + " local authority")
        .text(71, 187, 26, "children\u2019s services")
        .text(71, 216, 12, "Dates of inspection: 10 June 2019 to 21 June 2019")
        .text(77, 282, 12, "Judgement").text(300, 282, 12, "Grade")
        .text(77, 315, 12, "The impact of leaders on social work").text(300, 315, 12, "Good")
        .text(77, 329, 12, "practice with children and families")
        .text(77, 356, 12, "The experiences and progress of").text(300, 356, 12, "Good")
        .text(77, 370, 12, "children who need help and protection")
        .text(77, 398, 12, "The experiences and progress of").text(300, 398, 12, "Outstanding")
        .text(77, 412, 12, "children in care and care leavers")
        .text(77, 439, 12, "Overall effectiveness").text(300, 439, 12, "Good")
        .text(71, 480, 14, "What needs to improve?")
        .text(71, 507, 12, "\u2022 The consistency of pathway plans for care leavers.")
        .text(71, 535, 12, "\u2022 The timeliness of return home interviews.")
        .text(71, 566, 14, "The experiences and progress of children who need help and protection: good")
        .bytes();
  }

  private void write(String relative, byte[] content) throws Exception {
    Path file = input.resolve("reports").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  @Test
  void listsEveryPdfAtAnyDepthExceptUnderHiddenOrUnderscoreNames() throws Exception {
    write("9000001_northshire/children's services inspection - 05 august 2019.PDF", new byte[] {1});
    write("9000002_southmoor/2020/children's services inspection - 01 may 2020.pdf", new byte[] {1});
    write("9000002_southmoor/empty.pdf", new byte[0]);
    write("9000002_southmoor/notes.txt", new byte[] {1});
    write("9000002_southmoor/.download in progress.pdf", new byte[] {1});
    write(".cache/children's services inspection - 02 may 2020.pdf", new byte[] {1});
    write("_partial/children's services inspection - 03 may 2020.pdf", new byte[] {1});

    assertEquals(List.of("9000001_northshire/children's services inspection - 05 august 2019.PDF",
            "9000002_southmoor/2020/children's services inspection - 01 may 2020.pdf", "9000002_southmoor/empty.pdf"),
        ReportsStaging.list(new Configuration(), input.resolve("reports").toString()).stream()
            .map(f -> input.resolve("reports").toUri().relativize(f.getPath().toUri()).getPath()).sorted().toList());
  }

  @Test
  void stagesReportsUnderAwkwardNamesAndQuarantinesWhatIsNoReportEmptyFilesIncluded() throws Exception {
    write("9000001_northshire, east & west's/children's services inspection - 05 august 2019.pdf",
        ilacs("Northshire"));
    write("9000001_northshire, east & west's/error page.pdf",
        "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));
    write("9000002_southmoor/children's services inspection - 01 may 2020.pdf", ilacs("Northshire"));
    write("9000002_southmoor/children's services inspection - 02 may 2020.pdf", ilacs("Atlantis"));
    write("9000002_southmoor/empty.pdf", new byte[0]);
    write("9000002_southmoor/.download in progress.pdf", ilacs("Southmoor"));
    write("_partial/children's services inspection - 03 may 2020.pdf", ilacs("Southmoor"));

    SparkSession spark = TestSpark.session();
    Dataset<Row> authorities = TestSpark.rows(TestSpark.schema("authority_id string", "name string",
            "aliases string"),
        new Object[] {"9000001", "Northshire", null}, new Object[] {"9000002", "Southmoor", null});
    String dir = input.resolve("reports").toString();
    Staged staged = ReportsStaging.stage(ReportsStaging.parse(spark, dir),
        ReportsStaging.qualified(spark.sparkContext().hadoopConfiguration(), dir),
        AuthorityNames.keys(authorities, authorities.select("authority_id", "name").limit(0)),
        Reference.dataset(spark, "inspection_types"));

    Row inspection = staged.inspections().first();
    assertEquals(1, staged.inspections().count());
    assertEquals("9000001", inspection.getAs("authority_id"));
    assertEquals("2019-08-05", inspection.getAs("published_on").toString(), "from Ofsted's file name");
    assertEquals("ilacs", inspection.getAs("framework"));
    assertEquals("reports/9000001_northshire, east & west's/children's services inspection - 05 august 2019.pdf",
        inspection.getAs("source_ref"));
    Map<String, Integer> grades = staged.judgements().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("area"), r -> r.getAs("grade")));
    assertEquals(Map.of("leadership", 2, "help_and_protection", 2, "children_in_care", 1,
        "overall_effectiveness", 2), grades);

    Map<String, String> reasons = staged.quarantine().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("source_ref"), r -> r.getAs("reason_code")));
    assertEquals(Map.of(
        "reports/9000001_northshire, east & west's/error page.pdf", "not_a_pdf",
        "reports/9000002_southmoor/children's services inspection - 01 may 2020.pdf", "authority_mismatch",
        "reports/9000002_southmoor/children's services inspection - 02 may 2020.pdf", "unknown_authority",
        "reports/9000002_southmoor/empty.pdf", "empty_file"),
        reasons);
    // Hidden files (a download in progress) are no reports; an empty file is one, and is counted.
    assertEquals(5, staged.read().filter(col("unit").equalTo("file")).count());
    assertEquals(1, staged.loaded().filter(col("unit").equalTo("file")).count());
    // The loaded report's points section is a unit of its own, and its points keep the report's order.
    assertEquals(1, staged.loaded().filter(col("unit").equalTo("section")).count());
    assertEquals(List.of("The consistency of pathway plans for care leavers.",
            "The timeliness of return home interviews."),
        staged.improvementPoints().orderBy("point_number").select("text").as(Encoders.STRING()).collectAsList());
  }

  @Test
  void gradesAreStagedAsTheParserResolvedThemAndAnUnknownOneIsQuarantined() {
    SparkSession spark = TestSpark.session();
    Grades grades = Grades.load();
    List<Row> judgements = List.of(
        judgement("Overall effectiveness", "overall_effectiveness", "Grade 3 (Adequate)", grades),
        judgement("Leadership", "leadership", "Not judged", grades),
        judgement("Help and protection", "help_and_protection", "Satisfactory", grades));
    String qualified = "file:/corpus/reports";
    Row report = RowFactory.create(qualified + "/9000001_northshire/children's services inspection - 16 august 2013.pdf",
        1000L, ParsedReport.PARSED, null, "Northshire", "pre_sif", "full", null, null, null, 3, judgements, null, null,
        List.of());
    Dataset<Row> authorities = TestSpark.rows(TestSpark.schema("authority_id string", "name string",
        "aliases string"), new Object[] {"9000001", "Northshire", null});
    Staged staged = ReportsStaging.stage(spark.createDataFrame(List.of(report), ReportsStaging.PARSED), qualified,
        AuthorityNames.keys(authorities, authorities.select("authority_id", "name").limit(0)),
        Reference.dataset(spark, "inspection_types"));

    Map<String, String> byArea = staged.judgements().collectAsList().stream().collect(Collectors.toMap(
        r -> r.getAs("area"), r -> r.getAs("grade") + "/" + r.getAs("grade_label") + "/" + r.getAs("not_graded_reason")));
    assertEquals(Map.of("overall_effectiveness", "3/adequate/null", "leadership", "null/null/not_judged"), byArea);
    Row unknown = staged.quarantine().first();
    assertEquals(1, staged.quarantine().count());
    assertEquals("reports/9000001_northshire/children's services inspection - 16 august 2013.pdf#3",
        unknown.getAs("source_ref"));
    assertEquals("unknown_grade", unknown.getAs("reason_code"));
    assertEquals("'Satisfactory' for Help and protection is not a grade", unknown.getAs("detail"));
  }

  /** A judgement row as the parser stages it, its grade resolved by the one vocabulary. */
  private static Row judgement(String wording, String area, String gradeText, Grades grades) {
    return RowFactory.create(wording, area, gradeText, Grades.row(grades.resolve(gradeText)));
  }

  @Test
  void authorityNamesMatchThroughTheirNoiseWordsOrAUniquePrefix() {
    Dataset<Row> authorities = TestSpark.rows(TestSpark.schema("authority_id string", "name string",
            "aliases string"),
        new Object[] {"1", "Kingston Upon Hull, City of", "[Hull]"},
        new Object[] {"2", "East Riding of Yorkshire", null},
        new Object[] {"3", "County Durham", null},
        new Object[] {"4", "Windsor and Maidenhead", null});
    Dataset<Row> printed = TestSpark.rows(TestSpark.schema("authority_name string"),
        new Object[] {"Kingston upon Hull City Council"}, new Object[] {"East Riding"},
        new Object[] {"Durham County Council"}, new Object[] {"Royal Borough of Windsor & Maidenhead"},
        new Object[] {"Metropolitan Borough of Nowhere"})
        .withColumn("_name_key", AuthorityNames.key(col("authority_name")));
    Map<String, String> matched = printed.join(AuthorityNames.resolve(printed,
            AuthorityNames.keys(authorities, authorities.select("authority_id", "name").limit(0))), "_name_key")
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("authority_name"),
            r -> r.getAs("authority_id")));
    assertEquals(Map.of("Kingston upon Hull City Council", "1", "East Riding", "2", "Durham County Council", "3",
        "Royal Borough of Windsor & Maidenhead", "4"), matched);
  }
}
