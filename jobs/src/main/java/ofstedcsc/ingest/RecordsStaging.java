package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import java.util.stream.Stream;
import ofstedcsc.reference.Eras;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Stages analysts' hand-entered records (DIR/records/*.csv): one line per inspection and judgement area, or one line
 * with a blank area for an inspection or visit without judgements. See README, "Hand-entered records".
 */
public final class RecordsStaging {
  private RecordsStaging() {}

  public static final String SOURCE = "records";
  public static final List<String> REQUIRED =
      List.of("urn", "framework", "inspection_type", "published_on", "area", "grade");
  public static final List<String> OPTIONAL = List.of("fieldwork_start", "fieldwork_end");

  /** {@code lines} holds the lines of every records file, with the required and optional columns. */
  public static Staged stage(Dataset<Row> lines, Dataset<Row> authorities, Dataset<Row> judgementAreas,
      Dataset<Row> inspectionTypes, Dataset<Row> frameworks) {
    Dataset<Row> known = broadcast(authorities.select(col("authority_id").as("_known_id")));
    Dataset<Row> knownFrameworks = broadcast(frameworks.select(col("framework").as("_known_framework")));
    // Only the columns read: an analyst's extra column named like one the staging adds (area_label, grade_label)
    // would clash with it.
    Column[] read = Stream.of(List.of(CsvLines.REF, CsvLines.LINE, CsvLines.RAW, CsvLines.LINE_PROBLEM), REQUIRED,
        OPTIONAL).flatMap(List::stream).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> rows = Vocabulary.inspectionTypes(lines.select(read), col("inspection_type"), inspectionTypes)
        .withColumnRenamed("area", "area_label")
        .withColumnRenamed("framework", "_framework_text")
        .withColumnRenamed("grade", "_grade_text");
    rows = Vocabulary.grades(Vocabulary.areas(rows, col("area_label"), judgementAreas, SOURCE), col("_grade_text"))
        .join(known, col("urn").equalTo(col("_known_id")), "left")
        .join(knownFrameworks, lower(col("_framework_text")).equalTo(col("_known_framework")), "left")
        .withColumn("_published", Dates.parse(col("published_on")))
        .withColumn("_start", Dates.parse(col("fieldwork_start")))
        .withColumn("_end", Dates.parse(col("fieldwork_end")))
        .withColumn("_copy", row_number().over(Window
            .partitionBy(col("urn"), col("_published"), col("_kind"), col("area"))
            .orderBy(col(CsvLines.REF))));

    Dataset<Row> checked = Checks.ofLines()
        .check(col("urn").isNull(), "missing_value", lit("no urn"))
        .check(col("published_on").isNull(), "missing_value", lit("no published_on"))
        .check(col("_known_id").isNull(), "unknown_authority",
            concat(lit("urn "), col("urn"), lit(" is not in la_lookup.csv")))
        .checkDateTexts("published_on", "fieldwork_start", "fieldwork_end")
        .check(col("_start").gt(col("_end")), "impossible_date", lit("fieldwork starts after it ends"))
        .check(col("_end").gt(col("_published")), "impossible_date",
            lit("fieldwork ends after the report was published"))
        .check(col("_framework_text").isNotNull().and(col("_known_framework").isNull()), "unknown_framework",
            concat(lit("framework '"), col("_framework_text"), lit("' is not one of data/reference/frameworks.csv")))
        .check(col("_type_known").equalTo(false), "unknown_inspection_type",
            concat(lit("inspection_type '"), col("inspection_type"), lit("' is not a known type")))
        .check(col("area_label").isNotNull().and(col("area").isNull()), "unknown_area",
            concat(lit("area '"), col("area_label"), lit("' is not a judgement area")))
        .check(col("area_label").isNull().and(col("_grade_text").isNotNull()), "missing_value",
            lit("a grade without an area"))
        .check(col("_grade_known").equalTo(false).and(Dates.hasDateShape(col("_grade_text"))), "date_in_grade_column",
            concat(lit("a date '"), col("_grade_text"), lit("' stands in grade")))
        .check(col("_grade_known").equalTo(false), "unknown_grade",
            concat(lit("grade '"), col("_grade_text"), lit("' is neither a grade nor a known sentinel")))
        .check(col("_copy").gt(1), "duplicate_row",
            lit("an earlier line gives the same authority, publication, kind and area"))
        .apply(rows);

    Dataset<Row> loaded = Checks.passed(checked)
        .withColumn("authority_id", col("urn"))
        .withColumn("published_on", col("_published"))
        .withColumn("framework", coalesce(lower(col("_framework_text")), col("_type_framework"),
            Eras.frameworkPublishedOn(col("_published"))))
        .withColumn("inspection_id", Inspections.id(col("authority_id"), col("_published"), col("_kind")));
    Dataset<Row> inspections = loaded
        .withColumn("_first", row_number().over(Window.partitionBy("inspection_id").orderBy(col(CsvLines.REF))))
        .filter(col("_first").equalTo(1))
        .select(lit(SOURCE).as("source"), col(CsvLines.REF).as("source_ref"), col("inspection_id"),
            col("authority_id"), col("framework"), col("_inspection_type").as("inspection_type"),
            col("_start").as("fieldwork_start"), col("_end").as("fieldwork_end"), col("published_on"));
    Dataset<Row> judgements = loaded.filter(col("area").isNotNull())
        .select(lit(SOURCE).as("source"), col(CsvLines.REF).as("source_ref"), col("inspection_id"), col("area"),
            col("area_label"), col("grade"), col("grade_label"), col("not_graded_reason"));
    Dataset<Row> quarantine = Checks.failed(checked, SOURCE, "row", col(CsvLines.REF), col(CsvLines.RAW));
    return new Staged(inspections, judgements, quarantine, Staged.units(lines, SOURCE, col(CsvLines.REF), "row"),
        Staged.units(loaded, SOURCE, col(CsvLines.REF), "row"));
  }
}
