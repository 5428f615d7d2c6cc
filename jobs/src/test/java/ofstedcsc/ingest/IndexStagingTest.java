package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.reference.Reference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexStagingTest {
  private static final String HEADER = "urn,local_authority,inspection_link,pdf_filename,publication_date,"
      + "inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,"
      + "impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";

  @TempDir Path dir;

  private Staged stage(String... lines) throws Exception {
    Path file = dir.resolve("ofsted_csc_ilacs_history.csv");
    Files.writeString(file, HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    SparkSession spark = TestSpark.session();
    List<String> header = CsvLines.header(spark.sparkContext().hadoopConfiguration(), file.toString(), "index",
        IndexStaging.requiredColumns());
    Dataset<Row> authorities = TestSpark.rows(TestSpark.schema("authority_id string"), new Object[] {"1"});
    return IndexStaging.stage(CsvLines.read(spark, file.toString(), "index.csv", header), authorities,
        Reference.dataset(spark, "judgement_areas"),
        Reference.dataset(spark, "inspection_types"));
  }

  private static Map<String, String> reasons(Staged staged) {
    return staged.quarantine().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("source_ref"), r -> r.getAs("reason_code")));
  }

  @Test
  void sentinelsBecomeNullGradesWithAReasonAndTheInspectionStays() throws Exception {
    Staged s = stage("1,a,l,f.pdf,25/11/16,,,,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1");
    Row inspection = s.inspections().first();
    assertEquals("sif", inspection.getAs("framework"), "blank type, published in 2016: the SIF era");
    assertEquals("unknown", inspection.getAs("inspection_type"));
    assertEquals("2016-11-25", inspection.getAs("published_on").toString());
    Map<String, Row> byArea = s.judgements().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("area"), r -> r));
    assertEquals(5, byArea.size());
    assertNull(byArea.get("overall_effectiveness").getAs("grade"));
    assertEquals("blank", byArea.get("overall_effectiveness").getAs("not_graded_reason"));
    assertEquals("data_unreadable", byArea.get("leadership").getAs("not_graded_reason"));
    assertEquals(0, s.quarantine().count());
  }

  @Test
  void gradeWordsMapToCodesAndTheIlacsTypeIsKept() throws Exception {
    Staged s = stage("1,a,l,f.pdf,05/08/19,standard,x,10/06/2019,21/06/2019,requires improvement to be good,"
        + "Good,outstanding,inadequate,inspection_pre_dates_judgement,1");
    Row inspection = s.inspections().first();
    assertEquals("ilacs", inspection.getAs("framework"));
    assertEquals("standard", inspection.getAs("inspection_type"));
    assertEquals("2019-06-21", inspection.getAs("fieldwork_end").toString());
    Map<String, Integer> grades = s.judgements().filter(col("grade").isNotNull()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("area"), r -> r.getAs("grade")));
    assertEquals(Map.of("overall_effectiveness", 3, "leadership", 2, "help_and_protection", 1,
        "children_in_care", 4), grades);
  }

  @Test
  void gradeTextIsReadByTheRuleThatReadsReportsWhateverItsCaseDashesOrPunctuation() throws Exception {
    Staged s = stage("1,a,l,f.pdf,25/11/16,,,,,Requires improvement \u2013 to be good,Good.,Grade 4 (Inadequate),"
        + "NOT JUDGED,-,1");
    Map<String, String> byArea = s.judgements().collectAsList().stream().collect(Collectors.toMap(
        r -> r.getAs("area"), r -> r.getAs("grade") + "/" + r.getAs("grade_label") + "/" + r.getAs("not_graded_reason")));
    assertEquals(Map.of("overall_effectiveness", "3/requires improvement/null", "leadership", "2/good/null",
        "help_and_protection", "4/inadequate/null", "children_in_care", "null/null/not_judged"), byArea);
    assertEquals(Map.of("index.csv:2:care_leavers_grade", "unknown_grade"), reasons(s), "a dash is no blank cell");
  }

  @Test
  void everyBadLineOrCellIsQuarantinedWithItsReasonAndTheCountsReconcile() throws Exception {
    Staged s = stage(
        "1,a,l,f.pdf,05/08/19,standard,x,10/06/2019,21/06/2019,good,good,to requires improvement,good,good,1",
        "1,a,l,f.pdf,06/08/19,standard,x,10/06/2019,21/06/2019,good,good,09/02/2024,good,good,1",
        "1,a,l,f.pdf,31/02/20,short,x,,,good,good,good,good,good,1",
        "1,a,l,f.pdf,01/03/20,short,x,spring,,good,good,good,good,good,1",
        "1,a,l,f.pdf,02/03/20,short,x,20/02/2020,10/02/2020,good,good,good,good,good,1",
        "1,a,l,f.pdf,03/03/20,weekly,x,,,good,good,good,good,good,1",
        "2,b,l,f.pdf,04/03/20,short,x,,,good,good,good,good,good,1",
        "1,a,l,f.pdf,05/08/19,standard,x,10/06/2019,21/06/2019,good,good,good,good,good,1",
        "1,a,l,f.pdf,07/03/20,short,x,,,good,good,good",
        "1,\"a,l,f.pdf,08/03/20,short,x,,,good,good,good,good,good,1",
        ",a,l,f.pdf,09/03/20,short,x,,,good,good,good,good,good,1");
    Map<String, String> reasons = reasons(s);
    assertEquals(Map.ofEntries(
        Map.entry("index.csv:2:help_and_protection_grade", "unknown_grade"),
        Map.entry("index.csv:3:help_and_protection_grade", "date_in_grade_column"),
        Map.entry("index.csv:4", "impossible_date"),
        Map.entry("index.csv:5", "unparseable_date"),
        Map.entry("index.csv:6", "impossible_date"),
        Map.entry("index.csv:7", "unknown_inspection_type"),
        Map.entry("index.csv:8", "unknown_authority"),
        Map.entry("index.csv:9", "duplicate_row"),
        Map.entry("index.csv:10", "malformed_row"),
        Map.entry("index.csv:11", "malformed_row"),
        Map.entry("index.csv:12", "missing_value")), reasons);
    assertEquals(11, s.read().filter(col("unit").equalTo("row")).count());
    assertEquals(2, s.loaded().filter(col("unit").equalTo("row")).count());
    assertEquals(10, s.read().filter(col("unit").equalTo("cell")).count());
    assertEquals(8, s.loaded().filter(col("unit").equalTo("cell")).count());
  }

  @Test
  void aLongQuotedCellLoadsAndTheLinesAfterItToo() throws Exception {
    String inspectors = "Rachel Griffiths, \"lead\"; " + "an inspector, ".repeat(1_500);
    Staged s = stage(
        "1,a,l,f.pdf,05/08/19,standard,\"" + inspectors.replace("\"", "\"\"") + "\",10/06/2019,21/06/2019,good,"
            + "good,good,good,good,1",
        "1,a,l,f.pdf,06/08/19,standard,\"" + inspectors + "\",10/06/2019,21/06/2019,good,good,good,good,good,1",
        "1,a,l,f.pdf,28/08/24,standard,x,08/07/2024,19/07/2024,good,good,good,good,good,1");
    assertEquals(Map.of("index.csv:3", "malformed_row"), reasons(s));
    assertEquals(List.of("2019-08-05", "2024-08-28"), s.inspections().orderBy("published_on").collectAsList()
        .stream().map(r -> r.getAs("published_on").toString()).toList());
    assertEquals(10, s.judgements().count());
  }

  @Test
  void bytesThatAreNotUtf8AreQuarantinedAsBadEncoding() throws Exception {
    Path file = dir.resolve("ofsted_csc_ilacs_history.csv");
    byte[] good = (HEADER + "\n1,a,l,f.pdf,05/08/19,standard,x,,,good,good,good,good,good,1\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] bad = "1,a\u2019s,l,f.pdf,06/08/19,standard,x,,,good,good,good,good,good,1\n".getBytes("windows-1252");
    byte[] all = new byte[good.length + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    Files.write(file, all);
    SparkSession spark = TestSpark.session();
    List<String> header = CsvLines.header(spark.sparkContext().hadoopConfiguration(), file.toString(), "index",
        IndexStaging.requiredColumns());
    Staged s = IndexStaging.stage(CsvLines.read(spark, file.toString(), "index.csv", header),
        TestSpark.rows(TestSpark.schema("authority_id string"), new Object[] {"1"}),
        Reference.dataset(spark, "judgement_areas"),
        Reference.dataset(spark, "inspection_types"));
    assertEquals(Map.of("index.csv:3", "bad_encoding"), reasons(s));
    assertEquals(1, s.inspections().count());
  }

  @Test
  void aMissingRequiredColumnIsAStructuralErrorNamingFileAndColumn() throws Exception {
    Path file = dir.resolve("ofsted_csc_ilacs_history.csv");
    Files.writeString(file, HEADER.replace("publication_date,", "") + "\n");
    StructuralError e = org.junit.jupiter.api.Assertions.assertThrows(StructuralError.class,
        () -> CsvLines.header(TestSpark.session().sparkContext().hadoopConfiguration(), file.toString(),
            "inspection index", IndexStaging.requiredColumns()));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("lacks required column(s) publication_date"),
        e.getMessage());
  }
}
