package ofstedcsc.refresh;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.reference.ReferenceTable;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated inputs through a refresh: what can be read is read, the rest is quarantined and counted, and input that must
 * stop the run leaves the published version exactly as it was.
 */
class RefreshBadInputTest {
  private static final String INDEX = "ofsted_csc_ilacs_history.csv";

  @TempDir static Path work;
  private static Path good;
  private static Path output;

  @BeforeAll
  static void publishAGoodVersion() {
    good = RefreshInputs.sampleWithReports(work.resolve("good"), 2);
    output = work.resolve("out");
    assertEquals(ExitCode.OK, refresh(good, "2026-11-25"));
  }

  private static int refresh(Path input, String asOf) {
    return new Cli(Cli.PIPELINE).execute(TestSpark.session(), new String[] {"refresh", "--input", input.toString(),
        "--output", output.toString(), "--as-of", asOf});
  }

  private static Path mutated(String name, Consumer<Path> mutation) throws Exception {
    Path dir = work.resolve(name);
    RefreshInputs.copyTree(good, dir);
    mutation.accept(dir);
    return dir;
  }

  private static String csv(List<String> cells) {
    return cells.stream().map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
        .collect(Collectors.joining(","));
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Random bytes on one line: no line breaks among them. */
  private static byte[] junk() {
    byte[] junk = new byte[64];
    new Random(11).nextBytes(junk);
    for (int i = 0; i < junk.length; i++) {
      if (junk[i] == '\n' || junk[i] == '\r') junk[i] = 0;
    }
    return junk;
  }

  @Test
  void damagedRecordsAndReportsAreQuarantinedAndEveryUnitIsCounted() throws Exception {
    Path kirklees2016 = RefreshInputs.kirkleesReports().resolve(RefreshInputs.KIRKLEES_REPORTS.get(0));
    Path input = mutated("damaged", dir -> {
      try {
        // Latin-1 maps every byte to one char and back: the sample's own mis-encoded line survives the shuffle.
        List<String> lines = Files.readAllLines(dir.resolve(INDEX), StandardCharsets.ISO_8859_1);
        List<String> header = new ArrayList<>(ReferenceTable.splitCsvLine(lines.get(0)));
        header.add("scraped_by");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(7));
        StringBuilder out = new StringBuilder(csv(order.stream().map(header::get).toList())).append('\n');
        for (String line : lines.subList(1, lines.size())) {
          List<String> cells = new ArrayList<>(ReferenceTable.splitCsvLine(line));
          cells.add("robot");
          // A line that does not split into the header's columns is already malformed: it stays as it is.
          out.append(cells.size() == header.size() ? csv(order.stream().map(cells::get).toList()) : line).append('\n');
        }
        String text = out.toString();
        byte[] shuffled = text.substring(0, text.length() - 40).getBytes(StandardCharsets.ISO_8859_1); // cut mid-record
        byte[] junk = junk();
        byte[] cp1252 = ("80478,kirklees,x,r\u00e9port.pdf,05/08/19,standard,Zo\u00eb,,,good,good,good,good,good,1,robot\n")
            .getBytes(Charset.forName("windows-1252"));
        java.io.ByteArrayOutputStream index = new java.io.ByteArrayOutputStream();
        index.write(shuffled);
        index.write('\n');
        index.write(junk);
        index.write('\n');
        index.write(cp1252);
        write(dir.resolve(INDEX), index.toByteArray());

        byte[] report = Files.readAllBytes(kirklees2016);
        write(dir.resolve("reports/80478_kirklees/truncated - 25 november 2016.pdf"),
            java.util.Arrays.copyOf(report, report.length / 3));
        write(dir.resolve("reports/80478_kirklees/empty - 01 may 2020.pdf"), new byte[0]);
        write(dir.resolve("reports/80478_kirklees/junk - 01 may 2020.pdf"), junk);
        write(dir.resolve("reports/80478_kirklees/error page - 01 may 2020.pdf"),
            "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    assertEquals(ExitCode.OK, refresh(input, "2026-11-26"));
    RunManifest manifest = RefreshInputs.assertCurrentComplete(output);
    assertEquals("2026-11-26", manifest.asOf().toString());
    for (RunManifest.SourceCount s : manifest.sources()) {
      assertEquals(s.read(), s.loaded() + s.quarantined(), s.toString());
    }
    Map<String, Long> files = manifest.sources().stream().filter(s -> s.unit().equals("file"))
        .collect(Collectors.toMap(RunManifest.SourceCount::source, RunManifest.SourceCount::read));
    assertEquals(6L, files.get("report"), "2 reports and 4 damaged files, each read once");

    // Every data line of the damaged index was read: 25 sample lines, the junk line and the cp1252 one.
    List<Row> indexRows = TestSpark.session().read().parquet(output.resolve("current/ingest_counts").toString())
        .filter(col("source").equalTo("index").and(col("unit").equalTo("row"))).collectAsList();
    assertEquals(27L, indexRows.get(0).<Long>getAs("read"));

    Map<String, String> reasons = TestSpark.session().read().parquet(output.resolve("current/quarantine").toString())
        .filter(col("source").equalTo("report")).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("source_ref"), r -> r.<String>getAs("reason_code")));
    assertEquals(Map.of(
        "reports/80478_kirklees/truncated - 25 november 2016.pdf", "truncated_pdf",
        "reports/80478_kirklees/empty - 01 may 2020.pdf", "empty_file",
        "reports/80478_kirklees/junk - 01 may 2020.pdf", "not_a_pdf",
        "reports/80478_kirklees/error page - 01 may 2020.pdf", "not_a_pdf"), reasons);
    assertTrue(RefreshInputs.quarantined(output, "bad_encoding") >= 1, "the cp1252 line is quarantined");
  }

  @Test
  void structurallyBadInputStopsTheRefreshAndLeavesCurrentAsItWas() throws Exception {
    Map<String, Consumer<Path>> mutations = Map.of(
        "empty index", dir -> write(dir.resolve(INDEX), new byte[0]),
        "binary index", dir -> write(dir.resolve(INDEX), new byte[] {0x50, 0x4b, 3, 4, 0, (byte) 0xff, '\n', 1, 2}),
        "index lacking a column", dir -> {
          try {
            String text = Files.readString(dir.resolve(INDEX), StandardCharsets.ISO_8859_1);
            write(dir.resolve(INDEX), text.replaceFirst("overall_effectiveness_grade", "overall")
                .getBytes(StandardCharsets.ISO_8859_1));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        "no lookup", dir -> dir.resolve("la_lookup.csv").toFile().delete(),
        "records lacking a column", dir -> write(dir.resolve("records/extra.csv"),
            "urn,published_on,area\n80478,2020-01-01,overall_effectiveness\n".getBytes(StandardCharsets.UTF_8)));
    for (Map.Entry<String, Consumer<Path>> m : mutations.entrySet()) {
      Path before = new PublishedVersions(output).current();
      int runs = new RunLog(output).latest(100).size();
      Path input = mutated(m.getKey().replace(' ', '_'), m.getValue());
      assertEquals(ExitCode.BAD_INPUT, refresh(input, "2026-12-25"), m.getKey());
      assertEquals(before, new PublishedVersions(output).current(), m.getKey());
      assertEquals(runs, new RunLog(output).latest(100).size(), m.getKey());
      try (var versions = Files.list(output.resolve("versions"))) {
        assertTrue(versions.noneMatch(v -> v.getFileName().toString().endsWith(".partial")), m.getKey());
      }
    }
  }
}
