package ofstedcsc.bench;

import ofstedcsc.cli.ExitCode;
import org.apache.spark.sql.SparkSession;

/**
 * Spark's floor on this machine: the least a Spark application costs that reads a CSV and writes it as Parquet. Start
 * a session (UI off), read the CSV with its header, write it as Parquet, count what was written. bin/bench-floor
 * times it as a whole process beside the pipeline's commands, so each of theirs reads as a multiple of this one.
 *
 * <p>Usage: {@code Floor CSV OUTPUT_DIR}
 */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: Floor CSV OUTPUT_DIR");
      System.exit(ExitCode.USAGE);
    }
    SparkSession spark = SparkSession.builder().appName("floor").config("spark.ui.enabled", "false").getOrCreate();
    spark.read().option("header", "true").csv(args[0]).write().mode("overwrite").parquet(args[1]);
    System.out.println("rows: " + spark.read().parquet(args[1]).count());
    spark.stop();
  }
}
