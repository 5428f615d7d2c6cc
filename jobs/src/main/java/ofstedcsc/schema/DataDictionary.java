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
        .append("Superset. Columns are flat; dates are Parquet DATE; grades come as code and label.\n\n");
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
            .append(t.grain()).append(".\n\n")
            .append("| column | type | meaning | allowed values | example |\n| --- | --- | --- | --- | --- |\n");
        for (Table.Field f : t.fields()) {
          md.append("| `").append(f.name()).append("` | ").append(typeName(f.type())).append(" | ")
              .append(f.meaning()).append(" | ").append(f.allowed()).append(" | ").append(f.example())
              .append(" |\n");
        }
        md.append('\n');
      }
    }
    md.append("## Reference tables (`data/reference/`)\n\n")
        .append("The rules the jobs apply, each in exactly one place. They are packaged into the jar.\n\n");
    for (String name : List.of("grade_values", "judgement_areas", "frameworks", "inspection_types", "sources",
        "authority_name_noise", "regions", "reason_codes")) {
      md.append(reference(name));
    }
    return md.toString();
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
