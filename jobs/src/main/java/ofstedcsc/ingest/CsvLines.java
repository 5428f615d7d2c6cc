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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * (wrong number of fields, quotes RFC 4180 does not allow, bytes that are not UTF-8) is flagged rather than failing the
 * batch.
 *
 * <p>Columns are found by the header's names, so shuffled or extra columns load as they should. A name that is blank,
 * starts with '_' (the pipeline's own columns do) or is given twice is no column anyone reads, so it is left out.
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

  /**
   * Every line ending in use: LF, CRLF, and CR alone (Excel for Mac), as {@link BufferedReader#readLine} reads the
   * header, so that line numbers count the same way in both.
   */
  private static final String LINE_END = "\r\n?|\n";

  /**
   * One quoted run. RFC 4180 writes a quote inside a quoted field as two, so a quoted field is one or more runs side by
   * side ({@code "a ""b"""} is {@code "a "}, {@code "b"}, {@code ""}). Matched a run at a time, never as one repeated
   * group such as {@code "([^"]|"")*"}: Java's regex engine recurses once per repetition of a group, and a quoted field
   * of a few thousand characters overflowed the stack.
   */
  private static final String QUOTED_RUN = "\"[^\"]*\"";

  /**
   * With an even number of quotes every quote belongs to a run, so once each run is replaced by a single quote the
   * quotes left mark quoted fields, and a quoted field must fill its field: a mark may touch only a comma, the line's
   * ends or another run of the same field ({@code x"a"} or {@code "a" ,} are not CSV).
   */
  private static final String MISPLACED_QUOTES = "[^,\"]\"|\"[^,\"]";

  /** Spark's own bound on the fields of a CSV line, raised for a header that names more. */
  private static final int MAX_COLUMNS = 20_480;

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
      first = first.replace("\uFEFF", "");
      if (!wellFormed(first)) {
        throw new StructuralError(what + " " + file + " has a header line that is not RFC 4180 CSV (unbalanced"
            + " quotes, or quotes that do not enclose a whole name): " + first);
      }
      List<String> header = new ArrayList<>();
      for (String name : ReferenceTable.splitCsvLine(first)) {
        header.add(name.trim().toLowerCase(Locale.ROOT));
      }
      List<String> missing = required.stream().filter(c -> !header.contains(c)).collect(Collectors.toList());
      if (!missing.isEmpty()) {
        throw new StructuralError(what + " " + file + " lacks required column(s) " + String.join(", ", missing)
            + " (its header: " + String.join(", ", header) + ")");
      }
      // Which of two columns of the same name holds the value is anyone's guess.
      List<String> repeated = required.stream().filter(c -> Collections.frequency(header, c) > 1).toList();
      if (!repeated.isEmpty()) {
        throw new StructuralError(what + " " + file + " names required column(s) " + String.join(", ", repeated)
            + " more than once, in any case (its header: " + String.join(", ", header) + ")");
      }
      return header;
    } catch (IOException e) {
      throw new StructuralError(what + " cannot be read: " + file + " (" + e.getMessage() + ")");
    }
  }

  /** The rule of {@link #parse} for one line outside Spark: balanced quotes, each quoted field filling its field. */
  static boolean wellFormed(String line) {
    String marked = line.replaceAll(QUOTED_RUN, "\"");
    return line.chars().filter(c -> c == '"').count() % 2 == 0
        && !Pattern.compile(MISPLACED_QUOTES).matcher(marked).find();
  }

  /**
   * The data lines of one CSV file: {@link #REF} ("name:line"), {@link #LINE}, {@link #RAW}, {@link #LINE_PROBLEM} (a reason code
   * or null) and one trimmed string column per header name that is read (null when blank). Blank lines are not
   * records.
   */
  public static Dataset<Row> read(SparkSession spark, String file, String refName, List<String> header) {
    Dataset<Row> lines = spark.read().option("wholetext", "true").text(file)
        .select(posexplode(split(col("value"), LINE_END)).as(new String[] {"pos", "line"}))
        .filter(col("pos").gt(0).and(trim(col("line")).notEqual("")));
    return parse(lines, refName, header);
  }

  static Dataset<Row> parse(Dataset<Row> lines, String refName, List<String> header) {
    Column line = col("line");
    Column quotes = length(line).minus(length(replace(line, lit("\""), lit(""))));
    Column marked = regexp_replace(line, QUOTED_RUN, "\"");
    Column fieldCount = length(marked).minus(length(replace(marked, lit(","), lit("")))).plus(1);
    Column problem = when(line.rlike(MISENCODED), lit("bad_encoding"))
        .when(quotes.mod(2).equalTo(1).or(marked.rlike(MISPLACED_QUOTES)).or(fieldCount.notEqual(header.size())),
            lit("malformed_row"));
    // Fields by position: the header's names need not make a valid schema (blank, repeated, any characters).
    StructType positions = DataTypes.createStructType(IntStream.range(0, header.size())
        .mapToObj(i -> DataTypes.createStructField("_c" + i, DataTypes.StringType, true)).toList());
    Dataset<Row> parsed = lines
        .withColumn(REF, concat(lit(refName + ":"), col("pos").plus(1).cast("string")))
        .withColumn(LINE, col("pos").plus(1).cast("int"))
        .withColumn(RAW, line)
        .withColumn(LINE_PROBLEM, problem)
        // Only lines without a problem are parsed: the parser throws, failing the batch, on a line of more fields
        // than its maxColumns, and what it makes of a malformed line would be read as values.
        .withColumn("_fields", when(col(LINE_PROBLEM).isNull(), from_csv(line, lit(positions.toDDL()),
            Map.of("mode", "PERMISSIVE", "quote", "\"", "escape", "\"",
                "maxColumns", String.valueOf(Math.max(MAX_COLUMNS, header.size()))))));
    List<Column> out = new ArrayList<>(List.of(col(REF), col(LINE), col(RAW), col(LINE_PROBLEM)));
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (!name.isBlank() && !name.startsWith("_") && Collections.frequency(header, name) == 1) {
        out.add(nullif(trim(col("_fields").getField("_c" + i)), lit("")).as(name));
      }
    }
    return parsed.select(out.toArray(Column[]::new));
  }
}
