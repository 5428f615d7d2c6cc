package ofstedcsc.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ofstedcsc.reference.ReferenceTable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Writes docs/data-dictionary.md from the declared schemas and the reference tables, so the dictionary cannot say
 * anything the code does not do. Regenerate with {@code bin/ofsted dictionary > docs/data-dictionary.md}.
 */
public final class DataDictionary {
  private DataDictionary() {}

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary\n\n")
        .append("Generated from `jobs/src/main/java/ofstedcsc/schema/Tables.java` and `data/reference/` by ")
        .append("`bin/ofsted dictionary`; a test fails when this file and the code disagree.\n\n")
        .append("Every table is a directory of Parquet files under the output directory (`output/<table>/`), ")
        .append("readable by Spark, DuckDB (`read_parquet('output/<table>/*.parquet')`), Power BI, Tableau and ")
        .append("Superset. Columns are flat; dates are Parquet DATE; grades come as code and label.\n\n")
        .append("Each table lists its checks, as dbt's model tests do: its key (`unique`), the columns never null, ")
        .append("the columns whose values come from a reference table (`accepted_values`, nulls aside), the ")
        .append("columns whose values must be keys of another table (`relationship`, nulls aside) and conditions ")
        .append("on every row. `bin/ofsted check --output DIR` runs them and prints the rows failing each.\n\n");
    Map<String, String> headings = new LinkedHashMap<>();
    headings.put("canonical", "## Canonical tables (ingest)\n\n");
    headings.put("mart", "## Marts (aggregate)\n\n");
    headings.put("refresh", "## Run manifest (refresh)\n\n`refresh` publishes the tables above as one version under "
        + "`output/current/<table>/` and records each run here, at `output/run_manifest/`.\n\n");
    for (String layer : headings.keySet()) {
      md.append(headings.get(layer));
      for (Table t : Stream.concat(Tables.all().stream(), Stream.of(Tables.RUN_MANIFEST)).toList()) {
        if (!t.layer().equals(layer)) continue;
        md.append("### `").append(t.name()).append("`\n\n").append(t.description()).append(" Grain: ")
            .append(t.grain().text()).append(".\n\n")
            .append("| column | type | meaning | allowed values | example |\n| --- | --- | --- | --- | --- |\n");
        for (Table.Field f : t.fields()) {
          md.append("| `").append(f.name()).append("` | ").append(typeName(f.type())).append(" | ")
              .append(f.meaning()).append(" | ").append(f.allowed()).append(" | ").append(f.example())
              .append(" |\n");
        }
        md.append('\n').append(checks(t));
      }
    }
    md.append("## Reference tables (`data/reference/`)\n\n")
        .append("The rules the jobs apply, each in exactly one place. They are packaged into the jar.\n\n");
    for (String name : List.of("grade_values", "judgement_areas", "frameworks", "framework_areas", "inspection_types", "sources",
        "authority_name_noise", "regions", "reason_codes")) {
      md.append(reference(name));
    }
    return md.toString();
  }

  /** The checks ofstedcsc.quality.DataChecks runs on the table (run_manifest's are declared but not run). */
  private static String checks(Table t) {
    StringBuilder md = new StringBuilder(Tables.all().contains(t) ? "Checks (`bin/ofsted check`):\n\n"
        : "Declared checks (not run by `bin/ofsted check`, which checks the published tables):\n\n");
    md.append("- `unique(").append(String.join(", ", t.grain().key())).append(")`\n");
    List<String> notNull = t.fields().stream().filter(Table.Field::required).map(f -> "`" + f.name() + "`").toList();
    if (!notNull.isEmpty()) md.append("- `not_null`: ").append(String.join(", ", notNull)).append('\n');
    List<String> accepted = t.fields().stream().filter(f -> f.accepted() != null)
        .map(f -> "`" + f.name() + "` (" + f.accepted().describe() + ")").toList();
    if (!accepted.isEmpty()) md.append("- `accepted_values`: ").append(String.join(", ", accepted)).append('\n');
    List<String> references = t.fields().stream().filter(f -> f.references() != null)
        .map(f -> "`" + f.name() + " -> " + f.references().name() + "`").toList();
    if (!references.isEmpty()) md.append("- `relationship`: ").append(String.join(", ", references)).append('\n');
    t.rowChecks().forEach(r -> md.append("- `").append(r.check()).append("`\n"));
    return md.append('\n').toString();
  }

  private static String reference(String name) {
    ReferenceTable table = ReferenceTable.load(name);
    StringBuilder md = new StringBuilder("### `" + name + ".csv`\n\n| ");
    md.append(String.join(" | ", table.columns)).append(" |\n|");
    md.append(" --- |".repeat(table.columns.size())).append('\n');
    for (List<String> row : table.rows) {
      md.append("| ").append(String.join(" | ", row.stream().map(v -> v.isEmpty() ? "" : "`" + v + "`").toList()))
          .append(" |\n");
    }
    return md.append('\n').toString();
  }

  private static String typeName(DataType type) {
    Map<DataType, String> names = Map.of(DataTypes.StringType, "string", DataTypes.IntegerType, "int32",
        DataTypes.LongType, "int64", DataTypes.DoubleType, "double", DataTypes.DateType, "date",
        DataTypes.BooleanType, "boolean", DataTypes.TimestampType, "timestamp (UTC)");
    return names.get(type);
  }
}
