package ofstedcsc.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A small reference table from {@code data/reference/}, packaged in the jar under {@code /reference/}.
 * These files are the single home of the domain rules (grade wording, area mapping, framework eras),
 * so they are read from the classpath on the driver and on executors alike.
 */
public final class ReferenceTable {
  public final String name;
  public final List<String> columns;
  public final List<List<String>> rows;

  private ReferenceTable(String name, List<String> columns, List<List<String>> rows) {
    this.name = name;
    this.columns = columns;
    this.rows = rows;
  }

  public static ReferenceTable load(String name) {
    String resource = "/reference/" + name + ".csv";
    try (InputStream in = ReferenceTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("reference table missing from the jar: " + resource);
      }
      return read(name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table in the same CSV form from any stream (the synthetic data's calibration files). */
  public static ReferenceTable read(String name, InputStream in) {
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = splitCsvLine(reader.readLine());
      List<List<String>> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) continue;
        List<String> cells = new ArrayList<>(splitCsvLine(line));
        while (cells.size() < header.size()) cells.add("");
        rows.add(List.copyOf(cells.subList(0, header.size())));
      }
      return new ReferenceTable(name, List.copyOf(header), List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int column(String column) {
    int i = columns.indexOf(column);
    if (i < 0) throw new IllegalArgumentException(name + " has no column " + column);
    return i;
  }

  /** Rows as maps from column name to value, for readable lookups. */
  public List<Map<String, String>> records() {
    return rows.stream()
        .map(r -> columns.stream().collect(Collectors.toMap(Function.identity(), c -> r.get(columns.indexOf(c)))))
        .collect(Collectors.toList());
  }

  /** Splits one line of RFC 4180 CSV (quoted fields, doubled quotes); reference files have no embedded newlines. */
  public static List<String> splitCsvLine(String line) {
    if (line == null) return List.of();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
