package ofstedcsc.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ofstedcsc.PackagedJar;
import ofstedcsc.TestSpark;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIGKILL at every step of the publish protocol: current must stay complete and agree with its manifest, the lock must
 * die with the process, and the next refresh must remove what the killed one left and complete. The protocol runs in
 * {@link PublishDriver}, a light process without Spark, killed once per step; one real refresh of the packaged jar is
 * also killed while Spark writes a table, to show that what Spark leaves behind is no different.
 */
class RefreshKillIT {
  private static final Path TARGET = TestSpark.projectRoot().resolve("jobs/target");
  /** Run ids sort in the order the runs start, as RefreshJob's timestamps do, and before any run of today. */
  private static final String OLDEST = "20000101T000000Z-0001";
  private static final String PUBLISHED = "20000102T000000Z-0002";
  private static final String ABANDONED = "20000103T000000Z-0003";
  private static final String KILLED = "20000104T000000Z-0004";
  private static final String NEXT = "20000105T000000Z-0005";
  private static final int KEEP = 2;
  /** A safety net for a hung process, generous for slow CI machines, not a timing goal. */
  private static final long LIMIT = 10;

  @TempDir Path work;

  /** Every step of the driver's refresh of KILLED, in order; pruning removes OLDEST, as KEEP is 2. */
  static List<String> steps() {
    List<String> steps = new ArrayList<>(List.of("locked", "cleaned up", "started"));
    for (Table t : Tables.all()) {
      steps.add("writing " + t.name());
      steps.add("wrote " + t.name());
    }
    steps.addAll(List.of("manifest written", "renamed", "linked", "published", "run file written",
        "run table written", "run table in place", "recorded", "pruned " + OLDEST));
    return steps;
  }

  /**
   * Where to kill: every step but those of the tables between the first and the last, which leave what the first's
   * leave (a partial version holding some tables, one perhaps half-written) and would only add a process each.
   */
  static List<String> killPoints() {
    List<Table> tables = Tables.all();
    Set<String> same = new HashSet<>();
    for (Table t : tables.subList(1, tables.size())) {
      same.add("writing " + t.name());
      same.add("wrote " + t.name());
    }
    same.remove("wrote " + tables.get(tables.size() - 1).name());
    return steps().stream().filter(s -> !same.contains(s)).toList();
  }

  /**
   * Two published versions and the leftovers of a run that died writing a table. An exception leaves on disk what a
   * kill would: nothing in the protocol cleans up on the way out.
   */
  private Path outputWithHistory() {
    Path output = work.resolve("out");
    PublishDriver.refresh(output, OLDEST, KEEP, step -> {});
    PublishDriver.refresh(output, PUBLISHED, KEEP, step -> {});
    try {
      PublishDriver.refresh(output, ABANDONED, KEEP, step -> {
        if (step.equals("writing " + Tables.JUDGEMENTS.name())) throw new IllegalStateException("abandoned");
      });
      fail("the abandoned run went on");
    } catch (IllegalStateException expected) {
      assertTrue(Files.isDirectory(partial(output, ABANDONED).resolve(Tables.JUDGEMENTS.name())));
    }
    return output;
  }

