package ofstedcsc.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ofstedcsc.reference.ReferenceTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/**
 * One published table: its name, layer, grain and documented columns, with the checks its rows must pass (the key,
 * and each column's nulls, values and references; ofstedcsc.quality.DataChecks runs them). The only place a schema
 * is declared.
 */
public record Table(String name, String layer, String description, Grain grain, List<Field> fields,
    List<RowCheck> rowChecks) {

  /** What one row stands for, and the columns that identify it. */
  public record Grain(String text, List<String> key) {}

  /**
   * A documented column. {@code allowed} lists the values a BI user may filter on, or describes the range;
   * {@code required} says it is never null; {@code accepted}, when set, is the reference column its values must come from; {@code references}, when set, is
   * the table whose key every non-null value must be.
   */
  public record Field(String name, DataType type, String meaning, String allowed, String example, boolean required,
      Accepted accepted, Table references) {

    public Field notNull() {
      return new Field(name, type, meaning, allowed, example, true, accepted, references);
    }

    public Field accepted(Accepted values) {
      return new Field(name, type, meaning, allowed, example, required, values, references);
    }

    public Field references(Table table) {
      if (table.grain().key().size() != 1) {
        throw new IllegalArgumentException(name + " cannot reference " + table.name() + ", whose key is "
            + table.grain().key());
      }
      return new Field(name, type, meaning, allowed, example, required, accepted, table);
    }
  }

  /**
   * The values of one column of a reference table in data/reference, and any the pipeline adds itself (named by the
   * constant that produces them, so that no value is written twice).
   */
  public record Accepted(String reference, String column, List<String> also) {

    public Accepted or(String... values) {
      return new Accepted(reference, column, Stream.concat(also.stream(), Stream.of(values)).toList());
    }

    /**
     * Distinct non-blank values in file order. A cell may list alternatives: reason_codes.csv's unit says
     * {@code row or file} for a reason that applies to either.
     */
    public List<String> values() {
      ReferenceTable table = ReferenceTable.load(reference);
      int c = table.column(column);
      LinkedHashSet<String> values = new LinkedHashSet<>();
      table.rows.forEach(r -> Arrays.stream(r.get(c).split(" or ")).map(String::trim).filter(v -> !v.isEmpty())
          .forEach(values::add));
      values.addAll(also);
      return List.copyOf(values);
    }

    public String describe() {
      return reference + ".csv `" + column + "`" + also.stream().map(v -> ", `" + v + "`").collect(Collectors.joining());
    }
  }

  /** A condition every row must satisfy, as Spark SQL over the table's columns; a null result fails. */
  public record RowCheck(String name, String condition) {
    public String check() {
      return name + "(" + condition + ")";
    }
  }

  public static Table of(String name, String layer, String description, Grain grain, Field... fields) {
    return new Table(name, layer, description, grain, List.of(fields), List.of());
  }

  public Table(String name, String layer, String description, Grain grain, List<Field> fields,
      List<RowCheck> rowChecks) {
    this.name = name;
    this.layer = layer;
    this.description = description;
    this.grain = grain;
    this.fields = List.copyOf(fields);
    this.rowChecks = List.copyOf(rowChecks);
    // A declaration mistake fails when the class loads, in every test, not when a check first runs on data.
    for (String k : grain.key()) {
      Field f = fields.stream().filter(x -> x.name().equals(k)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(name + "'s key names no column " + k));
      if (!f.required()) {
        throw new IllegalArgumentException(name + "'s key column " + k + " must be declared notNull()");
      }
    }
  }

  /** The grain with its key columns: {@code grain("one row per inspection_id", "inspection_id")}. */
  public static Grain grain(String text, String... key) {
    if (key.length == 0) throw new IllegalArgumentException("a grain names its key: " + text);
    return new Grain(text, List.of(key));
  }

  public static Field field(String name, DataType type, String meaning, String allowed, String example) {
    return new Field(name, type, meaning, allowed, example, false, null, null);
  }

  public static Accepted from(String reference, String column) {
    return new Accepted(reference, column, List.of());
  }

  public Table withRowCheck(String name, String condition) {
    List<RowCheck> checks = new ArrayList<>(rowChecks);
    checks.add(new RowCheck(name, condition));
    return new Table(this.name, layer, description, grain, fields, checks);
  }

  public StructType schema() {
    return new StructType(fields.stream()
        .map(f -> new StructField(f.name(), f.type(), true, org.apache.spark.sql.types.Metadata.empty()))
        .toArray(StructField[]::new));
  }

  public List<String> columnNames() {
    return fields.stream().map(Field::name).collect(Collectors.toList());
  }

  /**
   * Selects exactly this table's columns, in order and with the declared types. A transformation that forgot a
   * column fails here, at planning time, rather than publishing a table that disagrees with the dictionary.
   */
  public Dataset<Row> conform(Dataset<Row> rows) {
    List<String> present = Arrays.asList(rows.columns());
    List<String> missing = columnNames().stream().filter(c -> !present.contains(c)).collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("table " + name + " is missing columns " + missing);
    }
    Column[] columns = fields.stream().map(f -> col(f.name()).cast(f.type()).as(f.name())).toArray(Column[]::new);
    return rows.select(columns);
  }
}
