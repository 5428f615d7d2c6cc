package ofstedcsc.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Map;
import ofstedcsc.reference.Eras;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Time to improvement. An episode starts at a judgement of requires improvement or inadequate unless the previous
 * judgement in the area was already at that grade or worse (then it continues that episode), and ends at the first
 * later judgement graded better than the grade it started at. "Adequate" on the pre-2013 scale was a pass and opens
 * no episode. Episodes not improved by the as-at date are kept and censored there: they are the authorities still
 * waiting to improve, not missing rows. An area that no framework judges any longer (adoption and the LSCB review,
 * judged only under SIF) can show no improvement after the last day one did, so its episodes are censored then.
 */
public final class ImprovementEpisodes {
  private ImprovementEpisodes() {}

  /** {@code histories}: from {@link AggregateJob#histories}. */
  public static Dataset<Row> episodes(Dataset<Row> histories, LocalDate asOf) {
    Column asOfDate = lit(java.sql.Date.valueOf(asOf));
    WindowSpec history = Window.partitionBy("authority_id", "area").orderBy("published_on", "inspection_id");
    WindowSpec later = history.rowsBetween(1, Window.unboundedFollowing());
    Column belowGood = when(col("grade").geq(3).and(col("grade_label").notEqual("adequate")), col("grade"))
        .otherwise(0);
    // The first later judgement better than 3 and the first better than 4, each as one struct: one aggregate apiece.
    Column judgement = struct(col("inspection_id"), col("published_on"), col("grade"), col("grade_label"));
    Column fromThree = col("start_grade").equalTo(3);
    Column judgedUntil = lit(null).cast("date");
    for (Map.Entry<String, LocalDate> area : Eras.areasNoLongerJudged().entrySet()) {
      judgedUntil = when(col("area").equalTo(area.getKey()), lit(java.sql.Date.valueOf(area.getValue())))
          .otherwise(judgedUntil);
    }
    // Never before the episode began: a judgement published after the reference's last day gives 0 days at risk.
    Column censoredOn = greatest(col("started_on"), least(asOfDate, coalesce(judgedUntil, asOfDate)));
    // One select, so that Spark evaluates every window in one pass over each history (a window per withColumn copied
    // every row once per window).
    return histories.filter(col("published_on").leq(asOfDate))
        .withColumn("_below", belowGood)
        .select(col("*"),
            coalesce(lag("_below", 1).over(history), lit(0)).as("_previous_below"),
            first(when(col("grade").lt(3), judgement), true).over(later).as("_better3"),
            first(when(col("grade").lt(4), judgement), true).over(later).as("_better4"),
            first(when(col("grade").leq(2), col("published_on")), true).over(later).as("good_on"))
        .filter(col("_below").gt(0).and(col("_previous_below").lt(col("_below"))))
        .withColumnRenamed("inspection_id", "start_inspection_id")
        .withColumnRenamed("framework", "start_framework")
        .withColumnRenamed("grade", "start_grade")
        .withColumnRenamed("grade_label", "start_grade_label")
        .withColumnRenamed("published_on", "started_on")
        .withColumn("_improved", when(fromThree, col("_better3")).otherwise(col("_better4")))
        .withColumn("improved_inspection_id", col("_improved.inspection_id"))
        .withColumn("improved_on", col("_improved.published_on"))
        .withColumn("improved_to_grade", col("_improved.grade"))
        .withColumn("improved_to_grade_label", col("_improved.grade_label"))
        .withColumn("days_to_improvement", datediff(col("improved_on"), col("started_on")))
        .withColumn("days_to_good", datediff(col("good_on"), col("started_on")))
        .withColumn("censored", col("improved_on").isNull())
        .withColumn("censored_on", when(col("censored"), censoredOn))
        .withColumn("status", when(col("censored").equalTo(false), "improved")
            .when(col("censored_on").lt(asOfDate), "no_longer_judged").otherwise("open"))
        .withColumn("days_at_risk",
            coalesce(col("days_to_improvement"), datediff(col("censored_on"), col("started_on"))))
        .withColumn("as_of", asOfDate);
  }

  /** Kaplan–Meier: at each day an episode improved or was censored, the estimated share still not improved. */
  public static Dataset<Row> survival(Dataset<Row> episodes) {
    WindowSpec curve = Window.partitionBy("area", "start_grade").orderBy("days");
    WindowSpec fromTheEnd = Window.partitionBy("area", "start_grade").orderBy(col("days").desc())
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec soFar = curve.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column factor = lit(1.0).minus(col("events").divide(col("at_risk")));
    return episodes
        .groupBy(col("area"), col("start_grade"), col("start_grade_label"), col("days_at_risk").as("days"),
            col("as_of"))
        .agg(count(lit(1)).as("_episodes"),
            sum(when(col("censored"), 0).otherwise(1)).cast("long").as("events"),
            sum(when(col("censored"), 1).otherwise(0)).cast("long").as("censored"))
        .withColumn("at_risk", sum("_episodes").over(fromTheEnd))
        .withColumn("_factor", factor)
        // The product of the factors, as exp of a sum of logs; a factor of 0 (everyone left improved) ends the curve.
        .withColumn("survival", when(max(col("_factor").equalTo(0.0)).over(soFar), lit(0.0))
            .otherwise(round(exp(sum(log(col("_factor"))).over(soFar)), 12)));
  }

  public static Dataset<Row> summary(Dataset<Row> episodes, Dataset<Row> survival) {
    Dataset<Row> medians = survival.filter(col("survival").leq(0.5))
        .groupBy("area", "start_grade").agg(min("days").as("median_days_to_improvement"));
    return episodes.groupBy("area", "start_grade", "start_grade_label", "as_of")
        .agg(count(lit(1)).as("episodes"),
            sum(when(col("censored"), 0).otherwise(1)).cast("long").as("events"),
            sum(when(col("censored"), 1).otherwise(0)).cast("long").as("censored"))
        .join(medians, new String[] {"area", "start_grade"}, "left");
  }
}
