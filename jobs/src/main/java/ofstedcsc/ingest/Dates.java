package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The date forms the inputs use: the index writes dd/mm/yy for publication and dd/mm/yyyy for fieldwork; analysts
 * write ISO dates. A value of none of these shapes is unparseable; one of the right shape that is no calendar date
 * (31/02/2019) is impossible. Both are told apart so the quarantine can say which.
 */
public final class Dates {
  private Dates() {}

  private static final String ISO = "^\\d{4}-\\d{1,2}-\\d{1,2}$";
  private static final String DMY4 = "^\\d{1,2}/\\d{1,2}/\\d{4}$";
  private static final String DMY2 = "^\\d{1,2}/\\d{1,2}/\\d{2}$";

  public static Column hasDateShape(Column text) {
    return text.rlike(ISO).or(text.rlike(DMY4)).or(text.rlike(DMY2));
  }

  /** The date, or null when the text is blank, of the wrong shape or not a calendar date. */
  public static Column parse(Column text) {
    return when(text.rlike(ISO), try_to_date(text, "y-M-d"))
        .when(text.rlike(DMY4), try_to_date(text, "d/M/yyyy"))
        .when(text.rlike(DMY2), try_to_date(text, "d/M/yy"));
  }

  /** A reason code for a non-blank date text that does not give a date, else null. */
  public static Column problem(Column text) {
    return when(text.isNull(), lit(null))
        .when(hasDateShape(text).and(parse(text).isNull()), lit("impossible_date"))
        .when(not(hasDateShape(text)), lit("unparseable_date"));
  }
}
