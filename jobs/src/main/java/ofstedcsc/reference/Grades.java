package ofstedcsc.reference;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The grade vocabulary of data/reference/grade_values.csv: the one place where grade text from any source (a
 * report's table cell or statement, the index's grade columns, a hand-entered record) becomes a grade, a label or
 * the reason it is not graded.
 */
public final class Grades implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A row of grade_values.csv; {@code grade} and {@code label} are null for a sentinel such as "not judged". */
  public record Grade(Integer grade, String label, String notGradedReason) implements Serializable {}

  /**
   * The pre-2013 reports print "Grade 3 (Adequate)": the word in brackets is the grade, since that scale's grade 3
   * ("adequate") is not the later grade 3 ("requires improvement").
   */
  public static final Pattern BRACKETED = Pattern.compile("grade\\s*[1-4]\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

  /** A resolved grade as columns; {@code known} is false for text that is neither a grade nor a known sentinel. */
  public static final StructType RESOLVED = new StructType()
      .add("grade", DataTypes.IntegerType).add("grade_label", DataTypes.StringType)
      .add("not_graded_reason", DataTypes.StringType).add("known", DataTypes.BooleanType, false);

  private final Map<String, Grade> byKey;
  private final List<String> values;

  private Grades(Map<String, Grade> byKey, List<String> values) {
    this.byKey = Map.copyOf(byKey);
    this.values = List.copyOf(values);
  }

  public static Grades load() {
    ReferenceTable table = ReferenceTable.load("grade_values");
    Map<String, Grade> byKey = new HashMap<>();
    for (Map<String, String> row : table.records()) {
      String grade = row.get("grade");
      byKey.put(key(row.get("value")), new Grade(grade.isEmpty() ? null : Integer.valueOf(grade),
          blankAsNull(row.get("grade_label")), blankAsNull(row.get("not_graded_reason"))));
    }
    return new Grades(byKey, table.rows.stream().map(r -> r.get(table.column("value"))).toList());
  }

  private static String blankAsNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /** The key grade text is looked up by: its {@link PrintedText#plain} words, a hyphen separating words too. */
  public static String key(String printed) {
    return PrintedText.words(PrintedText.plain(printed).replace('-', ' '));
  }

  /** The values of grade_values.csv as written there. */
  public List<String> values() {
    return values;
  }

  /**
   * The grade the text stands for, or null when it is neither a grade nor a known sentinel. Blank text is the
   * sentinel for an empty cell; text of punctuation alone is no grade.
   */
  public Grade resolve(String text) {
    if (text == null || text.isBlank()) return byKey.get("");
    Matcher bracketed = BRACKETED.matcher(text.strip());
    String key = key(bracketed.matches() ? bracketed.group(1) : text);
    return key.isEmpty() ? null : byKey.get(key);
  }

  /** A resolved grade as a {@link #RESOLVED} row. */
  public static Row row(Grade grade) {
    return grade == null
        ? RowFactory.create(null, null, null, false)
        : RowFactory.create(grade.grade(), grade.label(), grade.notGradedReason(), true);
  }
}
