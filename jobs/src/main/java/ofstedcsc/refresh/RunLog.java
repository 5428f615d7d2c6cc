package ofstedcsc.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ofstedcsc.io.ParquetRows;
import ofstedcsc.schema.Tables;

/**
 * Every refresh's manifest, beside {@code current}: {@code runs/RUN_ID.json} for people and scripts, and one Parquet
 * file per run under {@code run_manifest/} for BI tools. Each file is written under a hidden name and renamed into
 * place, so a reader never meets half a file.
 */
public final class RunLog {
  static final String RUNS = "runs";

  private final Path root;
  private final Consumer<String> steps;

  public RunLog(Path root) {
    this(root, step -> {});
  }

  /** {@code steps} hears each step of {@link #record} as it completes, so that a test can kill the process there. */
  RunLog(Path root, Consumer<String> steps) {
    this.root = root;
    this.steps = steps;
  }

  void record(RunManifest manifest) {
    try {
      Path runs = Files.createDirectories(root.resolve(RUNS));
      Path json = runs.resolve("." + manifest.runId() + ".json");
      manifest.write(json);
      steps.accept("run file written");
      Path table = Files.createDirectories(root.resolve(Tables.RUN_MANIFEST.name()));
      Path parquet = table.resolve(".part-" + manifest.runId() + ".parquet");
      Files.deleteIfExists(parquet);
      ParquetRows.write(parquet, Tables.RUN_MANIFEST, manifest.rows());
      steps.accept("run table written");
      Files.move(parquet, table.resolve("part-" + manifest.runId() + ".parquet"), StandardCopyOption.ATOMIC_MOVE);
      steps.accept("run table in place");
      Files.move(json, runs.resolve(manifest.runId() + ".json"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A refresh killed after publishing but before recording its run leaves the run only in its version's own manifest:
   * the next refresh records it from there.
   */
  void recordIfMissing(Path version) {
    if (version == null) return;
    Path manifest = version.resolve(PublishedVersions.MANIFEST);
    if (Files.isRegularFile(manifest) && !Files.exists(root.resolve(RUNS).resolve(version.getFileName() + ".json"))) {
      record(RunManifest.read(manifest));
    }
  }

  /** Half-written files of a killed refresh. Called only under the lock. */
  void removeUnfinished() {
    for (Path dir : List.of(root.resolve(RUNS), root.resolve(Tables.RUN_MANIFEST.name()))) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".")).toList()) Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One recorded run: its manifest, or why its file cannot be read (the manifest is then null). */
  public record Run(String runId, RunManifest manifest, String problem) {}

  /** The newest {@code n} runs, newest first; a damaged record is listed with its problem, not left to end the list. */
  public List<Run> latest(int n) {
    Path runs = root.resolve(RUNS);
    if (!Files.isDirectory(runs)) return List.of();
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).limit(n)
          .map(RunLog::run).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Run run(Path file) {
    String runId = file.getFileName().toString().replaceFirst("\\.json$", "");
    try {
      return new Run(runId, RunManifest.read(file), null);
    } catch (RunManifest.Unreadable e) {
      return new Run(runId, null, e.getMessage());
    }
  }
}
