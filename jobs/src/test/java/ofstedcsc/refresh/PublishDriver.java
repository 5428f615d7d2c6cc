package ofstedcsc.refresh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import ofstedcsc.io.ParquetRows;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.types.DataTypes;

/**
 * A refresh without Spark: the real lock, versions, run log and manifest, taken in the order of RefreshJob.run, with
 * small fake tables written where Spark would write the real ones. Crash safety belongs to this protocol, not to what
 * Spark computes, so RefreshKillIT can kill a process that starts in a second instead of one that runs the pipeline.
 *
 * <p>As a main class ({@code OUTPUT RUN_ID KEEP}) it prints {@code step NAME} after each step and waits for a line on
 * stdin before the next, so the test kills it exactly there and not somewhere after.
 */
final class PublishDriver {
  static final LocalDate AS_OF = LocalDate.parse("2026-11-25");
  static final String STEP = "step ";

  /** What a table holds here: its row count is all that status and the manifest check. */
  private static final Table FAKE = Table.of("fake", "test", "rows in place of a table Spark would write",
      Table.grain("one row per n", "n"), Table.field("n", DataTypes.LongType, "row number", ">= 0", "0").notNull());

  private PublishDriver() {}

  public static void main(String[] args) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    refresh(Path.of(args[0]), args[1], Integer.parseInt(args[2]), step -> {
      System.out.println(STEP + step);
      System.out.flush();
      try {
        // Without a test to answer, end rather than linger.
        if (in.readLine() == null) throw new IllegalStateException("stdin closed at step " + step);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Publishes run {@code runId} under {@code root} and keeps {@code keep} versions; {@code step} hears each step. */
  static RunManifest refresh(Path root, String runId, int keep, Consumer<String> step) {
    Instant started = Instant.now();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (RefreshLock lock = RefreshLock.acquire(root)) {
      step.accept("locked");
      PublishedVersions versions = new PublishedVersions(root, step);
      RunLog log = new RunLog(root, step);
      versions.removeUnfinished();
      log.removeUnfinished();
      log.recordIfMissing(versions.current());
      step.accept("cleaned up");
      Path version = versions.start(runId);
      step.accept("started");
      Map<String, Long> tables = new LinkedHashMap<>();
      for (Table t : Tables.all()) {
        // Counts differ from table to table, so a table shown under another's name would not match the manifest.
        tables.put(t.name(), writeTable(version.resolve(t.name()), tables.size() + 1, step));
      }
      RunManifest manifest = new RunManifest(runId, RunManifest.PUBLISHED, runId, started, Instant.now(), AS_OF,
          AS_OF.plusMonths(1), "fake tables", RefreshJob.projectVersion(), "fake", "none", List.of(), List.of(),
          tables, Map.of(), Map.of(), Map.of());
      manifest.write(version.resolve(PublishedVersions.MANIFEST));
      step.accept("manifest written");
      versions.publish(runId);
      step.accept("published");
      log.record(manifest);
      step.accept("recorded");
      versions.prune(keep);
      return manifest;
    }
  }

  /** Spark's way with a table, in small: the task writes under _temporary, the job's commit moves it into place. */
  private static long writeTable(Path dir, long rows, Consumer<String> step) {
    try {
      Path task = Files.createDirectories(dir.resolve("_temporary/0")).resolve("part-00000.parquet");
      ParquetRows.write(task, FAKE, LongStream.range(0, rows).mapToObj(n -> new Object[] {n}).toList());
      step.accept("writing " + dir.getFileName());
      Files.move(task, dir.resolve("part-00000.parquet"));
      PublishedVersions.delete(dir.resolve("_temporary"));
      Files.createFile(dir.resolve("_SUCCESS"));
      step.accept("wrote " + dir.getFileName());
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
