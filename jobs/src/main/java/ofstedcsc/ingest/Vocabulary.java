package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Looks source wording up in the reference tables: grade words, judgement areas, inspection types. */
public final class Vocabulary {
  private Vocabulary() {}

  /** Lower case, single spaces, blank as the empty string: the form the reference tables' keys are written in. */
  public static Column key(Column text) {
    return coalesce(regexp_replace(lower(trim(text)), "\\s+", " "), lit(""));
  }

  /**
   * Adds grade, grade_label, not_graded_reason and {@code _grade_known} (false for a value that is neither a grade
   * nor a known sentinel) for the text in {@code valueColumn}.
   */
  public static Dataset<Row> grades(Dataset<Row> rows, Column value, Dataset<Row> gradeValues) {
    Dataset<Row> ref = gradeValues.select(
        key(col("value")).as("_gv_key"), col("grade").cast("int").as("grade"), col("grade_label"),
        col("not_graded_reason"));
    // The pre-2013 reports print "Grade 3 (Adequate)": the word in brackets is the grade.
    Column text = regexp_replace(key(value), "^grade [1-4] \\((.*)\\)$", "$1");
    return rows.join(broadcast(ref), text.equalTo(col("_gv_key")), "left")
        .withColumn("_grade_known", col("_gv_key").isNotNull())
        .drop("_gv_key");
  }

  /** Adds {@code area} (null when the wording is not in the reference) for a source's wording. */
  public static Dataset<Row> areas(Dataset<Row> rows, Column wording, Dataset<Row> judgementAreas, String source) {
    Dataset<Row> ref = judgementAreas.filter(col("source").equalTo(source))
        .select(key(col("wording")).as("_area_key"), col("area"));
    return rows.join(broadcast(ref), key(wording).equalTo(col("_area_key")), "left").drop("_area_key");
  }

  /**
   * Adds {@code _type_framework} (the framework the type implies, if any), {@code _inspection_type}, {@code _kind}
   * (inspection or visit) and {@code _type_known} for a source's wording of the inspection type.
   */
  public static Dataset<Row> inspectionTypes(Dataset<Row> rows, Column value, Dataset<Row> inspectionTypes) {
    Dataset<Row> ref = inspectionTypes.select(
        key(col("value")).as("_it_key"), col("framework").as("_type_framework"), col("inspection_type").as("_inspection_type"),
        col("kind").as("_kind"));
    return rows.join(broadcast(ref), key(value).equalTo(col("_it_key")), "left")
        .withColumn("_type_known", col("_it_key").isNotNull())
        .drop("_it_key");
  }
}
