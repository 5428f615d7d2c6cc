package ofstedcsc.publish;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import ofstedcsc.TestSpark;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html on the embedded sample, as headless Chromium renders it. */
class ReportPageTest {
  private static Path page;
  private static long authorities;

  @BeforeAll
  static void write() {
    Path output = SampleMarts.dir();
    assertEquals(ExitCode.OK, report(output, SampleMarts.AS_OF));
    page = output.resolve("report.html");
    authorities = SampleMarts.store(output).read(Tables.STANDING).filter(col("area").isin(ReportPage.AREAS.toArray()))
        .select("authority_id").distinct().count();
  }

  @Test
  void everyGradedAuthorityIsARowAndSearchingKirkleesLeavesItsRow() {
    Chromium.assumeInstalled();
    ReportDom all = ReportDom.load(page, "");
    assertEquals(authorities, all.rows().size());
    assertEquals("Showing " + authorities + " of " + authorities + " authorities", all.count());

    ReportDom kirklees = ReportDom.load(page, "q=kirklees");
    assertEquals(List.of("Kirklees"), kirklees.names());
    assertEquals(List.of(2), kirklees.grades(0), "good overall since 28 August 2024");
    String row = kirklees.rows().get(0);
    assertTrue(row.contains("Good<span class=\"change\" aria-label=\"improved\">▲</span>"), row);
    assertTrue(row.contains("819 days"), "28 August 2024 to 25 November 2026: " + row);
  }

  @Test
  void aFilterThatMatchesNothingSaysSoWithACountOfNone() {
    Chromium.assumeInstalled();
    for (String fragment : List.of("q=zzzz", "region=Atlantis", "q=kirklees&region=London")) {
      ReportDom none = ReportDom.load(page, fragment);
      assertEquals(List.of(), none.rows(), fragment);
      assertEquals("Showing 0 of " + authorities + " authorities", none.count(), fragment);
      assertTrue(Pattern.compile("<tbody><tr class=\"no-match\"><td class=\"none\" colspan=\"\\d+\">No authority"
          + " matches\\.</td></tr></tbody>").matcher(none.html()).find(), fragment + ": " + none.html());
    }
  }

