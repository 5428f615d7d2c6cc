package ofstedcsc.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.io.TableStore;
import ofstedcsc.pipeline.Sizing;
import ofstedcsc.refresh.PublishedVersions;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The data checks on the tables under DIR, or under DIR/current after a refresh. */
public final class OutputChecks {
  private OutputChecks() {}

  /**
   * Prints a line per check and a line of totals; returns whether every check passed. Throws {@link StructuralError}
   * when DIR holds none of the tables: nothing there to check is a wrong directory, not a failed check.
   */
  public static boolean run(Supplier<SparkSession> session, String output, PrintStream out) {
    SparkSession spark = session.get();
    String dir = tablesDir(spark, output);
    TableStore store = new TableStore(spark, dir);
    List<Table> present = Tables.all().stream().filter(store::exists).toList();
    if (present.isEmpty()) {
      throw new StructuralError("no tables under " + output + ": expected " + Tables.all().get(0).name()
          + "/ and the others (docs/data-dictionary.md), or a refresh's current/");
    }
    Sizing.apply(spark, Sizing.bytes(store.hadoopConfiguration(),
        present.stream().map(store::path).toArray(String[]::new)));
    List<DataChecks.Result> results = DataChecks.run(spark, store::read);
    out.println("checks of " + dir);
    out.print(format(results));
    return DataChecks.passed(results);
  }

  /** The refresh's published version when DIR has one: what readers of DIR see. */
  private static String tablesDir(SparkSession spark, String output) {
    Path current = new Path(output, PublishedVersions.CURRENT);
    try {
      FileSystem fs = current.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(current) ? current.toString() : output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Aligned columns (table, check, failing rows) and a line of totals. */
  public static String format(List<DataChecks.Result> results) {
    int tableWidth = Math.max("table".length(),
        results.stream().mapToInt(r -> r.table().length()).max().orElse(0));
    int checkWidth = Math.max("check".length(),
        results.stream().mapToInt(r -> r.check().length()).max().orElse(0));
    String line = "%-" + tableWidth + "s  %-" + checkWidth + "s  %9s  %s";
    StringBuilder text = new StringBuilder(String.format(line, "table", "check", "failing", "").stripTrailing())
        .append('\n');
    for (DataChecks.Result r : results) {
      text.append(String.format(line, r.table(), r.check(), r.failing(), r.passed() ? "" : "FAILED").stripTrailing())
          .append('\n');
    }
    long failed = DataChecks.failed(results).size();
    long rows = results.stream().mapToLong(DataChecks.Result::failing).sum();
    text.append(String.format("%d checks on %d tables: %d passed, %d failed (%d failing rows)%n", results.size(),
        results.stream().map(DataChecks.Result::table).distinct().count(), results.size() - failed, failed, rows));
    return text.toString();
  }
}
