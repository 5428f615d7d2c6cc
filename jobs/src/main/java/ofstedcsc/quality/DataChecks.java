package ofstedcsc.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import ofstedcsc.pipeline.Sizing;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The checks that Tables declares beside each schema (dbt's unique, not_null, accepted_values and relationships, and
 * row conditions as in Deequ), run on any set of tables: an output directory through TableStore::read, or the
 * Datasets a run is about to write. Every check of every table is one Spark query, since on this project's data a
 * query's fixed cost, not its rows, is what takes the time; and every table's rows are first brought to one shape
 * (see {@link #flagged}), so that the query reads each table once and has two aggregations and one join, whatever
 * the number of tables. The price is at scale: the aggregation by key collects lists, which Spark sorts rather than
 * hashes past 128 keys, so at 10 million judgements the checks cost more than the marts (docs/benchmarks.md).
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
    // Every check in declared order, with its count when known before the query runs (exists); a check the query
    // gives no row for has no failing rows.
    Map<List<String>, Long> failing = new LinkedHashMap<>();
    List<Dataset<Row>> rows = new ArrayList<>();
    Set<Table> referenced = new LinkedHashSet<>();
    for (Table table : checked) {
      Dataset<Row> tableRows = open.apply(table);
      failing.put(List.of(table.name(), "exists"), tableRows == null ? 1L : 0L);
      if (tableRows == null) continue;
      Flagged flagged = flagged(table, tableRows);
      flagged.checks().forEach(c -> failing.put(List.of(table.name(), c), 0L));
      rows.add(flagged.rows());
      table.fields().stream().filter(f -> f.references() != null).forEach(f -> referenced.add(f.references()));
    }
    if (!rows.isEmpty()) {
      Dataset<Row> all = Sizing.coalesceToShufflePartitions(rows.stream().reduce(Dataset::union).orElseThrow());
      Dataset<Row> byKey = all.groupBy("table", "unique", "key").agg(count(lit(1)).as("rows"),
          flatten(collect_list("failed")).as("failed"), flatten(collect_list("references")).as("references"));
      Dataset<Row> results = failing(findings(byKey), keys(spark, referenced, open));
      for (Row r : results.collectAsList()) {
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

  /** A table's checks, and its rows in the shape that every table shares for checking (see {@link #flagged}). */
  private record Flagged(List<String> checks, Dataset<Row> rows) {}

  /**
   * Every table's rows in one shape, so that all the tables are checked by one union, two aggregations and a join
   * rather than a few aggregations and a join per table (each one more operator to plan, which on this project's
   * data costs more than the rows): the table, its key check's name, the key as text, the names of the checks the row
   * fails, and the row's references to other tables' keys.
   */
  private static Flagged flagged(Table table, Dataset<Row> rows) {
    List<String> names = new ArrayList<>();
    List<Column> failed = new ArrayList<>();
    List<Column> references = new ArrayList<>();
    for (Table.Field f : table.fields()) {
      Column c = col(f.name());
      if (f.required()) {
        failed.add(named(names, "not_null(" + f.name() + ")", c.isNull()));
      }
      if (f.accepted() != null) {
        // Compared as text: reference files hold text, and grade codes are integers in the tables. Nulls are
        // not_null's business, as in dbt.
        failed.add(named(names, "accepted_values(" + f.name() + ")",
            c.isNotNull().and(not(c.cast("string").isin(f.accepted().values().toArray())))));
      }
    }
    for (Table.RowCheck r : table.rowChecks()) {
      failed.add(named(names, r.check(), not(coalesce(expr(r.condition()), lit(false)))));
    }
    for (Table.Field f : table.fields()) {
      if (f.references() == null) continue;
      String check = "relationship(" + f.name() + " -> " + f.references().name() + ")";
      names.add(check);
      references.add(when(col(f.name()).isNotNull(), struct(lit(check).as("check"),
          lit(f.references().name()).as("referenced"), col(f.name()).cast("string").as("key"))));
    }
    String unique = "unique(" + String.join(", ", table.grain().key()) + ")";
    names.add(0, unique);
    Column key = array(table.grain().key().stream().map(k -> col(k).cast("string")).toArray(Column[]::new));
    return new Flagged(names, rows.select(lit(table.name()).as("table"), lit(unique).as("unique"), key.as("key"),
        present(failed, DataTypes.StringType).as("failed"), present(references, REFERENCE).as("references")));
  }

  private static final StructType REFERENCE = new StructType().add("check", DataTypes.StringType)
      .add("referenced", DataTypes.StringType).add("key", DataTypes.StringType);

  /** The check's name when {@code fails} holds, recording the name among the table's checks. */
  private static Column named(List<String> names, String check, Column fails) {
    names.add(check);
    return when(fails, lit(check));
  }

  /** The non-null values of {@code values}, as an array (an empty one when there are none). */
  private static Column present(List<Column> values, DataType type) {
    Column array = values.isEmpty() ? array_repeat(lit(null).cast(type), 0) : array(values.toArray(Column[]::new));
    return filter(array, Column::isNotNull);
  }

  /**
   * Every failure of every row, as (table, check, rows it counts, and for a reference, the table and key it names),
   * from one pass over the rows grouped by key: a key shared by several rows fails the key check once for all of
   * them (a duplicated row counts twice), a failed row check counts its row, and every reference counts until it is
   * matched to a key (see {@link #failing}).
   */
  private static Dataset<Row> findings(Dataset<Row> byKey) {
    Column duplicated = present(List.of(when(col("rows").gt(1),
        finding(col("unique"), col("rows"), lit(null).cast("string"), lit(null).cast("string")))), FINDING);
    Column failed = transform(col("failed"), c -> finding(c, lit(1L), lit(null).cast("string"),
        lit(null).cast("string")));
    Column references = transform(col("references"), r -> finding(r.getField("check"), lit(1L),
        r.getField("referenced"), r.getField("key")));
    return byKey.select(col("table"), explode(concat(duplicated, failed, references)).as("f"))
        .select(col("table"), col("f.*"));
  }

  private static final StructType FINDING = new StructType().add("check", DataTypes.StringType)
      .add("rows", DataTypes.LongType).add("referenced", DataTypes.StringType).add("key", DataTypes.StringType);

  private static Column finding(Column check, Column rows, Column referenced, Column key) {
    return struct(check.as("check"), rows.cast("long").as("rows"), referenced.as("referenced"), key.as("key"));
  }

  /**
   * Per table and check, the rows that fail it: the findings less the references that name a key of their table. A
   * finding that is no reference names no table, so the anti join, which matches no null, keeps it.
   */
  private static Dataset<Row> failing(Dataset<Row> findings, Dataset<Row> keys) {
    return findings.join(keys, findings.col("referenced").equalTo(keys.col("_referenced"))
            .and(findings.col("key").equalTo(keys.col("_key"))), "left_anti")
        .groupBy("table", "check").agg(sum("rows").cast("long").as("failing"));
  }

  /** Every referenced table's keys, once each, with the table's name. */
  private static Dataset<Row> keys(SparkSession spark, Set<Table> referenced, Function<Table, Dataset<Row>> open) {
    return referenced.stream().map(t -> keys(spark, t, open)).reduce(Dataset::union)
        .orElseGet(() -> spark.createDataFrame(List.of(), new StructType().add("_referenced", DataTypes.StringType)
            .add("_key", DataTypes.StringType)));
  }

  /** The referenced table's keys, once each, with its name; none when it has no rows to read. */
  private static Dataset<Row> keys(SparkSession spark, Table referenced, Function<Table, Dataset<Row>> open) {
    String key = referenced.grain().key().get(0);
    Dataset<Row> rows = open.apply(referenced);
    if (rows == null) rows = spark.createDataFrame(List.of(), referenced.schema());
    return rows.select(lit(referenced.name()).as("_referenced"), col(key).cast("string").as("_key")).distinct();
  }
}
