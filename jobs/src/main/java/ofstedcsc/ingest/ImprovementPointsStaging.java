package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_instr;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import ofstedcsc.reports.ParsedReport;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The improvement points of the loaded reports: one row per point, in the report's order, each given a theme by the
 * phrase rules of data/reference/improvement_theme_rules.csv. A report's points section is one unit: loaded with its
 * points, or quarantined with the parser's reason when it could not be read.
 */
public final class ImprovementPointsStaging {
  private ImprovementPointsStaging() {}

  public static final String UNIT = "section";
  /** The theme of a point no rule matches; improvement_themes.csv lists it like any other. */
  public static final String OTHER = "other";

  /** The section's units and points, before themes; its quarantine and counts join the reports'. */
  public record Result(Dataset<Row> points, Dataset<Row> quarantine, Dataset<Row> read, Dataset<Row> loaded) {}

  /**
   * Transform: loaded reports ({@code _ref}, {@code inspection_id}, {@code authority_id}, {@code framework},
   * {@code published_on}, {@code authority_name} and the parser's {@code points_status}, {@code points_detail},
   * {@code points}) to their points. A report with no section to give (a null status) counts no unit.
   */
  public static Result stage(Dataset<Row> loadedReports, String source) {
    Column ref = concat(col("_ref"), lit("#improvement_points"));
    Dataset<Row> sections = loadedReports.filter(col("points_status").isNotNull());
    Dataset<Row> checked = new Checks()
        .checkReason(when(col("points_status").notEqual(ParsedReport.PARSED), col("points_status")),
            coalesce(col("points_detail"), col("points_status")))
        .apply(sections);
    Dataset<Row> passed = Checks.passed(checked);
    Dataset<Row> points = passed
        .select(col("_ref"), col("inspection_id"), col("authority_id"), col("framework"), col("published_on"),
            posexplode(col("points")).as(new String[] {"_n", "_p"}))
        .select(col("authority_id"), col("inspection_id"), col("published_on"), col("framework"),
            col("_n").plus(1).as("point_number"), col("_p.text").as("text"),
            col("_p.national_framework_reference").as("national_framework_reference"),
            concat(col("_ref"), lit("#point-"), col("_n").plus(1).cast("string")).as("source_ref"));
    return new Result(points, Checks.failed(checked, source, UNIT, ref, col("authority_name")),
        Staged.units(sections, source, ref, UNIT), Staged.units(passed, source, ref, UNIT));
  }

  /**
   * Transform: each point with the theme of the rule that matches earliest in its text (the phrase the point leads
   * with), ties going to the rule of lower priority; {@value #OTHER} when none matches. {@code rules} are
   * improvement_theme_rules.csv's rows, {@code themes} improvement_themes.csv's.
   */
  public static Dataset<Row> themed(Dataset<Row> points, Dataset<Row> rules, Dataset<Row> themes) {
    // The points are broadcast and the rules stream past them: a pattern that comes from a column is compiled again
    // whenever it differs from the last row's, so each rule meets every point in a row and is compiled once, not once
    // per point (the national points' table: 3.2 s of task time the other way round, 2.5 s this way). Each text is
    // lower-cased once, before the broadcast, not once for every rule it meets.
    Dataset<Row> matches = rules.select(col("theme").as("_theme"), col("pattern").as("_pattern"),
            col("priority").cast("int").as("_priority"))
        .join(broadcast(points.select(col("inspection_id"), col("point_number"), lower(col("text")).as("_text"))),
            lit(true))
        .withColumn("_position", regexp_instr(col("_text"), col("_pattern")))
        .filter(col("_position").gt(0))
        .withColumn("_rank", row_number().over(Window.partitionBy("inspection_id", "point_number")
            .orderBy(col("_position"), col("_priority"))))
        .filter(col("_rank").equalTo(1))
        .select(col("inspection_id"), col("point_number"), col("_theme"));
    return points.join(matches, new String[] {"inspection_id", "point_number"}, "left")
        .withColumn("theme", coalesce(col("_theme"), lit(OTHER)))
        .join(broadcast(themes.select(col("theme"), col("label").as("theme_label"))), "theme")
        .drop("_theme");
  }
}
