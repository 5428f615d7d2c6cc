package ofstedcsc.schema;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/** One published table: its name, layer, grain and documented columns. The only place a schema is declared. */
public record Table(String name, String layer, String description, String grain, List<Field> fields) {

  /** A documented column. {@code allowed} lists the values a BI user may filter on, or describes the range. */
  public record Field(String name, DataType type, String meaning, String allowed, String example) {}

  public static Table of(String name, String layer, String description, String grain, Field... fields) {
    return new Table(name, layer, description, grain, List.of(fields));
  }

  public static Field field(String name, DataType type, String meaning, String allowed, String example) {
    return new Field(name, type, meaning, allowed, example);
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
