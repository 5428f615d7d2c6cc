package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;

import ofstedcsc.reference.Grades;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/** Looks source wording up in the reference tables: grade words, judgement areas, inspection types. */
public final class Vocabulary {
  private Vocabulary() {}

  /** The column holding a {@link Grades#RESOLVED} grade, before {@link #gradeColumns} spreads it out. */
  static final String GRADE = "_grade";

  /** Lower case, single spaces, blank as the empty string: the form the reference tables' keys are written in. */
  public static Column key(Column text) {
    return coalesce(regexp_replace(lower(trim(text)), "\\s+", " "), lit(""));
  }

  /**
   * Adds grade, grade_label, not_graded_reason and {@code _grade_known} (false for a value that is neither a grade
   * nor a known sentinel) for the text in {@code value}, as {@link Grades} resolves every source's grade text.
   */
  public static Dataset<Row> grades(Dataset<Row> rows, Column value) {
    Grades grades = Grades.load();
    // A function rather than a join on a key: the key's Unicode normalisation has no Spark built-in, and the report
    // parser resolves its grade text by the same function.
    UserDefinedFunction resolve = udf((UDF1<String, Row>) text -> Grades.row(grades.resolve(text)), Grades.RESOLVED);
    return gradeColumns(rows.withColumn(GRADE, resolve.apply(value)));
  }

  /** Spreads the {@link #GRADE} column into grade, grade_label, not_graded_reason and {@code _grade_known}. */
  static Dataset<Row> gradeColumns(Dataset<Row> rows) {
    return rows.withColumn("grade", col(GRADE + ".grade"))
        .withColumn("grade_label", col(GRADE + ".grade_label"))
        .withColumn("not_graded_reason", col(GRADE + ".not_graded_reason"))
        .withColumn("_grade_known", col(GRADE + ".known"))
        .drop(GRADE);
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
