package ofstedcsc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
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
  private static final int WRITERS = 3;
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
   * Runs {@code write} for every table, a few at a time. On small data each write is mostly the driver planning and
   * scheduling it, one thread's work, so writes side by side keep the machine's cores busy. The first failure is
   * rethrown as it was thrown; the writes not yet started are cancelled.
   */
  public static void writeConcurrently(Map<Table, Dataset<Row>> tables, BiConsumer<Table, Dataset<Row>> write) {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> writes = new ArrayList<>();
      tables.forEach((table, rows) -> writes.add(pool.submit(() -> write.accept(table, rows))));
      for (Future<?> w : writes) {
        try {
          w.get();
        } catch (ExecutionException e) {
          writes.forEach(other -> other.cancel(false));
          if (e.getCause() instanceof RuntimeException r) throw r;
          if (e.getCause() instanceof Error err) throw err;
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing tables", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Writes every table beside the output first and only then moves them into place, so that a failure while
   * computing any table leaves the previous output as it was.
   */
  public void writeAll(Map<Table, Dataset<Row>> tables) {
    stage(tables).moveIntoPlace();
  }

  /** Writes every table beside the output, where nobody reads them until {@link Staged#moveIntoPlace}. */
  public Staged stage(Map<Table, Dataset<Row>> tables) {
    Staged staged = new Staged(new Path(root, "_staging-" + UUID.randomUUID()), List.copyOf(tables.keySet()));
    writeConcurrently(tables, (table, rows) ->
        rows.write().mode(SaveMode.Overwrite).parquet(new Path(staged.dir, table.name()).toString()));
    return staged;
  }

  /** Tables written beside the output: checked there, then moved into place or set aside. */
  public final class Staged {
    /** Where {@link #setAside} leaves tables that must not replace the output, for a person to look at. */
    public static final String REJECTED = "_rejected";
    private final Path dir;
    private final List<Table> tables;

    private Staged(Path dir, List<Table> tables) {
      this.dir = dir;
      this.tables = tables;
    }

    /** A staged table as it was written; any other from the output, as the staged ones will sit beside it. */
    public Dataset<Row> read(Table table) {
      return tables.contains(table) ? spark.read().schema(table.schema()).parquet(new Path(dir, table.name())
          .toString()) : TableStore.this.read(table);
    }

    public List<Table> tables() {
      return tables;
    }

    public void moveIntoPlace() {
      try {
        FileSystem fs = fileSystem();
        for (Table table : tables) {
          Path target = new Path(root, table.name());
          if (fs.exists(target)) {
            fs.rename(target, new Path(dir, "_previous_" + table.name()));
          }
          if (!fs.rename(new Path(dir, table.name()), target)) {
            throw new IOException("could not move " + table.name() + " into " + root);
          }
        }
        fs.delete(dir, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Leaves the output as it was and the staged tables under {@link #REJECTED}, replacing any set aside before. */
    public String setAside() {
      Path rejected = new Path(root, REJECTED);
      try {
        FileSystem fs = fileSystem();
        fs.delete(rejected, true);
        if (!fs.rename(dir, rejected)) throw new IOException("could not move " + dir + " to " + rejected);
        return rejected.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private FileSystem fileSystem() throws IOException {
    return root.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
