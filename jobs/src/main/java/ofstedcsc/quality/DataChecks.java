package ofstedcsc.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The checks that Tables declares beside each schema (dbt's unique, not_null, accepted_values and relationships, and
 * row conditions as in Deequ), run on any set of tables: an output directory through TableStore::read, or the
 * Datasets a run is about to write. Every check of every table is one Spark query, since on this project's data a
 * query's fixed cost, not its rows, is what takes the time; and each table is one aggregation by its key, which
 * answers its key check and, in the same pass, all its other checks, so the query has two stages per table.
 */
public final class DataChecks {
  private DataChecks() {}

  /**
   * One check of one table: how many rows fail it. For {@code exists}, 1 when the table could not be read. For
   * {@code unique(...)}, every row that shares its key with another (a duplicated row counts twice).
   */
  public record Result(String table, String check, long failing) {
    public boolean passed() {
      return failing == 0;
    }
  }

  /** Every published table (Tables.all()); {@code read} gives a table's rows, or null or an error when it has none. */
  public static List<Result> run(SparkSession spark, Function<Table, Dataset<Row>> read) {
    return run(spark, read, Tables.all());
  }

  /**
   * The checks of {@code checked} only (ingest alone writes no marts). A relationship to a table outside them is still
   * checked against what {@code read} gives for it; one with no rows leaves every reference to it failing.
   */
  public static List<Result> run(SparkSession spark, Function<Table, Dataset<Row>> read, List<Table> checked) {
    Map<Table, Dataset<Row>> opened = new LinkedHashMap<>();
    Function<Table, Dataset<Row>> open = t -> opened.computeIfAbsent(t, x -> readOrNull(read, x));
    // Every check in declared order, with its count when known before the query runs (exists).
    Map<List<String>, Long> failing = new LinkedHashMap<>();
    List<Dataset<Row>> queries = new ArrayList<>();
    for (Table table : checked) {
      Dataset<Row> rows = open.apply(table);
      failing.put(List.of(table.name(), "exists"), rows == null ? 1L : 0L);
      if (rows == null) continue;
      Planned planned = checks(spark, table, rows, open);
      planned.checks().forEach(c -> failing.put(List.of(table.name(), c), null));
      queries.add(planned.rows());
    }
    if (!queries.isEmpty()) {
      // One task for the last step of every table's checks: as a union's seventeen partitions, each task would
      // deserialise the plans of all seventeen tables (over a second, cold) to add up one row.
      for (Row r : queries.stream().reduce(Dataset::union).orElseThrow().coalesce(1).collectAsList()) {
        failing.put(List.of(r.getString(0), r.getString(1)), r.getLong(2));
      }
    }
    List<Result> results = new ArrayList<>();
    failing.forEach((k, n) -> results.add(new Result(k.get(0), k.get(1), n)));
    return results;
  }

  /** Whether every check passed. */
  public static boolean passed(List<Result> results) {
    return results.stream().allMatch(Result::passed);
  }

  /** The checks that failed, in the order they were run. */
  public static List<Result> failed(List<Result> results) {
    return results.stream().filter(r -> !r.passed()).toList();
  }

  /** A table that cannot be read (no directory, no files) is a failed check, not the end of the checking. */
  private static Dataset<Row> readOrNull(Function<Table, Dataset<Row>> read, Table table) {
    try {
      return read.apply(table);
    } catch (Exception e) {
      // Scala declares no checked exceptions, so javac cannot be told that read throws Spark's AnalysisException.
      if (e instanceof AnalysisException) return null;
      throw e;
    }
  }

  /** A table's checks, and the query that gives a (table, check, failing) row for each. */
  private record Planned(List<String> checks, Dataset<Row> rows) {}

  /**
   * A row per check of one table: the rows are grouped by the key, counting each group's rows and, per check, its
   * rows that fail; a second aggregation (in the same stage when there is one shuffle partition) adds up the groups
   * of more than one row and the failures.
   */
  private static Planned checks(SparkSession spark, Table table, Dataset<Row> rows,
      Function<Table, Dataset<Row>> open) {
    List<String> names = new ArrayList<>();
    List<Column> fails = new ArrayList<>();
    Dataset<Row> flagged = rows;
    for (Table.Field f : table.fields()) {
      Column c = col(f.name());
      if (f.required()) {
        names.add("not_null(" + f.name() + ")");
        fails.add(c.isNull());
      }
      if (f.accepted() != null) {
        names.add("accepted_values(" + f.name() + ")");
        // Compared as text: reference files hold text, and grade codes are integers in the tables. Nulls are
        // not_null's business, as in dbt.
        fails.add(c.isNotNull().and(not(c.cast("string").isin(f.accepted().values().toArray()))));
      }
    }
    for (Table.RowCheck r : table.rowChecks()) {
      names.add(r.check());
      fails.add(not(coalesce(expr(r.condition()), lit(false))));
    }
    for (Table.Field f : table.fields()) {
      if (f.references() == null) continue;
      // A left join to the referenced keys rather than an anti join counted on its own: Spark broadcasts keys as few
      // as the national data's, and then the join costs this table's aggregation no shuffle, where an anti join's
      // count would add two stages per reference.
      String found = "_found_" + names.size();
      flagged = flagged.join(keys(spark, f.references(), open).withColumn(found, lit(true)),
          col(f.name()).equalTo(col("_key_" + f.references().name())), "left")
          .drop("_key_" + f.references().name());
      names.add("relationship(" + f.name() + " -> " + f.references().name() + ")");
      fails.add(col(f.name()).isNotNull().and(col(found).isNull()));
    }
    Column[] perKey = new Column[fails.size()];
    Column[] total = new Column[fails.size() + 1];
    Column[] results = new Column[fails.size() + 1];
    String unique = "unique(" + String.join(", ", table.grain().key()) + ")";
    total[0] = coalesce(sum(when(col("_rows").gt(1), col("_rows"))), lit(0L)).as("_unique");
    results[0] = result(table, unique, "_unique");
    for (int i = 0; i < fails.size(); i++) {
      perKey[i] = count(when(fails.get(i), lit(1))).as("_" + i);
      total[i + 1] = coalesce(sum("_" + i), lit(0L)).as("_" + i);
      results[i + 1] = result(table, names.get(i), "_" + i);
    }
    Column[] key = table.grain().key().stream().map(k -> col(k)).toArray(Column[]::new);
    names.add(0, unique);
    return new Planned(names, flagged.groupBy(key).agg(count(lit(1)).as("_rows"), perKey)
        .agg(total[0], java.util.Arrays.copyOfRange(total, 1, total.length))
        .select(inline(array(results))));
  }

  private static Column result(Table table, String check, String column) {
    return struct(lit(table.name()).as("table"), lit(check).as("check"), col(column).cast("long").as("failing"));
  }

  /** The referenced table's keys, once each; none when it has no rows to read. */
  private static Dataset<Row> keys(SparkSession spark, Table referenced, Function<Table, Dataset<Row>> open) {
    String key = referenced.grain().key().get(0);
    Dataset<Row> rows = open.apply(referenced);
    if (rows == null) rows = spark.createDataFrame(List.of(), referenced.schema());
    return rows.select(col(key).as("_key_" + referenced.name())).distinct();
  }
}
