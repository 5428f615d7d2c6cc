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
