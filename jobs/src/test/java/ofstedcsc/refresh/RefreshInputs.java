package ofstedcsc.refresh;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import ofstedcsc.TestSpark;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;

/** Inputs for refresh tests: the embedded sample plus Kirklees's real reports, added one at a time. */
final class RefreshInputs {
  private RefreshInputs() {}

  static final List<String> KIRKLEES_REPORTS = List.of(
      "children's services inspection - 25 november 2016.pdf",
      "children's services inspection - 05 august 2019.pdf",
      "children's services inspection - 28 august 2024.pdf");

  static Path kirkleesReports() {
    Path corpus = TestSpark.corpus();
    if ("true".equals(System.getenv("CI"))) assertNotNull(corpus, "CI=true but ../shared/corpus is missing");
    Assumptions.assumeTrue(corpus != null, "../shared/corpus is not on this machine");
    return corpus.resolve("reports/80478_kirklees");
  }

  /** A copy of data/sample with the first {@code reports} of Kirklees's reports under reports/. */
  static Path sampleWithReports(Path dir, int reports) {
    Path source = kirkleesReports();
    try {
      copyTree(TestSpark.projectRoot().resolve("data/sample"), dir);
      for (int i = 0; i < reports; i++) addReport(dir, source.resolve(KIRKLEES_REPORTS.get(i)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void addReport(Path input, Path report) throws IOException {
    Path target = input.resolve("reports/80478_kirklees").resolve(report.getFileName().toString());
    Files.createDirectories(target.getParent());
    Files.copy(report, target);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  /** Every published table of two output directories holds the same rows, duplicates included. */
  static void assertSameTables(Path expected, Path actual) {
    for (Table t : Tables.all()) {
      Dataset<Row> a = TestSpark.session().read().schema(t.schema()).parquet(expected.resolve(t.name()).toString());
      Dataset<Row> b = TestSpark.session().read().schema(t.schema()).parquet(actual.resolve(t.name()).toString());
      assertEquals(a.count(), b.count(), t.name() + ": row counts differ");
      assertEquals(0, a.exceptAll(b).count(), t.name() + ": rows only in " + expected);
      assertEquals(0, b.exceptAll(a).count(), t.name() + ": rows only in " + actual);
    }
  }

  /** current is a complete version: every table present and as many rows as its manifest says. */
  static RunManifest assertCurrentComplete(Path output) {
    Path current = new PublishedVersions(output).current();
    assertNotNull(current, "no current under " + output);
    RunManifest manifest = RunManifest.read(current.resolve(PublishedVersions.MANIFEST));
    assertEquals(Tables.all().stream().map(Table::name).toList(), List.copyOf(manifest.tables().keySet()));
    for (Table t : Tables.all()) {
      Path table = output.resolve(PublishedVersions.CURRENT).resolve(t.name());
      assertTrue(Files.isDirectory(table), t.name() + " missing from current");
      assertEquals(manifest.tables().get(t.name()),
          ParquetFooters.read(new Configuration(), table.toString()).rows(), t.name() + " rows");
    }
    return manifest;
  }

  static long quarantined(Path output, String reason) {
    return TestSpark.session().read().parquet(output.resolve("current/quarantine").toString())
        .filter(col("reason_code").equalTo(reason)).count();
  }
}
