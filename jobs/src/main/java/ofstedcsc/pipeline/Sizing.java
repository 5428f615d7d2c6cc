package ofstedcsc.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark settings sized to the data. The national data is a few thousand rows: there, compiling each query's generated
 * code takes longer than running the query interpreted, and every extra partition is one more task in every stage.
 * Large inputs (generated data at scale) keep Spark's compiled execution. A setting given to spark-submit
 * ({@code --conf}) is left as it is.
 */
public final class Sizing {
  private Sizing() {}

  /** Inputs up to this size (CSV bytes, or Parquet bytes of the canonical tables) count as small. */
  public static final long SMALL_BYTES = 16L << 20;

  private static final Map<String, String> SMALL = Map.of(
      "spark.sql.codegen.wholeStage", "false",
      "spark.sql.codegen.factoryMode", "NO_CODEGEN",
      "spark.sql.shuffle.partitions", "1",
      // Otherwise adaptive execution keeps as many partitions as cores, and a table of ten rows is written as two
      // files.
      "spark.sql.adaptive.coalescePartitions.parallelismFirst", "false",
      // With one partition there is nothing for adaptive execution to coalesce or split, and it plans the rest of a
      // query again each time one of its stages ends: the data checks' query of 17 tables has 22 such stages.
      "spark.sql.adaptive.enabled", "false");

  /** Spark's own settings and cli.Session's partitions: a session that ran small data before runs large data so. */
  private static final Map<String, String> LARGE = Map.of(
      "spark.sql.codegen.wholeStage", "true",
      "spark.sql.codegen.factoryMode", "FALLBACK",
      "spark.sql.shuffle.partitions", "8",
      "spark.sql.adaptive.coalescePartitions.parallelismFirst", "true",
      "spark.sql.adaptive.enabled", "true");

  /** Applies the settings for data of {@code bytes}; returns whether it counted as small. */
  public static boolean apply(SparkSession spark, long bytes) {
    boolean small = bytes <= SMALL_BYTES;
    (small ? SMALL : LARGE).forEach((key, value) -> {
      // spark-submit hands its --conf (and spark-defaults.conf) to the driver as system properties; the session
      // builder's own defaults are not, and are the ones sized here.
      if (System.getProperty(key) == null) {
        spark.conf().set(key, value);
      }
    });
    return small;
  }

  /**
   * {@code rows} in no more partitions than a shuffle gives (one on small data). For unions: a union keeps every part's
   * partitions, each a task in every stage that reads it, and each task's binary carries the plans of all the parts
   * (on the sample, the ingest counts' 16 such tasks spent more than a second deserialising plans).
   */
  public static Dataset<Row> coalesceToShufflePartitions(Dataset<Row> rows) {
    return rows.coalesce(Integer.parseInt(rows.sparkSession().conf().get("spark.sql.shuffle.partitions")));
  }

  /** The total size of these files or directories (nulls skipped). */
  public static long bytes(Configuration conf, String... paths) {
    return Stream.of(paths).filter(Objects::nonNull).mapToLong(p -> {
      Path path = new Path(p);
      try {
        return path.getFileSystem(conf).getContentSummary(path).getLength();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).sum();
  }
}
