package ofstedcsc.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ofstedcsc.Main;
import ofstedcsc.TestSpark;
import ofstedcsc.schema.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at the moments a refresh is most exposed (parsing, each table's write, publication), each time in a real
 * process of the packaged jar: current must stay complete and agree with its manifest, and the next refresh must
 * finish with no clean-up by hand.
 */
class RefreshKillIT {
  private static final Path TARGET = TestSpark.projectRoot().resolve("jobs/target");
  private static final String AS_OF = "2026-11-25";
  /** Minutes: a safety net for a hung process, generous because CI machines can be slow, not a timing goal. */
  private static final long LIMIT = 15;

  @TempDir Path work;

  private Process start(Path input, Path output, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + TARGET.resolve("launcher/jvm.opts"),
        "-Dlog4j2.configurationFile=" + TARGET.resolve("launcher/log4j2.properties"),
        "-cp", Files.readString(TARGET.resolve("launcher/classpath.txt")).trim(),
        "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--class", "ofstedcsc.Main",
        TARGET.resolve("ofsted-jobs.jar").toString(),
        "refresh", "--input", input.toString(), "--output", output.toString(), "--as-of", AS_OF));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    return log == null ? builder.start() : builder.redirectOutput(log.toFile()).start();
  }

  /** Runs a refresh until a line containing {@code moment} appears, then kills it with SIGKILL. */
  private void killAt(Path input, Path output, String moment) throws Exception {
    Process p = start(input, output, null);
    StringBuilder seen = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        seen.append(line).append('\n');
        if (line.contains(moment)) {
          p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
          break;
        }
      }
    }
    assertTrue(p.waitFor(LIMIT, TimeUnit.MINUTES));
    assertEquals(137, p.exitValue(), "the refresh ended before '" + moment + "':\n" + seen);
  }

  private static boolean statusOk(Path output) {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Status.print(output.toString(), 5, out);
  }

  @Test
  void killedAtAnyMomentCurrentStaysCompleteAndTheNextRefreshFinishes() throws Exception {
    Path input = RefreshInputs.sampleWithReports(work.resolve("in"), 2);
    Path output = work.resolve("out");
    Process first = start(input, output, work.resolve("first.log"));
    assertTrue(first.waitFor(LIMIT, TimeUnit.MINUTES));
    assertEquals(Main.OK, first.exitValue(), Files.readString(work.resolve("first.log")));
    Path published = new PublishedVersions(output).current();

    RefreshInputs.addReport(input, RefreshInputs.kirkleesReports().resolve(RefreshInputs.KIRKLEES_REPORTS.get(2)));
    List<String> moments = new ArrayList<>(List.of("parsing 1 of 3 reports"));
    Stream.concat(Tables.CANONICAL.stream(), Tables.MARTS.stream()).forEach(t -> moments.add("writing " + t.name()));
    for (String moment : moments) {
      killAt(input, output, moment);
      assertEquals(published, new PublishedVersions(output).current(), "killed at " + moment);
      RefreshInputs.assertCurrentComplete(output);
      assertTrue(statusOk(output), "killed at " + moment);
    }
    // Killed while publishing: current is the old version or the new one, complete either way.
    killAt(input, output, "publishing version");
    RefreshInputs.assertCurrentComplete(output);
    assertTrue(statusOk(output));

    Process last = start(input, output, work.resolve("last.log"));
    assertTrue(last.waitFor(LIMIT, TimeUnit.MINUTES));
    String log = Files.readString(work.resolve("last.log"));
    assertEquals(Main.OK, last.exitValue(), log);
    RunManifest manifest = RefreshInputs.assertCurrentComplete(output);
    assertNotEquals(published, new PublishedVersions(output).current());
    assertEquals(3, manifest.inputs().stream().filter(f -> f.path().startsWith("reports/")).count());
    // No leftovers of the killed runs, and every published version is in the run log.
    try (var versions = Files.list(output.resolve("versions"))) {
      assertTrue(versions.noneMatch(v -> v.getFileName().toString().endsWith(".partial")));
    }
    for (String version : new PublishedVersions(output).versions()) {
      assertTrue(Files.isRegularFile(output.resolve("runs").resolve(version + ".json")), version);
    }

    Path full = work.resolve("full");
    assertEquals(Main.OK, Main.execute(TestSpark.session(), Main.Options.parse(new String[] {"run", "--input",
        input.toString(), "--output", full.toString(), "--as-of", AS_OF})));
    RefreshInputs.assertSameTables(full, output.resolve("current"));
  }

  @Test
  void aSecondRefreshExitsAtOnceWhileTheFirstRuns() throws Exception {
    Path input = RefreshInputs.sampleWithReports(work.resolve("in"), 1);
    Path output = work.resolve("out");
    Process first = start(input, output, null);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.contains("hashed")) break;
      }
      // Stopped, the first refresh keeps its lock however slowly the second starts.
      signal("STOP", first);
      Process second = start(input, output, work.resolve("second.log"));
      assertTrue(second.waitFor(LIMIT, TimeUnit.MINUTES));
      String log = Files.readString(work.resolve("second.log"));
      assertTrue(first.isAlive());
      signal("CONT", first);
      assertEquals(Main.BUSY, second.exitValue(), log);
      assertTrue(log.contains("another refresh is running on " + output), log);
      assertFalse(log.contains("hashed"), "the second refresh went on to read the inputs:\n" + log);
      out.transferTo(java.io.Writer.nullWriter());
    }
    assertTrue(first.waitFor(LIMIT, TimeUnit.MINUTES));
    assertEquals(Main.OK, first.exitValue());
    RefreshInputs.assertCurrentComplete(output);
  }

  private static void signal(String name, Process p) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
  }
}
