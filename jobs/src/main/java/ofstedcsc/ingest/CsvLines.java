package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.reference.ReferenceTable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A CSV input read as lines, so that every record keeps its file and line number for the quarantine, and a bad line
 * (wrong number of fields, unbalanced quotes, bytes that are not UTF-8) is flagged rather than failing the batch.
 *
 * <p>Columns are found by the header's names, so shuffled or extra columns load as they should.
 */
public final class CsvLines {
  private CsvLines() {}

  public static final String REF = "_source_ref";
  public static final String LINE = "_line";
  public static final String RAW = "_raw";
  public static final String LINE_PROBLEM = "_line_problem";

  /**
   * Signs of mis-encoded text: U+FFFD, which bytes that are not UTF-8 become when the file is split into lines, and
   * the mojibake of UTF-8 once read as Windows-1252 ("â€™" for an apostrophe, "Ã©" for "é").
   */
  private static final String MISENCODED = "\uFFFD|â€|Ã[©¨¢¡£§ª«®¯°±²³´µ¶·¸¹º»¼½¾¿]|Â[ £©®°±·»]";

  /** The header of a CSV file, checked for the required columns. Reads one line on the driver. */
  public static List<String> header(Configuration conf, String file, String what, List<String> required) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw new StructuralError(what + " not found: " + file);
      }
      String first;
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
        first = reader.readLine();
      }
      if (first == null || first.isBlank()) {
        throw new StructuralError(what + " is empty (no header line): " + file);
      }
      List<String> header = new ArrayList<>();
      for (String name : ReferenceTable.splitCsvLine(first.replace("\uFEFF", ""))) {
        header.add(name.trim().toLowerCase());
      }
      List<String> missing = required.stream().filter(c -> !header.contains(c)).collect(Collectors.toList());
      if (!missing.isEmpty()) {
        throw new StructuralError(what + " " + file + " lacks required column(s) " + String.join(", ", missing)
            + " (its header: " + String.join(", ", header) + ")");
      }
      return header;
    } catch (IOException e) {
      throw new StructuralError(what + " cannot be read: " + file + " (" + e.getMessage() + ")");
    }
  }

  /**
   * The data lines of one CSV file: {@link #REF} ("name:line"), {@link #LINE}, {@link #RAW}, {@link #LINE_PROBLEM} (a reason code
   * or null) and one trimmed string column per header name (null when blank). Blank lines are not records.
   */
  public static Dataset<Row> read(SparkSession spark, String file, String refName, List<String> header) {
    StructType fields = DataTypes.createStructType(header.stream()
        .map(h -> DataTypes.createStructField(h, DataTypes.StringType, true)).collect(Collectors.toList()));
    Dataset<Row> lines = spark.read().option("wholetext", "true").text(file)
        .select(posexplode(split(col("value"), "\r?\n")).as(new String[] {"pos", "line"}))
        .filter(col("pos").gt(0).and(trim(col("line")).notEqual("")));
    return parse(lines, refName, header.size(), fields);
  }

  static Dataset<Row> parse(Dataset<Row> lines, String refName, int expectedFields, StructType fields) {
    Column line = col("line");
    Column unquoted = regexp_replace(line, "\"([^\"]|\"\")*\"", "");
    Column fieldCount = length(unquoted).minus(length(replace(unquoted, lit(","), lit("")))).plus(1);
    Column quotes = length(line).minus(length(replace(line, lit("\""), lit(""))));
    Column problem = when(line.rlike(MISENCODED), lit("bad_encoding"))
        .when(quotes.mod(2).equalTo(1).or(fieldCount.notEqual(expectedFields)), lit("malformed_row"));
    Dataset<Row> parsed = lines
        .withColumn(REF, concat(lit(refName + ":"), col("pos").plus(1).cast("string")))
        .withColumn(LINE, col("pos").plus(1).cast("int"))
        .withColumn(RAW, line)
        .withColumn(LINE_PROBLEM, problem)
        .withColumn("_fields", from_csv(line, lit(fields.toDDL()), Map.of("mode", "PERMISSIVE")));
    List<Column> out = new ArrayList<>(List.of(col(REF), col(LINE), col(RAW), col(LINE_PROBLEM)));
    for (String name : fields.fieldNames()) {
      out.add(nullif(trim(col("_fields").getField(name)), lit("")).as(name));
    }
    return parsed.select(out.toArray(Column[]::new));
  }
}
