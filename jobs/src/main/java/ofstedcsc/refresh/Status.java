package ofstedcsc.refresh;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.io.ParquetFooters;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code ofsted status}: the latest refreshes, and whether what {@code current} holds is what its manifest says, row
 * for row, from the Parquet footers alone (no Spark session, no data read).
 */
public final class Status {
  private Status() {}

  /** Prints the status; false when {@code current} disagrees with its manifest. */
  public static boolean print(String output, int runs, PrintStream out) {
    Path root = Paths.get(output).toAbsolutePath().normalize();
    PublishedVersions versions = new PublishedVersions(root);
    Path current = versions.current();
    List<RunManifest> latest = new RunLog(root).latest(runs);
    if (current == null && latest.isEmpty()) {
      throw new StructuralError("no refresh has published under " + output + ": run 'ofsted refresh --output "
          + output + "' first");
    }
    boolean consistent = true;
    if (current != null) {
      RunManifest manifest = RunManifest.read(current.resolve(PublishedVersions.MANIFEST));
      out.printf("current -> versions/%s  (published %s, as at %s; versions kept: %s)%n", manifest.runId(),
          manifest.endedAt(), manifest.asOf(), String.join(", ", versions.versions()));
      out.println("Tables in current (rows in the manifest, rows in the Parquet footers):");
      Configuration conf = new Configuration();
      for (Map.Entry<String, Long> t : manifest.tables().entrySet()) {
        Path table = current.resolve(t.getKey());
        Long rows = Files.isDirectory(table) ? ParquetFooters.read(conf, table.toString()).rows() : null;
        boolean ok = t.getValue().equals(rows);
        consistent &= ok;
        out.printf("  %-22s %8d %8s  %s%n", t.getKey(), t.getValue(), rows == null ? "missing" : rows.toString(),
            ok ? "ok" : "MISMATCH");
      }
    }
    out.println("Latest runs (newest first):");
    out.printf("  %-22s %-10s %-22s %8s %10s %7s %7s%n", "run_id", "outcome", "version", "seconds", "as_of",
        "parsed", "reused");
    for (RunManifest m : latest) {
      out.printf("  %-22s %-10s %-22s %8.1f %10s %7d %7d%n", m.runId(), m.outcome(), m.version(),
          Duration.between(m.startedAt(), m.endedAt()).toMillis() / 1000.0, m.asOf(),
          m.reports().getOrDefault("parsed", 0L), m.reports().getOrDefault("reused", 0L));
    }
    if (!consistent) out.println("current does not match its manifest: see the MISMATCH lines above");
    return consistent;
  }
}
