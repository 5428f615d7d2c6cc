package ofstedcsc.refresh;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.refresh.PublishedVersions.Published;
import ofstedcsc.refresh.PublishedVersions.TableCheck;

/**
 * {@code ofsted status}: the latest refreshes, and whether what {@code current} holds is what its manifest says, row
 * for row, from the Parquet footers alone (no Spark session, no data read).
 */
public final class Status {
  private Status() {}

  /** Prints the status; false when {@code current} is damaged: it points nowhere, or disagrees with its manifest. */
  public static boolean print(String output, int runs, PrintStream out) {
    Path root = Paths.get(output).toAbsolutePath().normalize();
    PublishedVersions versions = new PublishedVersions(root);
    Published current = versions.published();
    List<RunLog.Run> latest = new RunLog(root).latest(runs);
    if (current == null && latest.isEmpty()) {
      throw new StructuralError("no refresh has published under " + output + ": run 'ofsted refresh --output "
          + output + "' first");
    }
    if (current != null) {
      List<String> complete = versions.versions();
      String kept = "versions kept: " + (complete.isEmpty() ? "none" : String.join(", ", complete));
      RunManifest manifest = current.manifest();
      if (manifest == null) {
        out.printf("current -> %s  DAMAGED  (%s)%n", root.relativize(current.dir()), kept);
      } else {
        out.printf("current -> versions/%s  (published %s, as at %s; %s)%n", manifest.runId(), manifest.endedAt(),
            manifest.asOf(), kept);
        out.println("Tables in current (rows in the manifest, rows in the Parquet footers):");
        for (TableCheck t : current.tables()) {
          out.printf("  %-22s %8s %8s  %s%n", t.table(), t.expected() == null ? "-" : t.expected().toString(),
              t.found() == null ? "-" : t.found().toString(), t.problem() == null ? "ok" : t.problem());
        }
      }
    }
    out.println("Latest runs (newest first):");
    out.printf("  %-22s %-10s %-22s %8s %10s %7s %7s%n", "run_id", "outcome", "version", "seconds", "as_of",
        "parsed", "reused");
    for (RunLog.Run run : latest) {
      RunManifest m = run.manifest();
      if (m == null) {
        out.printf("  %-22s %-10s %s%n", run.runId(), "unreadable", run.problem());
        continue;
      }
      out.printf("  %-22s %-10s %-22s %8.1f %10s %7d %7d%n", m.runId(), m.outcome(), m.version(),
          Duration.between(m.startedAt(), m.endedAt()).toMillis() / 1000.0, m.asOf(),
          m.reports().getOrDefault("parsed", 0L), m.reports().getOrDefault("reused", 0L));
      m.failedChecks().forEach((check, rows) -> out.printf("    failed check: %s (%d rows)%n", check, rows));
    }
    if (current == null || current.damage() == null) return true;
    out.println("current is damaged: " + current.damage());
    out.println("The next refresh publishes a complete new version; or roll back to a version kept (README, Scheduled"
        + " refreshes).");
    return false;
  }
}
