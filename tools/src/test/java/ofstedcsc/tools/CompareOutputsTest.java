package ofstedcsc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ofstedcsc.TestSpark;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareOutputsTest {
  private static final List<Table> COMPARED = List.of(Tables.AUTHORITIES, Tables.IMPROVEMENT_POINTS, Tables.AREA_SUMMARY);

  @TempDir
  Path dir;

  @Test
  void theSameRowsDuplicatesIncludedAreTheSameOutput() {
    StringBuilder lines = new StringBuilder();
    assertTrue(compare(write("expected", COMPARED, "80478", "80478", "80535"),
        write("actual", COMPARED, "80535", "80478", "80478"), lines), lines.toString());
    assertEquals("""
        table                     expected    actual only exp. only act.
        authorities                      3         3         0         0
        improvement_points               0         0         0         0
        area_summary                     0         0         0         0
        same rows in every table
        """, lines.toString());
  }

  @Test
  void aRowOnOneSideOnlyOrATableOneSideLacksIsADifferenceAndTheOtherTablesAreStillCompared() {
    String older = write("older", List.of(Tables.AUTHORITIES, Tables.AREA_SUMMARY), "80478", "80478");
    StringBuilder lines = new StringBuilder();
    assertFalse(compare(older, write("newer", COMPARED, "80478", "80535"), lines));
    assertEquals("""
        table                     expected    actual only exp. only act.
        authorities                      2         2         1         1
        improvement_points       missing in %s
        area_summary                     0         0         0         0
        the outputs differ
        """.formatted(older), lines.toString());
  }

  private static boolean compare(String expected, String actual, StringBuilder lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean same = CompareOutputs.compare(TestSpark.session(), COMPARED, expected, actual,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    lines.append(bytes.toString(StandardCharsets.UTF_8));
    return same;
  }

  /** {@code tables} under dir/name: authorities with these ids (every other column null), the others empty. */
  private String write(String name, List<Table> tables, String... authorityIds) {
    int columns = Tables.AUTHORITIES.schema().size();
    int id = Tables.AUTHORITIES.schema().fieldIndex("authority_id");
    List<Row> authorities = Arrays.stream(authorityIds).map(a -> {
      Object[] values = new Object[columns];
      values[id] = a;
      return RowFactory.create(values);
    }).toList();
    Map<Table, Dataset<Row>> rows = new LinkedHashMap<>();
    for (Table t : tables) {
      rows.put(t, TestSpark.session().createDataFrame(t == Tables.AUTHORITIES ? authorities : List.of(), t.schema()));
    }
    String output = dir.resolve(name).toString();
    new TableStore(TestSpark.session(), output).writeAll(rows);
    return output;
  }
}
