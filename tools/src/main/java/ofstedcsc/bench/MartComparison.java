package ofstedcsc.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.types.DataTypes;

/**
 * Row-by-row comparison, in DuckDB, of the marts Spark wrote with those DuckDB computed: rows are matched on each
 * mart's grain and every column must agree, doubles to within 1e-9 (the engines sum logarithms in different orders).
 */
public final class MartComparison {
  private MartComparison() {}

  static final double TOLERANCE = 1e-9;

  /** Each mart's grain: the columns that identify a row. */
  static final Map<Table, List<String>> KEYS = Map.of(
      Tables.GRADE_TRANSITIONS, List.of("authority_id", "area", "to_inspection_id"),
      Tables.TRANSITION_MATRIX, List.of("area", "framework_pair", "from_grade", "from_grade_label", "to_grade",
          "to_grade_label"),
      Tables.IMPROVEMENT_EPISODES, List.of("authority_id", "area", "start_inspection_id"),
      Tables.IMPROVEMENT_SURVIVAL, List.of("area", "start_grade", "start_grade_label", "days"),
      Tables.IMPROVEMENT_SUMMARY, List.of("area", "start_grade", "start_grade_label"),
      Tables.STANDING, List.of("authority_id", "area"),
      Tables.AREA_SUMMARY, List.of("area", "region_code"));

  /** One mart: rows on each side and rows that are missing on one side or differ in any column. */
  public record Result(String mart, long sparkRows, long duckdbRows, long differing) {
    public boolean same() {
      return sparkRows == duckdbRows && differing == 0;
    }
  }

  public static List<Result> compare(Connection duckdb, Path sparkOutput, Path duckdbOutput) throws SQLException {
    List<Result> results = new ArrayList<>();
    try (Statement statement = duckdb.createStatement()) {
      // The marts of grades only: the improvement themes come from report text, which generated data has none of.
      for (Table mart : Tables.MARTS.stream().filter(KEYS::containsKey).toList()) {
        String spark = "read_parquet('" + sparkOutput.resolve(mart.name()) + "/*.parquet')";
        String own = "read_parquet('" + duckdbOutput.resolve(mart.name() + ".parquet") + "')";
        List<String> keys = KEYS.get(mart);
        String join = keys.stream().map(k -> "s." + k + " = d." + k).collect(Collectors.joining(" AND "));
        String differs = mart.fields().stream().map(f -> f.type().equals(DataTypes.DoubleType)
                ? "(s." + f.name() + " IS NULL) <> (d." + f.name() + " IS NULL) OR abs(s." + f.name() + " - d."
                    + f.name() + ") > " + TOLERANCE
                : "s." + f.name() + " IS DISTINCT FROM d." + f.name())
            .collect(Collectors.joining(" OR "));
        String sql = "SELECT (SELECT count(*) FROM " + spark + "), (SELECT count(*) FROM " + own + "), "
            + "(SELECT count(*) FROM " + spark + " s FULL JOIN " + own + " d ON " + join + " WHERE s." + keys.get(0)
            + " IS NULL OR d." + keys.get(0) + " IS NULL OR " + differs + ")";
        try (ResultSet r = statement.executeQuery(sql)) {
          r.next();
          results.add(new Result(mart.name(), r.getLong(1), r.getLong(2), r.getLong(3)));
        }
      }
    }
    return results;
  }
}
