package ofstedcsc.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ofstedcsc.Progress;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.ParquetRows;
import ofstedcsc.refresh.InputFiles.InputFile;
import ofstedcsc.schema.Tables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ofsted status} on a published output made without Spark (two small tables, their manifest, the run log), then
 * damaged in each way a disk or a person can: one line says what is wrong, the exit code is 1, and no stack trace.
 */
class StatusTest {
  private static final String RUN = "20261125T060000Z-a1b2";

  @TempDir Path output;
  private Path version;

  /** What the command printed on each stream, and its exit code. */
  private record Printed(int code, String out, String err) {}

  @BeforeEach
  void publish() throws Exception {
    version = Files.createDirectories(output.resolve("versions").resolve(RUN));
    Files.createDirectories(version.resolve("ingest_counts"));
    ParquetRows.write(version.resolve("ingest_counts/part-0.parquet"), Tables.INGEST_COUNTS, List.of(
        new Object[] {"index", "ofsted_csc_ilacs_history.csv", "row", 25L, 24L, 1L},
        new Object[] {"lookup", "la_lookup.csv", "row", 6L, 6L, 0L}));
    Files.createDirectories(version.resolve("authority_neighbours"));
    ParquetRows.write(version.resolve("authority_neighbours/part-0.parquet"), Tables.AUTHORITY_NEIGHBOURS,
        List.of(new Object[] {"80478", "80535", 1}, new Object[] {"80478", "80536", 2},
            new Object[] {"80535", "80478", 1}));
    Map<String, Long> tables = new LinkedHashMap<>();
    tables.put("ingest_counts", 2L);
    tables.put("authority_neighbours", 3L);
    RunManifest manifest = new RunManifest(RUN, RunManifest.PUBLISHED, RUN, Instant.parse("2026-11-25T06:00:00Z"),
        Instant.parse("2026-11-25T06:01:30Z"), LocalDate.parse("2026-11-25"), LocalDate.parse("2026-12-31"), "in",
        "dev", "dev", "4.2.0", List.of(new InputFile("la_lookup.csv", 812, "ab".repeat(32))), List.of(), tables,
        Map.of("ingest", 40.0), Map.of("parsed", 2L, "reused", 0L), Map.of());
    manifest.write(version.resolve(PublishedVersions.MANIFEST));
    Files.createSymbolicLink(output.resolve(PublishedVersions.CURRENT), Path.of("versions", RUN));
    new RunLog(output).record(manifest);
  }

  @Test
  void aWholeVersionIsOkTableByTable() {
    Printed p = status();
    assertEquals(ExitCode.OK, p.code(), p.out());
    assertTrue(p.out().contains("current -> versions/" + RUN + "  (published 2026-11-25T06:01:30Z, as at 2026-11-25;"
        + " versions kept: " + RUN + ")"), p.out());
    assertTrue(p.out().contains("  ingest_counts                 2        2  ok\n"), p.out());
    assertTrue(p.out().contains("  authority_neighbours          3        3  ok\n"), p.out());
    assertTrue(p.out().contains("  " + RUN + "  published  " + RUN + "      90.0 2026-11-25       2       0\n"),
        p.out());
    assertEquals("", p.err());
    assertNull(new PublishedVersions(output).published().damage());
  }

  @Test
  void aTruncatedParquetFileNamesItsTableAsUnreadable() throws Exception {
    Path part = version.resolve("authority_neighbours/part-0.parquet");
    Files.write(part, java.util.Arrays.copyOf(Files.readAllBytes(part), 100));

    Printed p = status();

    assertEquals(ExitCode.FAILURE, p.code(), p.out());
    assertTrue(p.out().contains("  ingest_counts                 2        2  ok\n"), p.out());
    assertTrue(p.out().contains("  authority_neighbours          3        -  UNREADABLE (part-0.parquet: "), p.out());
    assertTrue(p.out().contains("current is damaged: versions/" + RUN + ": authority_neighbours UNREADABLE"
        + " (part-0.parquet: "), p.out());
    assertEquals("", p.err());
    assertUnusable();
  }

