package ofstedcsc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ofstedcsc.reference.Eras;

/**
 * The benchmark's other side: the marts computed by DuckDB from the same canonical Parquet tables, with the SQL of
 * {@code marts.sql}, written as one Parquet file per mart. Run in its own JVM by the benchmark, so that its peak
 * memory is its own: {@code DuckDbMarts INPUT OUTPUT AS_OF PUBLISHED_BY}.
 */
public final class DuckDbMarts {
  private DuckDbMarts() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 4) {
      System.err.println("usage: DuckDbMarts INPUT OUTPUT AS_OF PUBLISHED_BY");
      System.exit(64);
    }
    Path output = Path.of(args[1]);
    run(Path.of(args[0]), output, LocalDate.parse(args[2]), LocalDate.parse(args[3]));
  }

  public static void run(Path input, Path output, LocalDate asOf, LocalDate publishedBy) throws SQLException {
    try {
      Files.createDirectories(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      // In memory, spilling to disk beside the output when the data outgrow DuckDB's memory limit (80% of RAM).
      statement.execute("SET temp_directory = '" + output.resolve("tmp") + "'");
      statement.execute("SET preserve_insertion_order = false");
      statement.execute("CREATE TEMP TABLE areas_no_longer_judged (area VARCHAR, judged_until DATE)");
      try (PreparedStatement insert = duckdb.prepareStatement(
          "INSERT INTO areas_no_longer_judged VALUES (?, CAST(? AS DATE))")) {
        for (Map.Entry<String, LocalDate> area : Eras.areasNoLongerJudged().entrySet()) {
          insert.setString(1, area.getKey());
          insert.setString(2, area.getValue().toString());
          insert.execute();
        }
      }
      for (String sql : statements(Map.of("input", input.toString(), "output", output.toString(),
          "as_of", asOf.toString(), "published_by", publishedBy.toString()))) {
        long start = System.nanoTime();
        statement.execute(sql);
        System.out.printf("duckdb %6.1fs  %s%n", (System.nanoTime() - start) / 1e9, firstLine(sql));
      }
    }
  }

  /** The statements of marts.sql with its placeholders filled in. */
  static List<String> statements(Map<String, String> values) {
    String sql;
    try (InputStream in = DuckDbMarts.class.getResourceAsStream("marts.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> v : values.entrySet()) {
      sql = sql.replace("${" + v.getKey() + "}", v.getValue().replace("'", "''"));
    }
    return Arrays.stream(sql.split(";\\s*\\n"))
        .map(s -> s.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String firstLine(String sql) {
    return sql.lines().findFirst().orElse("");
  }
}
