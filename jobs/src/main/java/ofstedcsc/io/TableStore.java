package ofstedcsc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import ofstedcsc.schema.Table;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** The output directory: one Parquet directory per table, as BI tools and DuckDB read them. */
public final class TableStore {
  private final SparkSession spark;
  private final Path root;

  public TableStore(SparkSession spark, String outputDir) {
    this.spark = spark;
    this.root = new Path(outputDir);
  }

  public String path(Table table) {
    return new Path(root, table.name()).toString();
  }

  public org.apache.hadoop.conf.Configuration hadoopConfiguration() {
    return spark.sparkContext().hadoopConfiguration();
  }

  public boolean exists(Table table) {
    try {
      Path p = new Path(root, table.name());
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Dataset<Row> read(Table table) {
    return spark.read().schema(table.schema()).parquet(path(table));
  }

  /** Writes one table in place; for a directory no reader sees yet (a refresh's unpublished version). */
  public void write(Table table, Dataset<Row> rows) {
    rows.write().mode(SaveMode.Overwrite).parquet(path(table));
  }

  /**
   * Writes every table beside the output first and only then moves them into place, so that a failure while
   * computing any table leaves the previous output as it was.
   */
  public void writeAll(Map<Table, Dataset<Row>> tables) {
    Path staging = new Path(root, "_staging-" + UUID.randomUUID());
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (Map.Entry<Table, Dataset<Row>> t : tables.entrySet()) {
        t.getValue().write().mode(SaveMode.Overwrite).parquet(new Path(staging, t.getKey().name()).toString());
      }
      for (Table table : tables.keySet()) {
        Path target = new Path(root, table.name());
        if (fs.exists(target)) {
          fs.rename(target, new Path(staging, "_previous_" + table.name()));
        }
        if (!fs.rename(new Path(staging, table.name()), target)) {
          throw new IOException("could not move " + table.name() + " into " + root);
        }
      }
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
