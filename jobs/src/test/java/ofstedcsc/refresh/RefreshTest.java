package ofstedcsc.refresh;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ofstedcsc.Progress;
import ofstedcsc.TestSpark;
import ofstedcsc.cli.AsAt;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A refresh's life on one output directory, in order: first publication, nothing new, one new report, and so on. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshTest {
  private static final String AS_OF = "2026-11-25";

  @TempDir static Path work;
  private static Path input;
  private static Path output;

  @BeforeAll
  static void inputs() {
    input = RefreshInputs.sampleWithReports(work.resolve("in"), 2);
    output = work.resolve("out");
  }

  private static int refresh(Path in, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("refresh", "--input", in.toString(), "--output",
        out.toString(), "--as-of", AS_OF));
    args.addAll(List.of(more));
    return new Cli(Cli.PIPELINE).execute(TestSpark.session(), args.toArray(String[]::new));
  }

  private static Path current() {
    return new PublishedVersions(output).current();
  }

  /** Every file and directory under dir with its modification time; the lock file is the lock's, not output. */
  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.getFileName().toString().equals(RefreshLock.FILE))
          .map(p -> dir.relativize(p) + " " + p.toFile().lastModified()).sorted().toList();
    }
  }

  private static void assertUntouched(List<String> before, List<String> after) {
    List<String> gone = before.stream().filter(l -> !after.contains(l)).toList();
    List<String> come = after.stream().filter(l -> !before.contains(l)).toList();
    assertTrue(gone.isEmpty() && come.isEmpty(), "changed: gone " + gone + ", new " + come);
  }

  @Test
  @Order(1)
  void theFirstRefreshPublishesEveryTableAsOneVersionAndRecordsTheRun() throws Exception {
    assertEquals(ExitCode.OK, refresh(input, output));
    RunManifest manifest = RefreshInputs.assertCurrentComplete(output);
    assertEquals(RunManifest.PUBLISHED, manifest.outcome());
    assertEquals(Map.of("parsed", 2L, "reused", 0L), manifest.reports());
    assertTrue(Files.isSymbolicLink(output.resolve("current")));
    assertEquals(output.resolve("versions").resolve(manifest.runId()), current());
    assertEquals(6, manifest.inputs().size(), "lookup, index, 2 records files, 2 reports: " + manifest.inputs());
    assertTrue(manifest.sources().stream().allMatch(s -> s.read() == s.loaded() + s.quarantined()));
    assertEquals(2L, manifest.sources().stream().filter(s -> s.source().equals("report") && s.unit().equals("file"))
        .mapToLong(RunManifest.SourceCount::loaded).sum());
    assertTrue(Files.isRegularFile(output.resolve("runs").resolve(manifest.runId() + ".json")));

    // The run manifest is a table like the others: Spark reads it with the declared schema.
    Dataset<Row> runs = TestSpark.session().read().parquet(output.resolve("run_manifest").toString());
    assertEquals(Tables.RUN_MANIFEST.schema().fields().length, runs.schema().fields().length);
    for (StructField f : Tables.RUN_MANIFEST.schema().fields()) {
      assertEquals(f.dataType(), runs.schema().apply(f.name()).dataType(), f.name());
    }
    assertEquals(2, runs.filter(col("item_kind").equalTo("input").and(col("item").startsWith("reports/"))
        .and(col("sha256").rlike("^[0-9a-f]{64}$"))).count());
    assertEquals(manifest.tables().get("judgements"), runs.filter(col("item_kind").equalTo("table")
        .and(col("item").equalTo("judgements"))).first().<Long>getAs("rows"));
  }

  @Test
  @Order(2)
  void aRefreshWithNothingNewStartsNoSparkAndRewritesNothing() throws Exception {
    Path before = current();
    List<String> versions = listing(output.resolve("versions"));
    RunManifest run = RefreshJob.run(new RefreshJob.Settings(input.toString(), output.toString(),
        LocalDate.parse(AS_OF), AsAt.defaultPublishedBy(LocalDate.parse(AS_OF)), 3),
        () -> {
          throw new AssertionError("a refresh with nothing new started Spark");
        }, new Progress());
    assertEquals(RunManifest.UNCHANGED, run.outcome());
    assertEquals(before.getFileName().toString(), run.version());
    assertEquals(before, current());
    assertUntouched(versions, listing(output.resolve("versions")));
    assertEquals(2, new RunLog(output).latest(10).size());
  }

  @Test
  @Order(3)
  void oneNewReportIsParsedAloneAndTheResultEqualsAFullRebuild() throws Exception {
    RefreshInputs.addReport(input, RefreshInputs.kirkleesReports().resolve(RefreshInputs.KIRKLEES_REPORTS.get(2)));
    assertEquals(ExitCode.OK, refresh(input, output));
    RunManifest manifest = RefreshInputs.assertCurrentComplete(output);
    assertEquals(Map.of("parsed", 1L, "reused", 2L), manifest.reports());

    Path full = work.resolve("full");
    assertEquals(ExitCode.OK, new Cli(Cli.PIPELINE).execute(TestSpark.session(), new String[] {"run", "--input",
        input.toString(), "--output", full.toString(), "--as-of", AS_OF}));
    RefreshInputs.assertSameTables(full, output.resolve("current"));
    // And the story is there: Kirklees good overall in 2024, from its report.
    assertEquals(1, TestSpark.session().read().parquet(output.resolve("current/judgements").toString())
        .filter("authority_id = '80478' and area = 'overall_effectiveness' and grade = 2 and source = 'report'")
        .count());
  }

  @Test
  @Order(4)
  void twoRefreshesOfTheSameInputGiveTheSameRowsAndIds() {
    Path again = work.resolve("again");
    assertEquals(ExitCode.OK, refresh(input, again));
    RefreshInputs.assertSameTables(output.resolve("current"), again.resolve("current"));
  }

  @Test
  @Order(5)
  void aSecondRefreshWhileOneRunsExitsAtOnceTouchingNothing() throws Exception {
    Path before = current();
    List<String> versions = listing(output.resolve("versions"));
    try (RefreshLock held = RefreshLock.acquire(output)) {
      assertEquals(ExitCode.BUSY, refresh(input, output, "--as-of", "2026-12-01"));
    }
    assertEquals(before, current());
    assertUntouched(versions, listing(output.resolve("versions")));
  }

  @Test
  @Order(6)
  void badInputStopsTheRefreshBeforeAnythingIsWritten() throws Exception {
    Path bad = work.resolve("bad");
    RefreshInputs.copyTree(input, bad);
    Path lookup = bad.resolve("la_lookup.csv");
    Files.writeString(lookup, Files.readString(lookup).replaceFirst("la_code_new", "ons_code_renamed"));
    Path before = current();
    List<String> all = listing(output);
    assertEquals(ExitCode.BAD_INPUT, refresh(bad, output, "--as-of", "2026-12-01"));
    assertEquals(before, current());
    assertUntouched(all, listing(output));
  }

  @Test
  @Order(7)
  void leftoversOfAKilledRunAreRemovedAndOldVersionsPruned() throws Exception {
    Path partial = Files.createDirectories(output.resolve("versions/20000101T000000Z-dead.partial/judgements"));
    Files.createSymbolicLink(output.resolve(".current-20000101T000000Z-dead"), Path.of("versions/nowhere"));
    assertEquals(ExitCode.OK, refresh(input, output, "--as-of", "2026-12-01", "--keep", "2"));
    assertFalse(Files.exists(partial.getParent()));
    assertFalse(Files.exists(output.resolve(".current-20000101T000000Z-dead"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    List<String> kept = new PublishedVersions(output).versions();
    assertEquals(2, kept.size(), kept.toString());
    assertEquals(current().getFileName().toString(), kept.get(1));
    assertEquals(LocalDate.parse("2026-12-01"), RefreshInputs.assertCurrentComplete(output).asOf());
  }

  @Test
  @Order(8)
  void aDamagedManifestInCurrentGetsAFreshCompleteVersionNotUnchanged() throws Exception {
    Path damaged = current();
    Path manifest = damaged.resolve(PublishedVersions.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).substring(0, 300));
    int runs = new RunLog(output).latest(100).size();

    // The same input and date as the last refresh: only the damage makes it publish.
    assertEquals(ExitCode.OK, refresh(input, output, "--as-of", "2026-12-01", "--keep", "2"));

    RunManifest fresh = RefreshInputs.assertCurrentComplete(output);
    assertEquals(RunManifest.PUBLISHED, fresh.outcome());
    assertFalse(current().equals(damaged));
    assertEquals(Map.of("parsed", 3L, "reused", 0L), fresh.reports(), "nothing of the damaged version is reused");
    assertEquals(runs + 1, new RunLog(output).latest(100).size());
  }

  @Test
  @Order(9)
  void aCurrentPointingAtAPrunedVersionGetsAFreshCompleteVersion() throws Exception {
    Path link = output.resolve(PublishedVersions.CURRENT);
    Files.delete(link);
    Files.createSymbolicLink(link, Path.of("versions/20000101T000000Z-gone"));

    assertEquals(ExitCode.OK, refresh(input, output, "--as-of", "2026-12-01", "--keep", "2"));

    RunManifest fresh = RefreshInputs.assertCurrentComplete(output);
    assertEquals(RunManifest.PUBLISHED, fresh.outcome());
    assertEquals(output.resolve("versions").resolve(fresh.runId()), current());
    assertEquals(Map.of("parsed", 3L, "reused", 0L), fresh.reports());
    assertTrue(Status.print(output.toString(), 10, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
  }

  @Test
  @Order(10)
  void aVersionThatFailsADataCheckIsNotPublishedAndItsRunSaysWhy() throws Exception {
    Path before = current();
    List<String> published = listing(before);
    // A judgement written twice, as a defect in the pipeline could write it.
    RunManifest run = RefreshJob.run(new RefreshJob.Settings(input.toString(), output.toString(),
        LocalDate.parse("2026-12-02"), LocalDate.parse("2027-01-31"), 2), TestSpark::session, new Progress(),
        tables -> {
          Map<Table, Dataset<Row>> amended = new LinkedHashMap<>(tables);
          amended.put(Tables.JUDGEMENTS, tables.get(Tables.JUDGEMENTS)
              .union(tables.get(Tables.JUDGEMENTS).orderBy("inspection_id", "area").limit(1)));
          return amended;
        });

    assertEquals(RunManifest.REJECTED, run.outcome());
    assertEquals(Map.of("judgements unique(inspection_id, area)", 2L), run.failedChecks());
    assertEquals(before.getFileName().toString(), run.version());
    assertEquals(before, current());
    assertUntouched(published, listing(before));
    RunManifest recorded = RunManifest.read(output.resolve("runs").resolve(run.runId() + ".json"));
    assertEquals(run.failedChecks(), recorded.failedChecks());
    assertEquals(1, TestSpark.session().read().parquet(output.resolve("run_manifest").toString())
        .filter(col("run_id").equalTo(run.runId()).and(col("outcome").equalTo("rejected"))
            .and(col("item_kind").equalTo("failed_check"))
            .and(col("item").equalTo("judgements unique(inspection_id, area)")).and(col("rows").equalTo(2L)))
        .count());
    java.io.ByteArrayOutputStream status = new java.io.ByteArrayOutputStream();
    assertTrue(Status.print(output.toString(), 1, new java.io.PrintStream(status, true)));
    assertTrue(status.toString().contains("failed check: judgements unique(inspection_id, area) (2 rows)"),
        status.toString());
  }
}
