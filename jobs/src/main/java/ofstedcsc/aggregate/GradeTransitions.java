package ofstedcsc.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Consecutive graded judgements of one authority in one area, and how often each grade led to each other. */
public final class GradeTransitions {
  private GradeTransitions() {}

  /** {@code histories}: from {@link AggregateJob#histories}. */
  public static Dataset<Row> transitions(Dataset<Row> histories) {
    WindowSpec history = Window.partitionBy("authority_id", "area").orderBy("published_on", "inspection_id");
    return histories
        .withColumn("from_inspection_id", lag("inspection_id", 1).over(history))
        .withColumn("from_framework", lag("framework", 1).over(history))
        .withColumn("from_grade", lag("grade", 1).over(history))
        .withColumn("from_grade_label", lag("grade_label", 1).over(history))
        .withColumn("from_published_on", lag("published_on", 1).over(history))
        .filter(col("from_inspection_id").isNotNull())
        .withColumnRenamed("inspection_id", "to_inspection_id")
        .withColumnRenamed("framework", "to_framework")
        .withColumnRenamed("grade", "to_grade")
        .withColumnRenamed("grade_label", "to_grade_label")
        .withColumnRenamed("published_on", "to_published_on")
        .withColumn("framework_pair", concat(col("from_framework"), lit("→"), col("to_framework")))
        .withColumn("days_between", datediff(col("to_published_on"), col("from_published_on")))
        .withColumn("direction", when(col("to_grade").lt(col("from_grade")), "improved")
            .when(col("to_grade").equalTo(col("from_grade")), "same")
            .otherwise("declined"));
  }

  public static Dataset<Row> matrix(Dataset<Row> transitions) {
    return transitions
        .groupBy("area", "framework_pair", "from_grade", "from_grade_label", "to_grade", "to_grade_label")
        .agg(count(lit(1)).as("transitions"))
        .withColumn("from_grade_transitions", sum("transitions")
            .over(Window.partitionBy("area", "framework_pair", "from_grade")))
        .withColumn("share_of_from_grade", col("transitions").divide(col("from_grade_transitions")));
  }
}
