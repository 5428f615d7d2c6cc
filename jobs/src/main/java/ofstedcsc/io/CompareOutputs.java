package ofstedcsc.io;

import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares two output directories table by table: the same rows, duplicates included, in every published table.
 * bin/cluster runs it (through SparkSubmit, with the master it gives) to check a cluster's output against local mode's.
 *
 * <p>Usage: {@code CompareOutputs EXPECTED ACTUAL}; exit code 0 when every table matches, 1 otherwise.
 */
public final class CompareOutputs {
  private CompareOutputs() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: CompareOutputs EXPECTED_OUTPUT ACTUAL_OUTPUT");
      System.exit(64);
    }
    SparkSession spark = SparkSession.builder().appName("compare outputs").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    boolean same = true;
    System.out.printf("%-24s %9s %9s %9s %9s%n", "table", "expected", "actual", "only exp.", "only act.");
    for (Table t : Tables.all()) {
      Dataset<Row> expected = spark.read().schema(t.schema()).parquet(args[0] + "/" + t.name());
      Dataset<Row> actual = spark.read().schema(t.schema()).parquet(args[1] + "/" + t.name());
      long onlyExpected = expected.exceptAll(actual).count();
      long onlyActual = actual.exceptAll(expected).count();
      System.out.printf("%-24s %9d %9d %9d %9d%n", t.name(), expected.count(), actual.count(), onlyExpected,
          onlyActual);
      same &= onlyExpected == 0 && onlyActual == 0;
    }
    System.out.println(same ? "same rows in every table" : "the outputs differ");
    spark.stop();
    System.exit(same ? 0 : 1);
  }
}
