package ofstedcsc.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

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
 * query's fixed cost, not its rows, is what takes the time.
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
    Map<List<String>, Long> known = new LinkedHashMap<>();
    List<List<String>> order = new ArrayList<>();
    List<Dataset<Row>> queries = new ArrayList<>();
    for (Table table : checked) {
      Dataset<Row> rows = open.apply(table);
      order.add(List.of(table.name(), "exists"));
      known.put(List.of(table.name(), "exists"), rows == null ? 1L : 0L);
      if (rows == null) continue;
      String unique = "unique(" + String.join(", ", table.grain().key()) + ")";
      order.add(List.of(table.name(), unique));
      queries.add(duplicates(rows, table, unique));
      // The checks of one column or row each, answered together by one aggregation of the table (columnChecks).
      List<String> names = new ArrayList<>();
      List<Column> failing = new ArrayList<>();
      for (Table.Field f : table.fields()) {
        Column c = col(f.name());
        if (f.required()) {
          names.add("not_null(" + f.name() + ")");
          failing.add(count_if(c.isNull()));
        }
        if (f.accepted() != null) {
          names.add("accepted_values(" + f.name() + ")");
          // Compared as text: reference files hold text, and grade codes are integers in the tables.
          failing.add(count_if(c.isNotNull().and(not(c.cast("string").isin(f.accepted().values().toArray())))));
        }
      }
      for (Table.RowCheck r : table.rowChecks()) {
        names.add(r.check());
        failing.add(count_if(not(coalesce(expr(r.condition()), lit(false)))));
      }
      names.forEach(n -> order.add(List.of(table.name(), n)));
      for (Table.Field f : table.fields()) {
        if (f.references() != null) {
          String check = "relationship(" + f.name() + " -> " + f.references().name() + ")";
          order.add(List.of(table.name(), check));
          queries.add(orphans(spark, rows, table, f, open.apply(f.references()), check));
        }
      }
      if (!names.isEmpty()) queries.add(columnChecks(rows, table, names, failing));
    }
    if (!queries.isEmpty()) {
      for (Row r : queries.stream().reduce(Dataset::union).orElseThrow().collectAsList()) {
        known.put(List.of(r.getString(0), r.getString(1)), r.getLong(2));
      }
    }
    return order.stream().map(k -> new Result(k.get(0), k.get(1), known.get(k))).toList();
  }

  /** Whether every check passed. */
  public static boolean passed(List<Result> results) {
    return results.stream().allMatch(Result::passed);
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

  /** Every not_null, accepted_values and row check of one table as a single aggregation, then a row per check. */
  private static Dataset<Row> columnChecks(Dataset<Row> rows, Table table, List<String> names, List<Column> failing) {
    Column[] counts = new Column[failing.size()];
    Column[] results = new Column[failing.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = failing.get(i).as("_" + i);
      results[i] = struct(lit(table.name()).as("table"), lit(names.get(i)).as("check"),
          col("_" + i).cast("long").as("failing"));
    }
    return rows.agg(counts[0], java.util.Arrays.copyOfRange(counts, 1, counts.length)).select(inline(array(results)));
  }

  private static Dataset<Row> duplicates(Dataset<Row> rows, Table table, String check) {
    Column[] key = table.grain().key().stream().map(k -> col(k)).toArray(Column[]::new);
    return rows.groupBy(key).agg(count(lit(1)).as("_rows"))
        .filter(col("_rows").gt(1))
        .agg(coalesce(sum("_rows"), lit(0L)).as("failing"))
        .select(lit(table.name()).as("table"), lit(check).as("check"), col("failing").cast("long"));
  }

  /** Rows whose non-null reference is no key of the referenced table (nulls are not_null's business, as in dbt). */
  private static Dataset<Row> orphans(SparkSession spark, Dataset<Row> rows, Table table, Table.Field field,
      Dataset<Row> target, String check) {
    String key = field.references().grain().key().get(0);
    Dataset<Row> keys = target != null ? target.select(col(key).as("_ref"))
        : spark.createDataFrame(List.of(), field.references().schema()).select(col(key).as("_ref"));
    return rows.select(col(field.name()).as("_ref")).filter(col("_ref").isNotNull())
        .join(keys, new String[] {"_ref"}, "left_anti")
        .agg(count(lit(1)).as("failing"))
        .select(lit(table.name()).as("table"), lit(check).as("check"), col("failing").cast("long"));
  }
}
