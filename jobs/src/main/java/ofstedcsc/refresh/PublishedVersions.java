package ofstedcsc.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ofstedcsc.Progress;
import ofstedcsc.io.ParquetFooters;
import org.apache.hadoop.conf.Configuration;

/**
 * The layout a refresh publishes, for readers that open fixed paths:
 *
 * <pre>
 * OUTPUT/current -> versions/RUN_ID    a symbolic link, swapped in one rename(2)
 * OUTPUT/versions/RUN_ID/TABLE/        every table of one complete run, its manifest and its report cache
 * OUTPUT/versions/RUN_ID.partial/      a run still writing (or killed): never read, removed by the next refresh
 * </pre>
 *
 * A reader that resolves {@code current} sees one complete version whatever moment a refresh is killed at: a version is
 * complete before it is renamed from .partial, and the link is replaced, never edited.
 */
public final class PublishedVersions {
  public static final String CURRENT = "current";
  static final String VERSIONS = "versions";
  static final String PARTIAL = ".partial";
  public static final String MANIFEST = "_manifest.json";
  public static final String REPORT_CACHE = "_state/parsed_reports";

  private final Path root;
  private final Consumer<String> steps;

  public PublishedVersions(Path root) {
    this(root, step -> {});
  }

  /**
   * {@code steps} hears each step of {@link #publish} and {@link #prune} as it completes, so that a test can kill the
   * process between any two of them.
   */
  PublishedVersions(Path root, Consumer<String> steps) {
    this.root = root;
    this.steps = steps;
  }

  /** The version {@code current} shows, or null before the first refresh. */
  public Path current() {
    Path link = root.resolve(CURRENT);
    if (!Files.isSymbolicLink(link)) return null;
    try {
      return root.resolve(Files.readSymbolicLink(link)).normalize();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One table of a version: the rows its manifest gives (null where it gives none), the rows its footers hold (null
   * when it is missing or unreadable), and why it could not be read.
   */
  public record TableCheck(String table, Long expected, Long found, String unreadable) {
    /** MISSING, UNREADABLE with the file and reason, MISMATCH, or null when the table is what the manifest says. */
    public String problem() {
      if (unreadable != null) return "UNREADABLE (" + unreadable + ")";
      if (found == null) return "MISSING";
      return expected == null || expected.equals(found) ? null : "MISMATCH";
    }
  }

  /**
   * What {@code current} shows, checked against its manifest: {@code damage} is null when the version is whole, else
   * says in one line what is wrong; {@code manifest} is null when it cannot be read.
   */
  public record Published(Path dir, RunManifest manifest, List<TableCheck> tables, String damage) {}

  /** {@code current}'s version read and checked, or null before the first refresh. */
  public Published published() {
    Path dir = current();
    if (dir == null) return null;
    String name = root.relativize(dir).toString();
    if (!Files.isDirectory(dir)) {
      return new Published(dir, null, List.of(), name + " does not exist (pruned or deleted): current points nowhere");
    }
    RunManifest manifest;
    try {
      manifest = RunManifest.read(dir.resolve(MANIFEST));
    } catch (RunManifest.Unreadable e) {
      return new Published(dir, null, List.of(), e.getMessage());
    }
    List<TableCheck> tables = check(dir, manifest);
    List<String> bad = tables.stream().filter(t -> t.problem() != null).map(t -> t.table() + " " + t.problem())
        .toList();
    return new Published(dir, manifest, tables, bad.isEmpty() ? null : name + ": " + String.join("; ", bad));
  }

  /**
   * The published version a refresh may build on, or null: before the first refresh, and when {@code current} is
   * damaged, since its manifest would vouch for inputs ('unchanged') and its report cache for parses that are not
   * there. The damage is noted, and the refresh then publishes a complete new version.
   */
  Published usable(Progress progress) {
    Published published = published();
    if (published != null && published.damage() != null) {
      progress.note("current is damaged (" + published.damage() + "): publishing a complete new version");
      return null;
    }
    return published;
  }

  /** Every table the manifest lists, then the report cache (whose rows it does not count), from the footers. */
  private static List<TableCheck> check(Path version, RunManifest manifest) {
    Configuration conf = new Configuration();
    List<TableCheck> checks = new ArrayList<>();
    manifest.tables().forEach((table, rows) -> checks.add(check(conf, version, table, rows)));
    if (Files.exists(version.resolve(REPORT_CACHE))) checks.add(check(conf, version, REPORT_CACHE, null));
    return checks;
  }

  private static TableCheck check(Configuration conf, Path version, String table, Long expected) {
    Path dir = version.resolve(table);
    if (!Files.isDirectory(dir)) return new TableCheck(table, expected, null, null);
    try {
      return new TableCheck(table, expected, ParquetFooters.read(conf, dir.toString()).rows(), null);
    } catch (ParquetFooters.Unreadable e) {
      return new TableCheck(table, expected, null, e.getMessage());
    }
  }

  /** What a killed refresh left: unfinished versions and link swaps. Called only under the lock. */
  void removeUnfinished() {
    try {
      Files.createDirectories(root.resolve(VERSIONS));
      try (Stream<Path> s = Files.list(root.resolve(VERSIONS))) {
        for (Path p : s.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).toList()) delete(p);
      }
      try (Stream<Path> s = Files.list(root)) {
        for (Path p : s.filter(p -> p.getFileName().toString().startsWith("." + CURRENT + "-")).toList()) delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh directory for the run's tables, invisible to readers until {@link #publish}. */
  Path start(String runId) {
    try {
      return Files.createDirectories(root.resolve(VERSIONS).resolve(runId + PARTIAL));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Completes the version and points {@code current} at it, each step a single rename. */
  void publish(String runId) {
    try {
      Path done = root.resolve(VERSIONS).resolve(runId);
      Files.move(root.resolve(VERSIONS).resolve(runId + PARTIAL), done, StandardCopyOption.ATOMIC_MOVE);
      steps.accept("renamed");
      Path link = root.resolve("." + CURRENT + "-" + runId);
      Files.createSymbolicLink(link, root.relativize(done));
      steps.accept("linked");
      // rename(2) replaces the old link in one step: no moment without a current.
      Files.move(link, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes all but the newest {@code keep} complete versions; never the one {@code current} shows. */
  List<String> prune(int keep) {
    Path current = current();
    try (Stream<Path> s = Files.list(root.resolve(VERSIONS))) {
      List<Path> complete = s.filter(p -> !p.getFileName().toString().endsWith(PARTIAL))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
      List<Path> old = complete.stream().skip(keep).filter(p -> !p.equals(current)).toList();
      for (Path p : old) {
        delete(p);
        steps.accept("pruned " + p.getFileName());
      }
      return old.stream().map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The complete versions, oldest first. */
  public List<String> versions() {
    Path dir = root.resolve(VERSIONS);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(PARTIAL)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path p) throws IOException {
    if (Files.isSymbolicLink(p) || !Files.isDirectory(p)) {
      Files.deleteIfExists(p);
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
    }
  }
}
