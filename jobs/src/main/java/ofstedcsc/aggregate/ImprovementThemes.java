package ofstedcsc.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The themes of the improvement points: how often each is raised, by year, region and the grade of the inspection that
 * raised it, and whether a theme raised for an authority at one inspection is raised again at its next.
 */
public final class ImprovementThemes {
  private ImprovementThemes() {}

  /** The overall grade label of an inspection that gave no overall effectiveness grade. */
  public static final String NOT_GRADED = "not graded";

  /**
   * One row per inspection and theme raised at it, with the number of points, the authority's region and the
   * inspection's overall effectiveness grade (null when it gave none).
   */
  public static Dataset<Row> raised(Dataset<Row> points, Dataset<Row> judgements, Dataset<Row> authorities) {
    Dataset<Row> overall = judgements.filter(col("area").equalTo("overall_effectiveness"))
        .select(col("inspection_id"), col("grade").as("overall_grade"), col("grade_label").as("overall_grade_label"));
    return points.groupBy("authority_id", "inspection_id", "published_on", "framework", "theme", "theme_label")
        .agg(count(lit(1)).as("points"))
        .join(authorities.select(col("authority_id"), col("name").as("authority_name"), col("region_code"),
            col("region_name")), "authority_id")
        .join(overall, new String[] {"inspection_id"}, "left");
  }

  /**
   * Points and inspections per theme, publication year, region, framework and overall grade, beside the inspections
   * with any point in the same year, region, framework and grade: the counts add up over any of these columns.
   */
  public static Dataset<Row> counts(Dataset<Row> raised) {
    Dataset<Row> cells = raised.withColumn("year", year(col("published_on")))
        .withColumn("overall_grade_label", coalesce(col("overall_grade_label"), lit(NOT_GRADED)));
    Dataset<Row> withPoints = cells.groupBy("year", "region_code", "framework", "overall_grade_label")
        .agg(count_distinct(col("inspection_id")).as("inspections_with_points"));
    return cells.groupBy("theme", "theme_label", "year", "region_code", "region_name", "framework", "overall_grade",
            "overall_grade_label")
        .agg(sum("points").as("points"), count(lit(1)).as("inspections"))
        .join(withPoints, new String[] {"year", "region_code", "framework", "overall_grade_label"})
        .withColumn("share_of_inspections", col("inspections").divide(col("inspections_with_points")));
  }

  /**
   * For each theme raised for an authority at an inspection with points, its next inspection with points: whether it
   * raised the theme again, and whether the overall grade improved in between (null where either gave none).
   */
  public static Dataset<Row> persistence(Dataset<Row> raised) {
    Dataset<Row> numbered = raised.withColumn("_n", dense_rank().over(
        Window.partitionBy("authority_id").orderBy("published_on", "inspection_id")));
    WindowSpec inspections = Window.partitionBy("authority_id").orderBy("_n");
    // The next inspection of the authority, from its next distinct number: a window over every theme row of the
    // authority, where the first row of the next number carries that inspection.
    Dataset<Row> next = numbered.select("authority_id", "_n", "inspection_id", "published_on", "framework",
            "overall_grade", "overall_grade_label").dropDuplicates("authority_id", "_n")
        .withColumn("to_inspection_id", lead("inspection_id", 1).over(inspections))
        .withColumn("to_published_on", lead("published_on", 1).over(inspections))
        .withColumn("to_framework", lead("framework", 1).over(inspections))
        .withColumn("to_overall_grade", lead("overall_grade", 1).over(inspections))
        .withColumn("to_overall_grade_label", lead("overall_grade_label", 1).over(inspections))
        .filter(col("to_inspection_id").isNotNull())
        .select("authority_id", "_n", "to_inspection_id", "to_published_on", "to_framework", "to_overall_grade",
            "to_overall_grade_label");
    WindowSpec theme = Window.partitionBy("authority_id", "theme").orderBy("_n");
    return numbered
        .withColumn("raised_again", coalesce(lead("_n", 1).over(theme).equalTo(col("_n").plus(1)), lit(false)))
        .join(next, new String[] {"authority_id", "_n"})
        .withColumnRenamed("inspection_id", "from_inspection_id")
        .withColumnRenamed("published_on", "from_published_on")
        .withColumnRenamed("framework", "from_framework")
        .withColumnRenamed("overall_grade", "from_overall_grade")
        .withColumnRenamed("overall_grade_label", "from_overall_grade_label")
        .withColumn("overall_direction", when(col("to_overall_grade").lt(col("from_overall_grade")), "improved")
            .when(col("to_overall_grade").equalTo(col("from_overall_grade")), "same")
            .when(col("to_overall_grade").gt(col("from_overall_grade")), "declined"))
        .withColumn("overall_improved", col("to_overall_grade").lt(col("from_overall_grade")));
  }
}
