package ofstedcsc.publish;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import ofstedcsc.TestSpark;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export on the sample's marts, with Kirklees renamed to a formula: read back, the files hold the same rows. */
class MartExportTest {
  private static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"Kirklees\")";

  @TempDir static Path output;
  private static TableStore store;

  @BeforeAll
  static void marts() {
    SampleMarts.withKirkleesNamed(output, FORMULA);
    store = SampleMarts.store(output);
  }

  @Test
  void csvHoldsEveryMartRowWithABomAndNeutralisedFormulas() throws IOException {
    assertEquals(ExitCode.OK, export("csv"));
    for (Table t : Tables.MARTS) {
      Path csv = output.resolve("export/" + t.name() + ".csv");
      byte[] bytes = Files.readAllBytes(csv);
      assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), t.name());
      String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
      assertEquals(String.join(",", t.columnNames()), text.substring(0, text.indexOf('\n')), t.name());
      // enforceSchema applies the declared types by position, after the header line.
      Dataset<Row> back = TestSpark.session().read().schema(t.schema()).option("header", true)
          .option("escape", "\"").option("multiLine", true).csv(csv.toString());
      assertEquals(sorted(expected(t)), sorted(back.collectAsList()), t.name());
    }
    String standing = Files.readString(output.resolve("export/standing.csv"));
    assertTrue(standing.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"Kirklees\"\")\","),
        "quoted, quotes doubled and neutralised");
    assertTrue(standing.contains(",2024-08-28,"), "ISO dates");
    assertFalse(Files.exists(output.resolve("export/_standing.csv")), "Spark's part files are cleaned up");
  }

  @Test
  void xlsxHasASheetPerMartWithTypedCellsAndNeutralisedFormulas() throws IOException {
    assertEquals(ExitCode.OK, export("xlsx"));
    try (ReadableWorkbook workbook = new ReadableWorkbook(output.resolve("export/ofsted-marts.xlsx").toFile(),
        new ReadingOptions(true, true))) {
      List<Sheet> sheets = workbook.getSheets().toList();
      assertEquals(Tables.MARTS.stream().map(Table::name).toList(), sheets.stream().map(Sheet::getName).toList());
      for (int s = 0; s < sheets.size(); s++) {
        Table t = Tables.MARTS.get(s);
        List<org.dhatim.fastexcel.reader.Row> rows = sheets.get(s).read();
        assertEquals(t.columnNames(), rows.get(0).stream().map(Cell::getText).toList(), t.name());
        List<Row> back = new ArrayList<>();
        for (org.dhatim.fastexcel.reader.Row r : rows.subList(1, rows.size())) {
          Object[] values = new Object[t.fields().size()];
          for (int c = 0; c < values.length; c++) {
            DataType type = t.fields().get(c).type();
            values[c] = r.getOptionalCell(c).map(cell -> value(cell, type)).orElse(null);
          }
          back.add(org.apache.spark.sql.RowFactory.create(values));
        }
        assertEquals(sorted(expected(t)), sorted(back), t.name());
      }
    }
  }

  @Test
  void textThatASpreadsheetWouldRunGetsALeadingQuoteAndNothingElseChanges() {
    Dataset<Row> rows = TestSpark.rows(TestSpark.schema("text string", "number int"),
        new Object[] {"=1+1", -1}, new Object[] {"+44 1484", 2}, new Object[] {"-1", 3}, new Object[] {"@SUM(A1)", 4},
        new Object[] {"\tx", 5}, new Object[] {"\rx", 6}, new Object[] {"Kirklees", 7}, new Object[] {"a=b", 8},
        new Object[] {null, 9});
    List<String> text = MartExport.neutralised(rows).collectAsList().stream()
        .map(r -> r.getString(0) + "|" + r.getInt(1)).toList();
    assertEquals(List.of("'=1+1|-1", "'+44 1484|2", "'-1|3", "'@SUM(A1)|4", "'\tx|5", "'\rx|6", "Kirklees|7",
        "a=b|8", "null|9"), text);
  }

  @Test
  void withoutTheMartsTheCommandStopsWithBadInput(@TempDir Path empty) {
    assertEquals(ExitCode.BAD_INPUT, new Cli(Cli.PIPELINE).execute(TestSpark.session(),
        new String[] {"export", "--output", empty.toString(), "--format", "xlsx"}));
    assertFalse(Files.exists(empty.resolve("export")));
  }

  private static int export(String format) {
    return new Cli(Cli.PIPELINE).execute(TestSpark.session(),
        new String[] {"export", "--output", output.toString(), "--format", format});
  }

  private static List<Row> expected(Table t) {
    List<Row> rows = MartExport.neutralised(store.read(t)).collectAsList();
    if (t == Tables.STANDING) {
      assertTrue(rows.stream().anyMatch(r -> ("'" + FORMULA).equals(r.getAs("authority_name"))));
    }
    return rows;
  }

  /** A cell as the type the mart declares; a number or date must be a number cell, not text. */
  private static Object value(Cell cell, DataType type) {
    if (type.equals(DataTypes.StringType)) {
      assertEquals(CellType.STRING, cell.getType(), cell.toString());
      return cell.asString();
    }
    if (type.equals(DataTypes.BooleanType)) {
      return cell.asBoolean();
    }
    assertEquals(CellType.NUMBER, cell.getType(), cell.toString());
    BigDecimal n = cell.asNumber();
    if (type.equals(DataTypes.IntegerType)) {
      return n.intValueExact();
    }
    if (type.equals(DataTypes.LongType)) {
      return n.longValueExact();
    }
    if (type.equals(DataTypes.DoubleType)) {
      return n.doubleValue();
    }
    assertEquals(DataTypes.DateType, type);
    assertEquals("yyyy-mm-dd", cell.getDataFormatString());
    return Date.valueOf(cell.asDate().toLocalDate());
  }

  private static List<String> sorted(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted(Comparator.naturalOrder()).toList();
  }
}
