package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import ofstedcsc.reference.Eras;
import org.apache.spark.sql.Column;

/**
 * The date forms the inputs use: the index writes dd/mm/yy for publication and dd/mm/yyyy for fieldwork; analysts
 * write ISO dates. A value of none of these shapes is unparseable; one of the right shape that is no calendar date
 * (31/02/2019) is impossible; a calendar date outside the span any inspection can have is implausible. All three are
 * told apart so the quarantine can say which. Every source's dates, parsed here or by the report parser, pass the same
 * span.
 */
public final class Dates {
  private Dates() {}

  private static final String ISO = "^\\d{4}-\\d{1,2}-\\d{1,2}$";
  private static final String DMY4 = "^\\d{1,2}/\\d{1,2}/\\d{4}$";
  private static final String DMY2 = "^\\d{1,2}/\\d{1,2}/\\d{2}$";

  /**
   * How far past the day of the run a date may lie: a report listed under the next working day's date, or a clock in
   * another time zone, is no error; a two-digit year read into the wrong century (28/08/99 as 2099) is.
   */
  static final int DAYS_AHEAD = 7;

  public static Column hasDateShape(Column text) {
    return text.rlike(ISO).or(text.rlike(DMY4)).or(text.rlike(DMY2));
  }

  /** The date, or null when the text is blank, of the wrong shape or not a calendar date. */
  public static Column parse(Column text) {
    return when(text.rlike(ISO), try_to_date(text, "y-M-d"))
        .when(text.rlike(DMY4), try_to_date(text, "d/M/yyyy"))
        .when(text.rlike(DMY2), try_to_date(text, "d/M/yy"));
  }

  /** The first day an inspection can be dated: the start of the first framework (data/reference/frameworks.csv). */
  public static LocalDate earliest() {
    return Eras.ordered().get(0).from();
  }

  /**
   * The last day an inspection can be dated: a few days after the real day of the run. Not --as-of, which moves the
   * as-at date of the marts back in time, while a report published after it is still a real report.
   */
  public static LocalDate latest() {
    return LocalDate.now().plusDays(DAYS_AHEAD);
  }

  /** A reason code for a non-blank date text that does not give a plausible date, else null. */
  public static Column problem(Column text) {
    return when(text.isNull(), lit(null))
        .when(hasDateShape(text).and(parse(text).isNull()), lit("impossible_date"))
        .when(not(hasDateShape(text)), lit("unparseable_date"))
        .otherwise(implausible(parse(text)));
  }

  /** The quarantine's detail for {@link #problem}, naming the column. */
  public static Column detail(String column, Column text) {
    return when(implausible(parse(text)).isNotNull(), implausibleDetail(column, text))
        .otherwise(concat(lit(column + " '"), text, lit("' is not a date")));
  }

  /** "implausible_date" for a date before {@link #earliest} or after {@link #latest}, else null. */
  public static Column implausible(Column date) {
    return when(date.lt(lit(Date.valueOf(earliest()))).or(date.gt(lit(Date.valueOf(latest())))),
        lit("implausible_date"));
  }

  /** The quarantine's detail for {@link #implausible}, naming the column. */
  public static Column implausibleDetail(String column, Column value) {
    return concat(lit(column + " '"), value.cast("string"), lit("' is before the first framework began ("
        + earliest() + ") or more than " + DAYS_AHEAD + " days after the day of the run (" + latest() + ")"));
  }
}
