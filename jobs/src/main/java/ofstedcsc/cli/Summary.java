package ofstedcsc.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.io.ParquetRows;
import ofstedcsc.io.TableStore;
import ofstedcsc.refresh.PublishedVersions;
import ofstedcsc.refresh.RunManifest;
import ofstedcsc.refresh.RunManifest.SourceCount;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;

/** The short report printed at the end of a run: counts that a person can check at a glance. */
final class Summary {
  private Summary() {}

  /**
   * Read with parquet-hadoop, not Spark: a query each would cost more than the reading. The quarantine is streamed
   * and only its counts by reason kept, however large bad input made it.
   */
  static void printIngestCounts(TableStore store) {
    printCounts(SourceCount.read(store));
    Map<List<String>, Long> reasons = new HashMap<>();
    int source = Tables.QUARANTINE.columnNames().indexOf("source");
    int reason = Tables.QUARANTINE.columnNames().indexOf("reason_code");
    ParquetRows.forEach(store.hadoopConfiguration(), store.path(Tables.QUARANTINE), Tables.QUARANTINE,
        r -> reasons.merge(List.of(String.valueOf(r[source]), String.valueOf(r[reason])), 1L, Long::sum));
    if (!reasons.isEmpty()) {
      System.out.println("Quarantined, by reason:");
      reasons.entrySet().stream()
          .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()
              .thenComparing(e -> String.join(" ", e.getKey())))
          .forEach(e -> System.out.printf("  %-8s %-28s %6d%n", e.getKey().get(0), e.getKey().get(1), e.getValue()));
    }
  }

  private static void printCounts(List<SourceCount> counts) {
    System.out.println("Inputs (read = loaded + quarantined):");
    for (SourceCount c : counts) {
      System.out.printf("  %-8s %-40s %-5s read %6d  loaded %6d  quarantined %5d%s%n", c.source(), c.sourceRef(),
          c.unit(), c.read(), c.loaded(), c.quarantined(), c.read() == c.loaded() + c.quarantined() ? "" : "  MISMATCH");
    }
  }

  /** A refresh's summary, from its manifest alone: an unchanged refresh prints it without starting Spark. */
  static void printRefresh(RunManifest manifest, String output) {
    printCounts(manifest.sources());
    if (manifest.outcome().equals(RunManifest.REJECTED)) {
      System.out.println("Data checks failed (rows failing each):");
      manifest.failedChecks().forEach((check, rows) -> System.out.printf("  %-60s %8d%n", check, rows));
      System.err.println("ofsted: refresh " + manifest.runId() + " not published: " + manifest.failedChecks().size()
          + " data checks failed (above); " + output + "/" + PublishedVersions.CURRENT + " left as it was");
      return;
    }
    System.out.println("Tables under " + output + "/" + PublishedVersions.CURRENT + " (version " + manifest.version()
        + (manifest.outcome().equals(RunManifest.UNCHANGED) ? ", unchanged" : ", new") + "):");
    manifest.tables().forEach((t, rows) -> System.out.printf("  %-22s %8d rows%n", t, rows));
  }

  static void printTables(TableStore store, String output) {
    System.out.println("Tables under " + output + ":");
    for (Table t : Tables.all()) {
      if (store.exists(t)) {
        // Row counts from the Parquet footers: no Spark job per table just to print a number.
        long rows = ParquetFooters.read(store.hadoopConfiguration(), store.path(t)).rows();
        System.out.printf("  %-22s %8d rows%n", t.name(), rows);
      }
    }
  }
}
