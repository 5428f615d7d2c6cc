package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import ofstedcsc.reference.Eras;
import ofstedcsc.reference.ReferenceTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Stages the scraped index (ofsted_csc_ilacs_history.csv): one line per authority and published report, with one
 * grade column per judgement area. A bad line goes to the quarantine whole; a bad grade cell goes alone and the rest
 * of its line loads.
 */
public final class IndexStaging {
  private IndexStaging() {}

  public static final String SOURCE = "index";
  public static final String FILE = "ofsted_csc_ilacs_history.csv";

  /** The grade columns, as the reference table names them. */
  public static List<String> gradeColumns() {
    ReferenceTable areas = ReferenceTable.load("judgement_areas");
    return areas.rows.stream()
        .filter(r -> r.get(areas.column("source")).equals(SOURCE))
        .map(r -> r.get(areas.column("wording")))
        .toList();
  }

  public static List<String> requiredColumns() {
    List<String> required = new ArrayList<>(List.of(
        "urn", "publication_date", "inspection_framework", "inspection_start_date", "inspection_end_date"));
    required.addAll(gradeColumns());
    return required;
  }

  public static Staged stage(Dataset<Row> lines, Dataset<Row> authorities, Dataset<Row> judgementAreas,
      Dataset<Row> inspectionTypes) {
    Dataset<Row> known = broadcast(authorities.select(col("authority_id").as("_known_id")));
    Dataset<Row> rows = Vocabulary.inspectionTypes(lines, col("inspection_framework"), inspectionTypes)
        .join(known, col("urn").equalTo(col("_known_id")), "left")
        .withColumn("published_on", Dates.parse(col("publication_date")))
        .withColumn("fieldwork_start", Dates.parse(col("inspection_start_date")))
        .withColumn("fieldwork_end", Dates.parse(col("inspection_end_date")))
        .withColumn("_copy", row_number().over(
            Window.partitionBy(col("urn"), col("published_on")).orderBy(col(CsvLines.LINE))));

    Dataset<Row> checked = Checks.ofLines()
        .check(col("urn").isNull(), "missing_value", lit("no urn"))
        .check(col("publication_date").isNull(), "missing_value", lit("no publication_date"))
        .check(col("_known_id").isNull(), "unknown_authority",
            concat(lit("urn "), col("urn"), lit(" is not in la_lookup.csv")))
        .checkDateTexts("publication_date", "inspection_start_date", "inspection_end_date")
        .check(col("fieldwork_start").gt(col("fieldwork_end")), "impossible_date",
            lit("fieldwork starts after it ends"))
        .check(col("fieldwork_end").gt(col("published_on")), "impossible_date",
            lit("fieldwork ends after the report was published"))
        .check(col("_type_known").equalTo(false), "unknown_inspection_type",
            concat(lit("inspection_framework '"), col("inspection_framework"), lit("' is not a known type")))
        .check(col("_copy").gt(1), "duplicate_row",
            lit("an earlier line has the same urn and publication_date"))
        .apply(rows);

    Dataset<Row> loaded = Checks.passed(checked)
        .withColumn("authority_id", col("urn"))
        .withColumn("framework", coalesce(col("_type_framework"), Eras.frameworkPublishedOn(col("published_on"))))
        .withColumn("inspection_id", Inspections.id(col("authority_id"), col("published_on"), col("_kind")));
    Dataset<Row> inspections = loaded.select(lit(SOURCE).as("source"), col(CsvLines.REF).as("source_ref"),
        col("inspection_id"), col("authority_id"), col("framework"), col("_inspection_type").as("inspection_type"),
        col("fieldwork_start"), col("fieldwork_end"), col("published_on"));

    Column cellsOfRow = array(gradeColumns().stream()
        .map(c -> struct(lit(c).as("area_label"), col(c).as("_value"))).toArray(Column[]::new));
    Dataset<Row> cells = loaded.select(col(CsvLines.REF), col("inspection_id"), explode(cellsOfRow).as("_cell"))
        .select(col(CsvLines.REF), col("inspection_id"), col("_cell.area_label"), col("_cell._value"));
    cells = Vocabulary.grades(Vocabulary.areas(cells, col("area_label"), judgementAreas, SOURCE), col("_value"));
    Dataset<Row> checkedCells = new Checks()
        .check(col("_grade_known").equalTo(false).and(Dates.hasDateShape(col("_value"))), "date_in_grade_column",
            concat(lit("a date '"), col("_value"), lit("' stands in "), col("area_label")))
        .check(col("_grade_known").equalTo(false), "unknown_grade",
            concat(lit("'"), col("_value"), lit("' in "), col("area_label"),
                lit(" is neither a grade nor a known sentinel")))
        .apply(cells);
    Column cellRef = concat(col(CsvLines.REF), lit(":"), col("area_label"));
    Dataset<Row> judgements = Checks.passed(checkedCells).select(lit(SOURCE).as("source"),
        col(CsvLines.REF).as("source_ref"), col("inspection_id"), col("area"), col("area_label"), col("grade"),
        col("grade_label"), col("not_graded_reason"));

    Dataset<Row> quarantine = Checks.failed(checked, SOURCE, "row", col(CsvLines.REF), col(CsvLines.RAW))
        .unionByName(Checks.failed(checkedCells, SOURCE, "cell", cellRef, col("_value")));
    Dataset<Row> read = Staged.units(lines, SOURCE, col(CsvLines.REF), "row")
        .unionByName(Staged.units(cells, SOURCE, cellRef, "cell"));
    Dataset<Row> loadedUnits = Staged.units(loaded, SOURCE, col(CsvLines.REF), "row")
        .unionByName(Staged.units(Checks.passed(checkedCells), SOURCE, cellRef, "cell"));
    return new Staged(inspections, judgements, quarantine, read, loadedUnits);
  }
}
