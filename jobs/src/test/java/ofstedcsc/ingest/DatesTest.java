package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.reference.Grades;
import ofstedcsc.reference.Reference;
import ofstedcsc.reports.ParsedReport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates no inspection can have, from every source: before the first framework, or after the real day of the run (not
 * --as-of) by more than {@link Dates#DAYS_AHEAD} days.
 */
class DatesTest {
  private static final String INDEX_HEADER = "urn,local_authority,inspection_link,pdf_filename,publication_date,"
      + "inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,"
      + "impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";
  private static final LocalDate TODAY = LocalDate.now();

  @TempDir Path dir;

  private static Dataset<Row> authorities() {
    return TestSpark.rows(TestSpark.schema("authority_id string", "name string", "aliases string"),
        new Object[] {"80478", "Kirklees", null});
  }

  private static Map<String, String> reasons(Staged staged) {
    return staged.quarantine().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("source_ref"), r -> r.getAs("reason_code")));
  }

  @Test
  void twoDigitYearsOfAnotherCenturyAndDatesBeyondTheDayOfTheRunAreImplausible() {
    String ahead = TODAY.plusDays(Dates.DAYS_AHEAD).toString();
    String tooFar = TODAY.plusDays(Dates.DAYS_AHEAD + 1).toString();
    Map<String, String> expected = new HashMap<>();
    expected.put("28/08/99", "implausible_date");
    expected.put("28/08/24", "null");
    expected.put("31/12/2008", "implausible_date");
    expected.put("2009-01-01", "null");
    expected.put(ahead, "null");
    expected.put(tooFar, "implausible_date");
    expected.put("31/02/2019", "impossible_date");
    expected.put("spring", "unparseable_date");
    Dataset<Row> texts = TestSpark.rows(TestSpark.schema("text string"),
        expected.keySet().stream().map(t -> new Object[] {t}).toArray(Object[][]::new));
    Map<String, String> problems = texts.select(col("text"), Dates.problem(col("text")).as("problem"),
            Dates.detail("publication_date", col("text")).as("detail"))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> String.valueOf(r.get(1))));
    assertEquals(expected, problems);
    assertEquals("2009-01-01", Dates.earliest().toString(), "the first framework's start, frameworks.csv");

    Row detail = texts.filter(col("text").equalTo("28/08/99"))
        .select(Dates.detail("publication_date", col("text"))).first();
    assertEquals("publication_date '28/08/99' is before the first framework began (2009-01-01) or more than 7 days"
        + " after the day of the run (" + TODAY.plusDays(7) + ")", detail.getString(0));
  }

  @Test
  void theIndexQuarantinesAnImplausibleDateAndLoadsNothingOfItsLine() throws Exception {
    Path file = dir.resolve("ofsted_csc_ilacs_history.csv");
    String next = TODAY.plusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yy"));
    Files.writeString(file, INDEX_HEADER + "\n"
        + "80478,kirklees,l,f.pdf,28/08/24,standard,x,08/07/2024,19/07/2024,good,good,good,good,good,1\n"
        + "80478,kirklees,l,f.pdf,28/08/99,standard,x,08/07/2024,19/07/2024,good,good,good,good,good,1\n"
        + "80478,kirklees,l,f.pdf,05/08/19,standard,x,10/06/1919,21/06/2019,good,good,good,good,good,1\n"
        + "80478,kirklees,l,f.pdf," + next + ",short,x,,,good,good,good,good,good,1\n", StandardCharsets.UTF_8);
    SparkSession spark = TestSpark.session();
    List<String> header = CsvLines.header(spark.sparkContext().hadoopConfiguration(), file.toString(), "index",
        IndexStaging.requiredColumns());
    Staged staged = IndexStaging.stage(CsvLines.read(spark, file.toString(), "index.csv", header), authorities(),
        Reference.dataset(spark, "judgement_areas"),
        Reference.dataset(spark, "inspection_types"));

    assertEquals(Map.of("index.csv:3", "implausible_date", "index.csv:4", "implausible_date"), reasons(staged));
    assertEquals(List.of("2024-08-28", TODAY.plusDays(1).toString()), staged.inspections().orderBy("published_on")
        .collectAsList().stream().map(r -> r.getAs("published_on").toString()).toList());
    assertEquals(10, staged.judgements().count());
    assertEquals(4, staged.read().filter(col("unit").equalTo("row")).count());
    assertEquals(2, staged.loaded().filter(col("unit").equalTo("row")).count());
  }

  @Test
  void recordsQuarantineADateAfterTheRealDayOfTheRun() throws Exception {
    Path file = dir.resolve("kirklees.csv");
    Files.writeString(file, "urn,framework,inspection_type,published_on,area,grade,fieldwork_start,fieldwork_end\n"
        + "80478,ilacs,standard," + TODAY + ",overall_effectiveness,good,,\n"
        + "80478,ilacs,standard," + TODAY.plusYears(1) + ",overall_effectiveness,good,,\n"
        + "80478,ilacs,standard,2024-08-28,overall_effectiveness,good,2024-07-08,2099-07-19\n", StandardCharsets.UTF_8);
    SparkSession spark = TestSpark.session();
    List<String> header = CsvLines.header(spark.sparkContext().hadoopConfiguration(), file.toString(), "records",
        RecordsStaging.REQUIRED);
    Staged staged = RecordsStaging.stage(CsvLines.read(spark, file.toString(), "records/kirklees.csv", header),
        authorities(), Reference.dataset(spark, "judgement_areas"),
        Reference.dataset(spark, "inspection_types"), Reference.dataset(spark, "frameworks"));

    assertEquals(Map.of("records/kirklees.csv:3", "implausible_date", "records/kirklees.csv:4", "implausible_date"),
        reasons(staged));
    assertEquals(TODAY.toString(), staged.inspections().first().getAs("published_on").toString());
    Row fieldwork = staged.quarantine().filter(col("source_ref").endsWith(":4")).first();
    String detail = fieldwork.getAs("detail");
    assertTrue(detail.startsWith("fieldwork_end '2099-07-19' is before"), detail);
  }

  @Test
  void reportsDatedOutsideTheFrameworksOrAfterTheRunAreQuarantined() {
    SparkSession spark = TestSpark.session();
    String qualified = "file:/corpus/reports";
    List<Row> files = List.of(
        report(qualified, "children's services inspection - 05 august 2019.pdf", "2019-06-21"),
        report(qualified, "children's services inspection - 25 november 2099.pdf", null),
        report(qualified, "children's services inspection - 01 march 2008.pdf", null),
        report(qualified, "children's services inspection - 06 august 2019.pdf", "2109-06-21"),
        RowFactory.create(qualified + "/80478_kirklees/inspection letter.pdf", 1000L, ParsedReport.PARSED, null,
            "Kirklees Council", "ilacs", null, null, null, Date.valueOf(TODAY.plusMonths(2)), 1, List.of(), null, null,
            List.of()));
    Dataset<Row> parsed = spark.createDataFrame(files, ReportsStaging.PARSED);
    Dataset<Row> authorities = authorities();
    Staged staged = ReportsStaging.stage(parsed, qualified,
        AuthorityNames.keys(authorities, authorities.select("authority_id", "name").limit(0)),
        Reference.dataset(spark, "inspection_types"));

    String folder = "reports/80478_kirklees/";
    assertEquals(Map.of(
        folder + "children's services inspection - 25 november 2099.pdf", "implausible_date",
        folder + "children's services inspection - 01 march 2008.pdf", "implausible_date",
        folder + "inspection letter.pdf", "implausible_date",
        folder + "children's services inspection - 06 august 2019.pdf", "implausible_date"), reasons(staged));
    assertEquals(List.of("2019-08-05"), staged.inspections().collectAsList().stream()
        .map(r -> r.getAs("published_on").toString()).toList());
    assertEquals(1, staged.judgements().count());
    assertEquals(5, staged.read().filter(col("unit").equalTo("file")).count());
    assertEquals(1, staged.loaded().filter(col("unit").equalTo("file")).count());
  }

  /** A parsed ILACS report whose file name gives its publication date, with a fieldwork end as the parser read it. */
  private static Row report(String qualified, String name, String fieldworkEnd) {
    return RowFactory.create(qualified + "/80478_kirklees/" + name, 1000L, ParsedReport.PARSED, null,
        "Kirklees Council", "ilacs", null, Date.valueOf("2019-06-10"),
        fieldworkEnd == null ? null : Date.valueOf(fieldworkEnd), Date.valueOf("2019-08-05"), 1,
        List.of(RowFactory.create("overall effectiveness", "overall_effectiveness", "Good",
            Grades.row(new Grades.Grade(2, "good", null)))), null, null, List.of());
  }
}