  @Test
  void aMissingTableOrOneWithOtherRowsIsDamage() throws Exception {
    PublishedVersions.delete(version.resolve("ingest_counts"));
    Path neighbours = version.resolve("authority_neighbours/part-0.parquet");
    Files.delete(neighbours);
    ParquetRows.write(neighbours, Tables.AUTHORITY_NEIGHBOURS, List.<Object[]>of(new Object[] {"1", "2", 1}));

    Printed p = status();

    assertEquals(ExitCode.FAILURE, p.code(), p.out());
    assertTrue(p.out().contains("  ingest_counts                 2        -  MISSING\n"), p.out());
    assertTrue(p.out().contains("  authority_neighbours          3        1  MISMATCH\n"), p.out());
    assertTrue(p.out().contains("current is damaged: versions/" + RUN
        + ": ingest_counts MISSING; authority_neighbours MISMATCH\n"), p.out());
    assertUnusable();
  }

  @Test
  void aManifestCutShortIsNamedAsDamaged() throws Exception {
    Path manifest = version.resolve(PublishedVersions.MANIFEST);
    byte[] json = Files.readAllBytes(manifest);
    Files.write(manifest, java.util.Arrays.copyOf(json, json.length / 2));

    Printed p = status();

    assertEquals(ExitCode.FAILURE, p.code(), p.out());
    assertTrue(p.out().startsWith("current -> versions/" + RUN + "  DAMAGED  (versions kept: " + RUN + ")\n"),
        p.out());
    assertTrue(p.out().contains("current is damaged: " + manifest + " is not a whole run manifest: Unexpected"
        + " end-of-input"), p.out());
    assertTrue(p.out().contains("  " + RUN + "  published  "), "the run log is still listed: " + p.out());
    assertEquals("", p.err());
    assertUnusable();
  }

  @Test
  void aManifestLackingAFieldOrNotJsonIsNamedAsDamaged() throws Exception {
    Path manifest = version.resolve(PublishedVersions.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"as_of\" : \"2026-11-25\",", ""));
    Printed lacking = status();
    assertEquals(ExitCode.FAILURE, lacking.code(), lacking.out());
    assertTrue(lacking.out().contains("current is damaged: " + manifest + " is not a whole run manifest: it lacks"
        + " as_of\n"), lacking.out());

    Files.writeString(manifest, "null");
    Printed nothing = status();
    assertEquals(ExitCode.FAILURE, nothing.code(), nothing.out());
    assertTrue(nothing.out().contains("is not a whole run manifest: it lacks everything\n"), nothing.out());

    Files.delete(manifest);
    Printed missing = status();
    assertEquals(ExitCode.FAILURE, missing.code(), missing.out());
    assertTrue(missing.out().contains("current is damaged: " + manifest + " does not exist\n"), missing.out());
    assertUnusable();
  }

  @Test
  void aCurrentThatPointsAtAPrunedVersionIsNamedAsDamaged() throws Exception {
    PublishedVersions.delete(version);

    Printed p = status();

    assertEquals(ExitCode.FAILURE, p.code(), p.out());
    assertTrue(p.out().startsWith("current -> versions/" + RUN + "  DAMAGED  (versions kept: none)\n"), p.out());
    assertTrue(p.out().contains("current is damaged: versions/" + RUN + " does not exist (pruned or deleted): current"
        + " points nowhere\n"), p.out());
    assertEquals("", p.err());
    assertUnusable();
  }

  @Test
  void aDamagedRunRecordIsListedAsUnreadableWithoutFailingTheCheck() throws Exception {
    Files.writeString(output.resolve("runs/20261126T060000Z-c3d4.json"), "{\"run_id\": \"20261126T0");

    Printed p = status();

    assertEquals(ExitCode.OK, p.code(), p.out());
    assertTrue(p.out().contains("  20261126T060000Z-c3d4  unreadable " + output.resolve("runs/20261126T060000Z-c3d4"
        + ".json") + " is not a whole run manifest: Unexpected end-of-input"), p.out());
    assertTrue(p.out().contains("  " + RUN + "  published  "), p.out());
  }

  /** A refresh builds on nothing of a damaged current: neither its inputs nor its report cache. */
  private void assertUnusable() {
    assertNull(new PublishedVersions(output).usable(new Progress()));
  }

  private Printed status() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      int code = new Cli(Cli.PIPELINE).execute(new String[] {"status", "--output", output.toString()});
      return new Printed(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
