package ofstedcsc.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ofstedcsc.CorpusRun;
import ofstedcsc.TestSpark;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** report.html on the real national corpus, in headless Chromium; leaves a screenshot in jobs/target. */
class ReportPageIT {
  private static Path page;

  @BeforeAll
  static void write() {
    Chromium.assumeInstalled();
    Path output = CorpusRun.asOf("2026-11-25");
    assertEquals(ExitCode.OK, new Cli(Cli.PIPELINE).execute(TestSpark.session(), new String[] {
        "report", "--output", output.toString(), "--as-of", "2026-11-25"}));
    page = output.resolve("report.html");
  }

  @Test
  void showsEvery153GradedAuthorities() {
    ReportDom dom = ReportDom.load(page, "");
    assertEquals(153, dom.rows().size());
    assertEquals("Showing 153 of 153 authorities", dom.count());
  }

  @Test
  void searchingKirkleesLeavesOneRow() {
    assertEquals(List.of("Kirklees"), ReportDom.load(page, "q=Kirklees").names());
  }

  @Test
  void sortingByCareLeaversPutsInadequateFirstWhenDescending() {
    List<Integer> grades = ReportDom.load(page, "sort=care_leavers&dir=desc").grades(4);
    List<Integer> expected = new ArrayList<>(grades);
    expected.sort(Comparator.nullsLast(Comparator.reverseOrder()));
    assertEquals(expected, grades);
    assertEquals(4, grades.get(0));
  }

  @Test
  void screenshot() throws Exception {
    Path png = TestSpark.projectRoot().resolve("jobs/target/report-screenshot.png");
    Files.deleteIfExists(png);
    Chromium.screenshot(page, "", png);
    assertTrue(Files.size(png) > 50_000, "a page with content, not a blank one: " + Files.size(png) + " bytes");
  }
}