  @Test
  void sortingByAColumnOrdersTheRowsAndMissingGradesGoLast() {
    Chromium.assumeInstalled();
    List<Integer> ascending = ReportDom.load(page, "sort=overall_effectiveness").grades(0);
    assertEquals(sortedNullsLast(ascending, Comparator.naturalOrder()), ascending);
    assertTrue(ascending.stream().distinct().count() > 1, "the sample has several grades: " + ascending);
    List<Integer> descending = ReportDom.load(page, "sort=overall_effectiveness&dir=desc").grades(0);
    assertEquals(sortedNullsLast(descending, Comparator.reverseOrder()), descending);

    List<String> byName = ReportDom.load(page, "").names();
    assertEquals(byName.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), byName);
  }

  @Test
  void theRegionFilterKeepsOnlyThatRegionWhateverItsCase() {
    Chromium.assumeInstalled();
    long inRegion = SampleMarts.store(SampleMarts.dir()).read(Tables.STANDING)
        .filter(col("area").isin(ReportPage.AREAS.toArray()).and(col("region_name").equalTo("Yorkshire and The Humber")))
        .select("authority_id").distinct().count();
    ReportDom region = ReportDom.load(page, "region=yorkshire%20and%20the%20humber");
    assertEquals(inRegion, region.rows().size());
    assertTrue(region.rows().stream().allMatch(r -> r.contains("<td>Yorkshire and The Humber</td>")));
    assertTrue(Pattern.compile("<tr(?=[^>]*class=\"selected\")(?=[^>]*data-region=\"Yorkshire and The Humber\")")
        .matcher(region.html()).find(), "the region's headline row is marked");
  }

  @Test
  void namesAreShownAsTextNeverRunAsMarkup(@TempDir Path output) throws Exception {
    String name = "</script><img src=x onerror=\"document.title='injected'\"><b>Kirklees</b>";
    SampleMarts.withKirkleesNamed(output, name);
    assertEquals(ExitCode.OK, report(output, SampleMarts.AS_OF));
    String html = Files.readString(output.resolve("report.html"));
    assertFalse(html.contains("</script><img"), "the JSON cannot close its <script> element");

    Chromium.assumeInstalled();
    ReportDom dom = ReportDom.load(output.resolve("report.html"), "q=kirklees");
    assertEquals(List.of("&lt;/script&gt;&lt;img src=x onerror=\"document.title='injected'\"&gt;&lt;b&gt;Kirklees"
        + "&lt;/b&gt;"), dom.names());
    assertFalse(dom.html().contains("<img"), "no element made from the name");
    assertFalse(dom.html().contains("<title>injected"));
  }

  @Test
  void theLatestReportsPointsOpenFromTheAuthoritysRowInOrder(@TempDir Path output) throws Exception {
    SampleMarts.withKirkleesNamed(output, "Kirklees");
    TableStore store = SampleMarts.store(output);
    Row latest = store.read(Tables.STANDING).filter(col("authority_id").equalTo(SampleMarts.KIRKLEES))
        .orderBy(col("published_on").desc()).first();
    Dataset<Row> points = TestSpark.rows(Tables.IMPROVEMENT_POINTS.schema(),
        new Object[] {SampleMarts.KIRKLEES, latest.getAs("inspection_id"), latest.getAs("published_on"), "ilacs", 2,
            "The second <b>point</b>.", null, "recording", "Recording", "r#2"},
        new Object[] {SampleMarts.KIRKLEES, latest.getAs("inspection_id"), latest.getAs("published_on"), "ilacs", 1,
            "The first point.", "outcome 4", "permanence", "Permanence", "r#1"},
        new Object[] {SampleMarts.KIRKLEES, "an earlier inspection", TestSpark.date("2016-11-25"), "sif", 1,
            "An earlier recommendation.", null, "other", "Other", "r#3"});
    store.writeAll(Map.of(Tables.IMPROVEMENT_POINTS, points));
    assertEquals(ExitCode.OK, report(output, SampleMarts.AS_OF));
    assertFalse(Files.readString(output.resolve("report.html")).contains("An earlier recommendation"));

    Chromium.assumeInstalled();
    ReportDom dom = ReportDom.load(output.resolve("report.html"), "q=kirklees");
    assertEquals(List.of("Kirklees"), dom.names());
    String row = dom.rows().get(0);
    assertTrue(row.contains("<summary>What needs to improve (2, 28 Aug 2024)</summary>"), row);
    assertTrue(row.contains("<li>The first point.<small>Permanence; National Framework outcome 4</small></li>"
        + "<li>The second &lt;b&gt;point&lt;/b&gt;.<small>Recording</small></li>"), row);
  }

  @Test
  void withoutTheMartsOrWithAnEarlierAsOfTheCommandStopsWithBadInput(@TempDir Path empty) {
    assertEquals(ExitCode.BAD_INPUT, report(empty, SampleMarts.AS_OF));
    assertFalse(Files.exists(empty.resolve("report.html")));
    assertEquals(ExitCode.BAD_INPUT, report(SampleMarts.dir(), "2026-11-24"), "days since published would be negative");
  }

  private static int report(Path output, String asOf) {
    return new Cli(Cli.PIPELINE).execute(TestSpark.session(),
        new String[] {"report", "--output", output.toString(), "--as-of", asOf});
  }

  private static List<Integer> sortedNullsLast(List<Integer> grades, Comparator<Integer> order) {
    List<Integer> sorted = new ArrayList<>(grades);
    sorted.sort(Comparator.nullsLast(order));
    assertTrue(grades.stream().anyMatch(Objects::nonNull));
    return sorted;
  }
}
