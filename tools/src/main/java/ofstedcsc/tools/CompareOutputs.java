package ofstedcsc.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.Arrays;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

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
      System.exit(ExitCode.USAGE);
    }
    SparkSession spark = SparkSession.builder().appName("compare outputs").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    boolean same = true;
    System.out.printf("%-24s %9s %9s %9s %9s%n", "table", "expected", "actual", "only exp.", "only act.");
    for (Table t : Tables.all()) {
      Dataset<Row> expected = spark.read().schema(t.schema()).parquet(args[0] + "/" + t.name());
      Dataset<Row> actual = spark.read().schema(t.schema()).parquet(args[1] + "/" + t.name());
      // One job per table: each distinct row with how often each side holds it, then the totals and the surpluses.
      Column[] columns = Arrays.stream(t.schema().fieldNames()).map(functions::col).toArray(Column[]::new);
      Row r = expected.withColumn("_e", lit(1)).withColumn("_a", lit(0))
          .unionByName(actual.withColumn("_e", lit(0)).withColumn("_a", lit(1)))
          .groupBy(columns).agg(sum("_e").as("e"), sum("_a").as("a"))
          .agg(sum("e"), sum("a"), sum(greatest(col("e").minus(col("a")), lit(0))),
              sum(greatest(col("a").minus(col("e")), lit(0))))
          .first();
      long[] n = new long[4];
      for (int i = 0; i < 4; i++) {
        n[i] = r.isNullAt(i) ? 0 : r.getLong(i);
      }
      System.out.printf("%-24s %9d %9d %9d %9d%n", t.name(), n[0], n[1], n[2], n[3]);
      same &= n[2] == 0 && n[3] == 0;
    }
    System.out.println(same ? "same rows in every table" : "the outputs differ");
    spark.stop();
    System.exit(same ? ExitCode.OK : ExitCode.FAILURE);
  }
}
