package ofstedcsc;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.io.TableStore;
import ofstedcsc.refresh.PublishedVersions;
import ofstedcsc.refresh.RunManifest;
import ofstedcsc.refresh.RunManifest.SourceCount;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Row;

/** The short report printed at the end of a run: counts that a person can check at a glance. */
final class Summary {
  private Summary() {}

  static void printIngestCounts(TableStore store) {
    // ingest_counts holds a handful of rows (one per input file and unit): printing them is not processing data.
    List<Row> counts = store.read(Tables.INGEST_COUNTS).orderBy("source", "source_ref", "unit").collectAsList();
    printCounts(counts.stream().map(r -> new SourceCount(r.getString(0), r.getString(1), r.getString(2),
        r.getLong(3), r.getLong(4), r.getLong(5))).toList());
    List<Row> reasons = store.read(Tables.QUARANTINE).groupBy("source", "reason_code").count()
        .orderBy(col("count").desc()).collectAsList();
    if (!reasons.isEmpty()) {
      System.out.println("Quarantined, by reason:");
      for (Row r : reasons) {
        System.out.printf("  %-8s %-28s %6d%n", r.getString(0), r.getString(1), r.getLong(2));
      }
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
