package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** An ordered list of checks on a record; the first that fails gives the record's quarantine reason. */
public final class Checks {
  public static final String REASON = "_reason";
  public static final String DETAIL = "_detail";

  private Column reason;
  private Column detail;

  /** Checks on CSV records, which begin with the line itself (see {@link CsvLines}). */
  public static Checks ofLines() {
    return new Checks().checkReason(col(CsvLines.LINE_PROBLEM),
        lit("the line does not split into the header's columns, or its text is mis-encoded"));
  }

  /** Fails when {@code failed} is true; a null {@code failed} (an unknown) passes. */
  public Checks check(Column failed, String reasonCode, Column detailText) {
    Column isFailed = failed.equalTo(true);
    reason = reason == null ? when(isFailed, lit(reasonCode)) : reason.when(isFailed, lit(reasonCode));
    detail = detail == null ? when(isFailed, detailText) : detail.when(isFailed, detailText);
    return this;
  }

  /** Fails with the code that {@code reasonCode} yields, when it yields one. */
  public Checks checkReason(Column reasonCode, Column detailText) {
    Column failed = reasonCode.isNotNull();
    reason = reason == null ? when(failed, reasonCode) : reason.when(failed, reasonCode);
    detail = detail == null ? when(failed, detailText) : detail.when(failed, detailText);
    return this;
  }

  /** Fails each column whose date text gives no plausible date ({@link Dates#problem}), naming the column. */
  public Checks checkDateTexts(String... columns) {
    for (String c : columns) {
      checkReason(Dates.problem(col(c)), Dates.detail(c, col(c)));
    }
    return this;
  }

  /** Fails each date column (dates a parser already read) outside the span any inspection can have. */
  public Checks checkDates(String... columns) {
    for (String c : columns) {
      checkReason(Dates.implausible(col(c)), Dates.implausibleDetail(c, col(c)));
    }
    return this;
  }

  /**
   * The records with {@link #REASON} and {@link #DETAIL} added (null when every check passed), kept as a lazy local
   * checkpoint: the passed and the failed records, and the counts, each read them, and a cache would carry the plan of
   * the source's staging into every later query (see IngestJob).
   */
  public Dataset<Row> apply(Dataset<Row> records) {
    return records.withColumn(REASON, reason).withColumn(DETAIL, detail).localCheckpoint(false);
  }

  public static Dataset<Row> passed(Dataset<Row> checked) {
    return checked.filter(col(REASON).isNull()).drop(REASON, DETAIL);
  }

  /** The failed records in the quarantine's shape. */
  public static Dataset<Row> failed(Dataset<Row> checked, String source, String unit, Column ref, Column raw) {
    return checked.filter(col(REASON).isNotNull())
        .select(lit(source).as("source"), ref.as("source_ref"), lit(unit).as("unit"),
            col(REASON).as("reason_code"), col(DETAIL).as("detail"), raw.as("raw"));
  }
}
