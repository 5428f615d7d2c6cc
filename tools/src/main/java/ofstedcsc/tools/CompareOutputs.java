package ofstedcsc.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Compares two output directories table by table: the same rows, duplicates included, in every published table.
 * {@code bin/ofsted compare} runs it, and bin/cluster through that to check a cluster's output against local mode's. A
 * table that one side lacks (an output written before the table existed) is reported as missing there and counts as a
 * difference; the other tables are still compared.
 */
public final class CompareOutputs {
  private CompareOutputs() {}

  /** Prints a line per table to {@code out}; returns whether each of them holds the same rows on both sides. */
  public static boolean compare(SparkSession spark, List<Table> tables, String expectedOutput, String actualOutput,
      PrintStream out) {
    boolean same = true;
    out.printf("%-24s %9s %9s %9s %9s%n", "table", "expected", "actual", "only exp.", "only act.");
    TableStore expectedTables = new TableStore(spark, expectedOutput);
    TableStore actualTables = new TableStore(spark, actualOutput);
    for (Table t : tables) {
      if (!expectedTables.exists(t) || !actualTables.exists(t)) {
        out.printf("%-24s missing in %s%n", t.name(), expectedTables.exists(t) ? actualOutput : expectedOutput);
        same = false;
        continue;
      }
      Dataset<Row> expected = expectedTables.read(t);
      Dataset<Row> actual = actualTables.read(t);
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
      out.printf("%-24s %9d %9d %9d %9d%n", t.name(), n[0], n[1], n[2], n[3]);
      same &= n[2] == 0 && n[3] == 0;
    }
    out.println(same ? "same rows in every table" : "the outputs differ");
    return same;
  }
}