  /**
   * The driver on the test's own classes and the few jars they load: Jackson and Parquet for the manifests, Hadoop's
   * client and Snappy for Parquet's writer, and Spark's type classes for the table schemas (with what their static
   * initialisers load: Kryo, ICU, JTS). No Spark session is started.
   */
  private static Process driver(Path output, String runId) throws IOException {
    Predicate<String> needed = Pattern.compile(".*/(jackson-(core|databind|annotations|datatype-jsr310)|parquet-[a-z-]+"
        + "|hadoop-client-(api|runtime)|spark-(sql-api|unsafe|common-utils)|scala-library|kryo-shaded|icu4j|slf4j-api"
        + "|jts-core|snappy-java)[_-][0-9][^/]*\\.jar").asMatchPredicate();
    String jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(needed).collect(Collectors.joining(File.pathSeparator));
    String classpath = String.join(File.pathSeparator, TARGET.resolve("test-classes").toString(),
        TARGET.resolve("classes").toString(), jars);
    // A process that lives a second: the C2 compiler and parallel GC threads would only compete for the cores.
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, PublishDriver.class.getName(),
        output.toString(), runId, Integer.toString(KEEP)).redirectErrorStream(true).start();
  }

  /**
   * Lets the driver take each step up to {@code stop}, then kills it with SIGKILL (no shutdown hooks, no finally
   * blocks) while it waits there; null lets it finish. Returns the steps it announced.
   */
  private static List<String> runUntil(Process p, String stop) throws Exception {
    List<String> steps = new ArrayList<>();
    StringBuilder seen = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer in = p.outputWriter(StandardCharsets.UTF_8)) {
      for (String line; (line = out.readLine()) != null; ) {
        seen.append(line).append('\n');
        if (!line.startsWith(PublishDriver.STEP)) continue;
        String step = line.substring(PublishDriver.STEP.length());
        steps.add(step);
        if (step.equals(stop)) {
          p.destroyForcibly();
          break;
        }
        go(in);
      }
    }
    assertTrue(p.waitFor(LIMIT, TimeUnit.MINUTES), "the driver hung:\n" + seen);
    assertEquals(stop == null ? 0 : 137, p.exitValue(), "stopping at " + stop + ":\n" + seen);
    return steps;
  }

  private static void go(Writer in) throws IOException {
    in.write("go\n");
    in.flush();
  }

  @Test
  void theDriverTakesEveryStepOfTheProtocolInOrder() throws Exception {
    Path output = outputWithHistory();
    assertEquals(steps(), runUntil(driver(output, KILLED), null));
    assertEquals(version(output, KILLED), new PublishedVersions(output).current());
    RefreshInputs.assertCurrentComplete(output);
    assertEquals(List.of(PUBLISHED, KILLED), new PublishedVersions(output).versions());
    assertFalse(Files.exists(partial(output, ABANDONED)));
  }

  @ParameterizedTest(name = "killed at {0}")
  @MethodSource("killPoints")
  void killedAtAnyStepCurrentStaysCompleteAndTheNextRefreshFinishes(String step) throws Exception {
    Path output = outputWithHistory();
    runUntil(driver(output, KILLED), step);
    boolean cleaned = after(step, "cleaned up");
    boolean renamed = after(step, "renamed");
    boolean published = after(step, "published");

    // What the kill left shows where it landed.
    assertEquals(!cleaned, Files.exists(partial(output, ABANDONED)), "the abandoned run's leftovers");
    assertEquals(after(step, "started") && !renamed, Files.isDirectory(partial(output, KILLED)));
    assertEquals(renamed, Files.isDirectory(version(output, KILLED)));
    assertEquals(after(step, "linked") && !published,
        Files.isSymbolicLink(output.resolve(".current-" + KILLED)));

    // Acquired at once: the killed process's lock died with it.
    RefreshLock.acquire(output).close();
    assertEquals(version(output, published ? KILLED : PUBLISHED), new PublishedVersions(output).current());
    RefreshInputs.assertCurrentComplete(output);
    assertTrue(statusOk(output));

    PublishDriver.refresh(output, NEXT, KEEP, s -> {});
    assertEquals(version(output, NEXT), new PublishedVersions(output).current());
    RefreshInputs.assertCurrentComplete(output);
    assertTrue(statusOk(output));
    assertEquals(List.of(".refresh.lock", "current", "run_manifest", "runs", "versions"), names(output));
    // Killed between the rename and the swap, KILLED is complete but was never current: it is kept like any complete
    // version and, never published, has no run record.
    assertEquals(List.of(renamed ? KILLED : PUBLISHED, NEXT), names(output.resolve("versions")));
    List<String> recorded = published ? List.of(OLDEST, PUBLISHED, KILLED, NEXT) : List.of(OLDEST, PUBLISHED, NEXT);
    assertEquals(recorded.stream().map(id -> id + ".json").toList(), names(output.resolve("runs")));
    assertEquals(recorded.stream().map(id -> "part-" + id + ".parquet").toList(),
        names(output.resolve(Tables.RUN_MANIFEST.name())));
    // A run recorded again after a kill replaced its Parquet file rather than adding a second: a row per table each.
    assertEquals(recorded.size() * (long) Tables.all().size(), ParquetFooters.read(new Configuration(),
        output.resolve(Tables.RUN_MANIFEST.name()).toString()).rows());
  }

  @Test
  void aSecondRefreshExitsAtOnceWhileTheFirstHoldsTheLock() throws Exception {
    Path output = outputWithHistory();
    Process first = driver(output, KILLED);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(),
        StandardCharsets.UTF_8)); Writer in = first.outputWriter(StandardCharsets.UTF_8)) {
      for (String line; !(PublishDriver.STEP + "locked").equals(line = out.readLine()); ) {
        assertNotNull(line, "the driver ended before it locked");
      }
      List<String> before = listing(output);
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      int code = withOutput(stdout, stderr, () -> new Cli(Cli.PIPELINE).execute(new String[] {"refresh", "--input",
          TestSpark.projectRoot().resolve("data/sample").toString(), "--output", output.toString(), "--as-of",
          PublishDriver.AS_OF.toString()}));
      assertEquals(ExitCode.BUSY, code);
      assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("another refresh is running on " + output
          + " (pid " + first.pid() + ","), stderr.toString(StandardCharsets.UTF_8));
      assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("hashed"), "the second refresh read the inputs");
      assertEquals(before, listing(output));

      // Then the first goes on from "locked" to the end.
      go(in);
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(PublishDriver.STEP)) go(in);
      }
    }
    assertTrue(first.waitFor(LIMIT, TimeUnit.MINUTES));
    assertEquals(0, first.exitValue());
    assertEquals(version(output, KILLED), new PublishedVersions(output).current());
    RefreshInputs.assertCurrentComplete(output);
  }

  @Test
  void aRefreshOfTheJarKilledWhileSparkWritesATableLeavesCurrentAndTheNextRefreshPublishes() throws Exception {
    Path output = work.resolve("out");
    // A version published before, small and fake: the kill must leave it current, and the next refresh replace it.
    PublishDriver.refresh(output, OLDEST, 3, step -> {});
    String sample = TestSpark.projectRoot().resolve("data/sample").toString();
    String[] refresh = {"refresh", "--input", sample, "--output", output.toString(), "--as-of",
        PublishDriver.AS_OF.toString()};
    Process p = PackagedJar.submit(refresh).start();
    StringBuilder seen = new StringBuilder();
    Path table = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; table == null && (line = out.readLine()) != null; ) {
        seen.append(line).append('\n');
        if (line.endsWith("] writing " + Tables.JUDGEMENTS.name())) table = tableBeingWritten(output, p);
      }
      p.destroyForcibly();
    }
    assertTrue(p.waitFor(LIMIT, TimeUnit.MINUTES));
    assertEquals(137, p.exitValue(), "the refresh ended before writing judgements:\n" + seen);
    assertTrue(Files.isDirectory(table), seen.toString());
    assertFalse(Files.exists(table.resolveSibling(PublishedVersions.MANIFEST)), "killed before its manifest");

    assertEquals(version(output, OLDEST), new PublishedVersions(output).current());
    RefreshInputs.assertCurrentComplete(output);
    assertTrue(statusOk(output));
    // Acquired at once: the lock died with the jar's process.
    RefreshLock.acquire(output).close();

    assertEquals(ExitCode.OK, new Cli(Cli.PIPELINE).execute(TestSpark.session(), refresh));
    RunManifest manifest = RefreshInputs.assertCurrentComplete(output);
    assertEquals(RunManifest.PUBLISHED, manifest.outcome());
    assertEquals(List.of("la_lookup.csv", "ofsted_csc_ilacs_history.csv", "records/fictional.csv",
        "records/kirklees.csv"), manifest.inputs().stream().map(InputFiles.InputFile::path).toList());
    assertNotEquals(OLDEST, manifest.runId());
    assertEquals(version(output, manifest.runId()), new PublishedVersions(output).current());
    assertEquals(List.of(OLDEST, manifest.runId()), names(output.resolve("versions")), "the partial is gone");
    assertEquals(List.of(OLDEST + ".json", manifest.runId() + ".json"), names(output.resolve("runs")),
        "the killed run recorded nothing");
    ByteArrayOutputStream status = new ByteArrayOutputStream();
    assertEquals(ExitCode.OK, withOutput(status, new ByteArrayOutputStream(),
        () -> new Cli(Cli.PIPELINE).execute(new String[] {"status", "--output", output.toString()})));
    String text = status.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("current -> versions/" + manifest.runId()), text);
    assertFalse(text.contains("MISMATCH"), text);
  }

  /**
   * The killed run's table directory, once Spark has created it: its job has begun writing. Polls rather than sleeps
   * a fixed time, so a slow machine only waits longer.
   */
  private static Path tableBeingWritten(Path output, Process p) throws Exception {
    while (p.isAlive()) {
      try (Stream<Path> s = Files.list(output.resolve("versions"))) {
        Path table = s.filter(v -> v.getFileName().toString().endsWith(PublishedVersions.PARTIAL))
            .map(v -> v.resolve(Tables.JUDGEMENTS.name())).filter(Files::isDirectory).findFirst().orElse(null);
        if (table != null) return table;
      }
      Thread.sleep(5);
    }
    return fail("the refresh ended before it began writing " + Tables.JUDGEMENTS.name());
  }

  private static boolean after(String step, String other) {
    return steps().indexOf(step) >= steps().indexOf(other);
  }

  private static Path version(Path output, String runId) {
    return output.resolve(PublishedVersions.VERSIONS).resolve(runId);
  }

  private static Path partial(Path output, String runId) {
    return output.resolve(PublishedVersions.VERSIONS).resolve(runId + PublishedVersions.PARTIAL);
  }

  /** The names in {@code dir}, hidden ones (half-written run files, link swaps) included, sorted. */
  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every path under dir with its modification time; the lock file is the lock's, not output. */
  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.getFileName().toString().equals(RefreshLock.FILE))
          .map(p -> dir.relativize(p) + " " + p.toFile().lastModified()).sorted().toList();
    }
  }

  private static boolean statusOk(Path output) {
    return Status.print(output.toString(), 5, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
  }

  private static int withOutput(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr,
      IntSupplier run) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      return run.getAsInt();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
