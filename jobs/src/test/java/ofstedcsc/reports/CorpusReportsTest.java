package ofstedcsc.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ofstedcsc.reference.Grades;
import ofstedcsc.reference.ReferenceTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parses the real corpus in shared/corpus when it is there; skipped otherwise. */
class CorpusReportsTest {
  private static final Set<String> STATUSES = Set.of(ParsedReport.PARSED, ParsedReport.EMPTY_FILE,
      ParsedReport.NOT_A_PDF, ParsedReport.TRUNCATED_PDF, ParsedReport.ENCRYPTED_PDF, ParsedReport.UNPARSEABLE_PDF,
      ParsedReport.NO_JUDGEMENTS, ParsedReport.TOO_LARGE, ParsedReport.TIMEOUT);

  private static Path corpus;
  private static final Map<Path, ParsedReport> results = new TreeMap<>();
  private static long parseNanos;

  @BeforeAll
  static void parseCorpus() throws IOException {
    String root = System.getProperty("project.root");
    corpus = root != null ? Paths.get(root, "..", "shared", "corpus").normalize() : Paths.get("../shared/corpus");
    Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("reports")), "no corpus at " + corpus);
    ReportParser parser = new ReportParser();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus.resolve("reports"))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    parser.parse(Files.readAllBytes(files.get(0)));  // JIT and PDFBox's font set-up, not the per-file cost
    long start = System.nanoTime();
    for (Path file : files) {
      results.put(corpus.relativize(file), parser.parseWithTimeout(Files.readAllBytes(file), Duration.ofSeconds(30),
          file.toString()));
    }
    parseNanos = System.nanoTime() - start;
  }

  @Test
  void everyFileParsesOrGetsAReasonCode() {
    assertEquals(427, results.size());
    results.forEach((file, report) -> {
      assertTrue(STATUSES.contains(report.status()), file + ": " + report.status());
      assertNotNull(report.detail(), file.toString());
      if (report.isParsed()) assertNotNull(report.framework(), file.toString());
    });
    assertEquals(4, results.values().stream().filter(r -> r.status().equals(ParsedReport.NOT_A_PDF)).count());
  }

  @Test
  void kirklees2016() {
    ParsedReport r = results.get(Paths.get("reports", "80478_kirklees", "children's services inspection - 25 november 2016.pdf"));
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals("Kirklees", r.authorityName());
    assertEquals("sif", r.framework());
    assertEquals("full", r.inspectionType());
    assertEquals(LocalDate.of(2016, 11, 25), r.publishedOn());
    assertEquals(LocalDate.of(2016, 9, 12), r.fieldworkStart());
    assertEquals(LocalDate.of(2016, 10, 6), r.fieldworkEnd());
    Map<String, ReportJudgement> byArea = r.judgements().stream()
        .collect(Collectors.toMap(ReportJudgement::area, j -> j));
    assertEquals(Set.of("overall_effectiveness", "help_and_protection", "children_in_care", "adoption",
        "care_leavers", "leadership", "lscb"), byArea.keySet());
    Map<String, Integer> grades = new TreeMap<>();
    byArea.forEach((area, j) -> grades.put(area, j.grade().grade()));
    assertEquals(Map.of("overall_effectiveness", 4, "help_and_protection", 4, "children_in_care", 4,
        "adoption", 3, "care_leavers", 3, "leadership", 4, "lscb", 4), grades);
    assertEquals("requires improvement", byArea.get("adoption").grade().label());
    assertEquals("Children looked after and achieving permanence",
        byArea.get("children_in_care").wording().replaceFirst("^2\\. ", ""));
  }

  @Test
  void hull2015LscbReviewBoundInBehindTheReportItsContentsDoesNotList() {
    ParsedReport r = results.get(Paths.get("reports", "80477_kingston upon hull",
        "single inspection of la children's services as pdf - 10 february 2015.pdf"));
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals("sif", r.framework());
    Map<String, Integer> grades = new TreeMap<>();
    r.judgements().forEach(j -> grades.put(j.area(), j.grade().grade()));
    // The LSCB's grade is on its review's cover, page 37 of 50; the contents on page 2 ends at page 34.
    assertEquals(Map.of("overall_effectiveness", 3, "help_and_protection", 3, "children_in_care", 3,
        "adoption", 3, "care_leavers", 3, "leadership", 3, "lscb", 3), grades);
    assertEquals("The Local Safeguarding Children Board", r.judgements().get(r.judgements().size() - 1).wording());
  }

  @Test
  void agreesWithTheIndexWhereItHasAGrade() throws IOException {
    Map<String, String> areaOfColumn = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceTable.load("judgement_areas").records()) {
      if (row.get("source").equals("index")) areaOfColumn.put(row.get("wording"), row.get("area"));
    }
    Grades grades = Grades.load();
    List<String> lines = Files.readAllLines(corpus.resolve("ofsted_csc_ilacs_history.csv"), StandardCharsets.UTF_8);
    List<String> header = ReferenceTable.splitCsvLine(lines.get(0));
    int compared = 0;
    List<String> disagreements = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = ReferenceTable.splitCsvLine(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < cells.size(); i++) row.put(header.get(i), cells.get(i));
      Path file = Paths.get("reports", row.get("urn") + "_" + row.get("local_authority"), row.get("pdf_filename"));
      ParsedReport report = results.get(file);
      if (report == null || !report.isParsed()) continue;
      for (Map.Entry<String, String> column : areaOfColumn.entrySet()) {
        Grades.Grade indexed = grades.resolve(row.get(column.getKey()));
        Integer expected = indexed == null ? null : indexed.grade();
        if (expected == null) continue;
        compared++;
        Integer found = report.judgements().stream().filter(j -> column.getValue().equals(j.area()))
            .map(j -> j.grade() == null ? null : j.grade().grade()).findFirst().orElse(null);
        if (!expected.equals(found)) {
          disagreements.add(file + " " + column.getValue() + ": index " + expected + " (" + row.get(column.getKey())
              + "), report " + found);
        }
      }
    }
    double agreement = compared == 0 ? 0 : 100.0 * (compared - disagreements.size()) / compared;
    printSummary(compared, agreement, disagreements);
    assertTrue(compared > 1000, "cells compared: " + compared);
    assertTrue(agreement >= 98.0, String.format("agreement %.2f%%: %s", agreement, disagreements));
  }

  private static void printSummary(int compared, double agreement, List<String> disagreements) {
    StringBuilder out = new StringBuilder("\n=== Report parser over the corpus ===\n");
    out.append(String.format("files %d, parse time %.1f ms per file (one thread, after warm-up)%n",
        results.size(), parseNanos / 1e6 / results.size()));
    out.append("per status: ").append(count(results.values().stream().map(ParsedReport::status))).append('\n');
    out.append("per framework: ").append(count(results.values().stream().filter(ParsedReport::isParsed)
        .map(r -> String.valueOf(r.framework())))).append('\n');
    out.append("judgements per framework: ").append(count(results.values().stream().filter(ParsedReport::isParsed)
        .flatMap(r -> r.judgements().stream().map(j -> r.framework())))).append('\n');
    out.append("judgements per area: ").append(count(results.values().stream()
        .flatMap(r -> r.judgements().stream().map(j -> String.valueOf(j.area()))))).append('\n');
    out.append("pages read: ").append(count(results.values().stream().map(r -> String.valueOf(r.pagesRead()))))
        .append('\n');
    results.forEach((file, r) -> {
      if (!r.isParsed()) out.append("  ").append(r.status()).append(": ").append(file).append(" (").append(r.detail())
          .append(")\n");
    });
    out.append(String.format("index agreement: %.2f%% of %d graded cells%n", agreement, compared));
    disagreements.forEach(d -> out.append("  disagrees: ").append(d).append('\n'));
    System.out.println(out);
  }

  private static Map<String, Long> count(Stream<String> values) {
    return values.collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
  }

  
}
