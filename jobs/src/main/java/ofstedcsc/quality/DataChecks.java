package ofstedcsc.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import ofstedcsc.pipeline.Sizing;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The checks that Tables declares beside each schema (dbt's unique, not_null, accepted_values and relationships, and
 * row conditions as in Deequ), run on any set of tables: an output directory through TableStore::read, or the
 * Datasets a run is about to write. Every check of every table is one Spark query, since on this project's data a
 * query's fixed cost, not its rows, is what takes the time; and every table's rows are first brought to one shape
 * (see {@link #findings}), so that the query reads each table once and has two aggregations and one join, whatever
 * the number of tables. Both aggregations count, so Spark hashes them at any size (docs/benchmarks.md: collecting
 * each key's findings instead made the checks cost more than the marts at 10 million judgements).
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
    // gives no row for has no failing rows. The query names a check, and a table that references name, by its place
    // in these lists: at scale, numbers hash and compare faster than names.
    List<Result> declared = new ArrayList<>();
    List<Table> referenced = new ArrayList<>();
    List<Dataset<Row>> findings = new ArrayList<>();
    for (Table table : checked) {
      Dataset<Row> rows = open.apply(table);
      declared.add(new Result(table.name(), "exists", rows == null ? 1L : 0L));
      if (rows != null) findings.add(findings(table, rows, declared, referenced));
    }
    Map<Integer, Long> failing = new HashMap<>();
    if (!findings.isEmpty()) {
      Dataset<Row> all = Sizing.coalesceToShufflePartitions(findings.stream().reduce(Dataset::union).orElseThrow());
      for (Row r : failing(counted(all), keys(spark, referenced, open)).collectAsList()) {
        failing.put(r.getInt(0), r.getLong(1));
      }
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      Result r = declared.get(i);
      results.add(new Result(r.table(), r.check(), failing.getOrDefault(i, r.failing())));
    }
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

  /**
   * A table's findings, in the one shape that every table shares, so that all the tables are checked by one union,
   * two aggregations and a join rather than a few aggregations and a join per table (each one more operator to plan,
   * which on this project's data costs more than the rows): one row per finding, with the number of its check, and
   * for a key or a reference the key as text (and for a reference the number of the table it names). Every row gives
   * its key, which fails the key check only when another row gives it too; a failed row condition, null or value
   * gives no key. Appends the table's checks to {@code declared}, and the tables its references name to
   * {@code referenced}.
   */
  private static Dataset<Row> findings(Table table, Dataset<Row> rows, List<Result> declared, List<Table> referenced) {
    List<Column> findings = new ArrayList<>();
    findings.add(finding(declare(declared, table, "unique(" + String.join(", ", table.grain().key()) + ")"),
        lit(null), keyText(table.grain().key())));
    for (Table.Field f : table.fields()) {
      Column c = col(f.name());
      if (f.required()) {
        findings.add(failure(declare(declared, table, "not_null(" + f.name() + ")"), c.isNull()));
      }
      if (f.accepted() != null) {
        // Compared as text: reference files hold text, and grade codes are integers in the tables. Nulls are
        // not_null's business, as in dbt.
        findings.add(failure(declare(declared, table, "accepted_values(" + f.name() + ")"),
            c.isNotNull().and(not(c.cast("string").isin(f.accepted().values().toArray())))));
      }
    }
    for (Table.RowCheck r : table.rowChecks()) {
      findings.add(failure(declare(declared, table, r.check()), not(coalesce(expr(r.condition()), lit(false)))));
    }
    for (Table.Field f : table.fields()) {
      if (f.references() == null) continue;
      int check = declare(declared, table, "relationship(" + f.name() + " -> " + f.references().name() + ")");
      if (!referenced.contains(f.references())) referenced.add(f.references());
      findings.add(when(col(f.name()).isNotNull(),
          finding(check, lit(referenced.indexOf(f.references())), col(f.name()))));
    }
    // Exploded with the nulls of the checks a row passes, then filtered: filtering the array first would take a
    // higher-order function, which Spark evaluates row by row without compiled code (at 10 million judgements, a
    // third of the checks' time).
    return rows.select(explode(array(findings.toArray(Column[]::new))).as("f")).filter(col("f").isNotNull())
        .select("f.*");
  }

  /** Appends a check of {@code table}, with no failing rows until the query finds some; returns its number. */
  private static int declare(List<Result> declared, Table table, String check) {
    declared.add(new Result(table.name(), check, 0L));
    return declared.size() - 1;
  }

  /**
   * A row's key as text that no other key of its table shares: each column's text after its length, or ~ for a null
   * (a plain join of the texts would give ("a:b", "c") the key of ("a", "b:c")).
   */
  private static Column keyText(List<String> columns) {
    return concat(columns.stream().map(k -> {
      Column text = col(k).cast("string");
      return coalesce(concat(length(text).cast("string"), lit(":"), text), lit("~"));
    }).toArray(Column[]::new));
  }

  /** A row check's finding when {@code fails} holds: its number, with no key. */
  private static Column failure(int check, Column fails) {
    return when(fails, finding(check, lit(null), lit(null)));
  }

  private static Column finding(int check, Column referenced, Column key) {
    return struct(lit(check).as("check"), referenced.cast("int").as("referenced"), key.cast("string").as("key"));
  }

  /**
   * The findings counted by what they name, keeping those that fail: a key given by several rows (each of them
   * counts), every failed row check, and every reference until it is matched to a key (see {@link #failing}).
   * Counting, unlike collecting each key's findings, aggregates in a hash table at any size.
   */
  private static Dataset<Row> counted(Dataset<Row> findings) {
    Column rowKey = col("referenced").isNull().and(col("key").isNotNull());
    return findings.groupBy("check", "referenced", "key").agg(count(lit(1)).as("rows"))
        .filter(not(rowKey).or(col("rows").gt(1)));
  }

  /**
   * Per check, the rows that fail it: the findings less the references that name a key of their table. A finding
   * that is no reference names no table, so the anti join, which matches no null, keeps it.
   */
  private static Dataset<Row> failing(Dataset<Row> findings, Dataset<Row> keys) {
    // The keys put in a hash table rather than sorted with the findings: at 10 million judgements, the join's stage
    // then took a third of its time sorted (docs/benchmarks.md).
    return findings.join(keys.hint("shuffle_hash"), findings.col("referenced").equalTo(keys.col("_referenced"))
            .and(findings.col("key").equalTo(keys.col("_key"))), "left_anti")
        .groupBy("check").agg(sum("rows").cast("long").as("failing"));
  }

  /** Every referenced table's keys, once each, with the table's number. */
  private static Dataset<Row> keys(SparkSession spark, List<Table> referenced, Function<Table, Dataset<Row>> open) {
    return IntStream.range(0, referenced.size()).mapToObj(i -> keys(spark, referenced.get(i), i, open))
        .reduce(Dataset::union)
        .orElseGet(() -> spark.createDataFrame(List.of(), new StructType().add("_referenced", DataTypes.IntegerType)
            .add("_key", DataTypes.StringType)));
  }

  /** The referenced table's keys, once each, with its number; none when it has no rows to read. */
  private static Dataset<Row> keys(SparkSession spark, Table referenced, int number,
      Function<Table, Dataset<Row>> open) {
    String key = referenced.grain().key().get(0);
    Dataset<Row> rows = open.apply(referenced);
    if (rows == null) rows = spark.createDataFrame(List.of(), referenced.schema());
    return rows.select(lit(number).as("_referenced"), col(key).cast("string").as("_key")).distinct();
  }
}
