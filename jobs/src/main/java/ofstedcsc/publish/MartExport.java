package ofstedcsc.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code export}: the marts as files a spreadsheet opens as they are, under {@code DIR/export}: one CSV per mart
 * ({@code <table>.csv}) or one workbook ({@code ofsted-marts.xlsx}) with a sheet per mart.
 */
public final class MartExport {
  static final String WORKBOOK = "ofsted-marts.xlsx";
  /** Without it Excel reads the file in the local code page: framework_pair "sif→ilacs" would show as "sifâ†’ilacs". */
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  /** A spreadsheet runs text starting with one of these as a formula ("CSV injection"). */
  private static final String FORMULA_START = "^[=+\\-@\t\r]";

  private MartExport() {}

  public static void write(SparkSession spark, String output, String format) {
    TableStore store = OutputDir.requireMarts(spark, output, Tables.MARTS);
    Path dir = new Path(output, "export");
    FileSystem fs = OutputDir.fileSystem(spark, dir);
    try {
      if (format.equals("xlsx")) {
        writeWorkbook(fs, store, new Path(dir, WORKBOOK));
      } else {
        for (Table t : Tables.MARTS) {
          writeCsv(fs, neutralised(store.read(t)), new Path(dir, t.name() + ".csv"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("export: wrote the " + Tables.MARTS.size() + " marts as " + format + " under " + dir);
  }

  /** Text that a spreadsheet would run as a formula gets a leading quote; numbers, dates and booleans stay. */
  static Dataset<Row> neutralised(Dataset<Row> rows) {
    Column[] columns = Arrays.stream(rows.schema().fields()).map(f -> {
      Column c = col(f.name());
      return f.dataType().equals(DataTypes.StringType)
          ? when(c.rlike(FORMULA_START), concat(lit("'"), c)).otherwise(c).as(f.name()) : c;
    }).toArray(Column[]::new);
    return rows.select(columns);
  }

  /** A header row, RFC 4180 quoting (quotes doubled), ISO dates; one file that starts with a BOM. */
  private static void writeCsv(FileSystem fs, Dataset<Row> rows, Path target) throws IOException {
    Path parts = new Path(target.getParent(), "_" + target.getName());
    rows.coalesce(1).write().mode("overwrite")
        .option("header", true).option("escape", "\"").option("dateFormat", "yyyy-MM-dd")
        .option("ignoreLeadingWhiteSpace", false).option("ignoreTrailingWhiteSpace", false)
        .csv(parts.toString());
    // Spark writes a directory holding one part file (with a header even when the mart is empty); Excel users need
    // one file per table, beginning with the BOM.
    FileStatus[] part = fs.globStatus(new Path(parts, "part-*"));
    try (OutputStream out = fs.create(target, true); InputStream in = fs.open(part[0].getPath())) {
      out.write(BOM);
      in.transferTo(out);
    }
    fs.delete(parts, true);
  }

  private static void writeWorkbook(FileSystem fs, TableStore store, Path target) throws IOException {
    try (OutputStream out = fs.create(target, true)) {
      Workbook workbook = new Workbook(out, "ofsted", "1.0");
      for (Table table : Tables.MARTS) {
        Worksheet sheet = workbook.newWorksheet(table.name());
        List<String> columns = table.columnNames();
        for (int c = 0; c < columns.size(); c++) {
          sheet.value(0, c, columns.get(c));
          sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        // The marts are small (hundreds of rows); a workbook is written by one process, so they come to the driver.
        List<Row> rows = neutralised(store.read(table)).collectAsList();
        for (int r = 0; r < rows.size(); r++) {
          for (int c = 0; c < columns.size(); c++) {
            cell(sheet, r + 1, c, rows.get(r).get(c));
          }
        }
      }
      workbook.finish();
    }
  }

  private static void cell(Worksheet sheet, int r, int c, Object value) {
    if (value instanceof String s) {
      sheet.value(r, c, s);
    } else if (value instanceof Number n) {
      sheet.value(r, c, n);
    } else if (value instanceof Boolean b) {
      sheet.value(r, c, b);
    } else if (value instanceof Date d) {
      sheet.value(r, c, d.toLocalDate());
      sheet.style(r, c).format("yyyy-mm-dd").set();
    } else if (value != null) {
      throw new IllegalStateException("no spreadsheet cell for " + value.getClass());
    }
  }
}
