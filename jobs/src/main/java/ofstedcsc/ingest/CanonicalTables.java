package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Merges what the sources staged into one inspection per real inspection and one judgement per inspection and area.
 * Where sources disagree, the value of the source with the better precedence (data/reference/sources.csv) is kept,
 * and the disagreement is listed in source_conflicts. A source that is silent (a null, or an unknown type) is not in
 * disagreement: the other source's value fills the gap.
 */
public final class CanonicalTables {
  private CanonicalTables() {}

  private static final List<String> SOURCES_BY_PRECEDENCE = List.of("records", "report", "index");

  private static Dataset<Row> withPrecedence(Dataset<Row> rows, Dataset<Row> sources) {
    return rows.join(broadcast(sources.select(col("source").as("_p_source"), col("precedence").cast("int").as("_precedence"))),
        col("source").equalTo(col("_p_source")), "left").drop("_p_source");
  }

  /** The best value of a column: from the highest-precedence source that has one. */
  private static Column best(Column value) {
    return min_by(value, when(value.isNotNull(), col("_precedence")));
  }

  public static Dataset<Row> inspections(Dataset<Row> stagedInspections, Dataset<Row> sources) {
    Column knownType = when(col("inspection_type").notEqual("unknown"), col("inspection_type"));
    return withPrecedence(stagedInspections, sources)
        .groupBy("inspection_id")
        .agg(first("authority_id").as("authority_id"),
            best(col("framework")).as("framework"),
            coalesce(best(knownType), lit("unknown")).as("inspection_type"),
            best(col("fieldwork_start")).as("fieldwork_start"),
            best(col("fieldwork_end")).as("fieldwork_end"),
            first("published_on").as("published_on"),
            min_by(col("source"), col("_precedence")).as("source"),
            min_by(col("source_ref"), col("_precedence")).as("source_ref"),
            concat_ws("+", array_sort(collect_set(col("source")))).as("sources"));
  }

  /** One judgement per inspection and area: a graded value beats a not-graded one, then precedence decides. */
  public static Dataset<Row> judgements(Dataset<Row> stagedJudgements, Dataset<Row> inspections, Dataset<Row> sources) {
    return withPrecedence(stagedJudgements, sources)
        .withColumn("_rank", row_number().over(Window.partitionBy("inspection_id", "area")
            .orderBy(col("grade").isNull(), col("_precedence"), col("source_ref"))))
        .filter(col("_rank").equalTo(1))
        .join(inspections.select("inspection_id", "authority_id", "framework", "published_on"), "inspection_id");
  }

  /** Every field on which two sources describing one inspection give different values. */
  public static Dataset<Row> conflicts(Dataset<Row> stagedInspections, Dataset<Row> stagedJudgements,
      Dataset<Row> inspections, Dataset<Row> sources) {
    Dataset<Row> inspectionValues = stagedInspections
        .withColumn("inspection_type", when(col("inspection_type").notEqual("unknown"), col("inspection_type")))
        .select(col("inspection_id"), col("source"), col("framework"), col("inspection_type"),
            col("fieldwork_start").cast("string").as("fieldwork_start"),
            col("fieldwork_end").cast("string").as("fieldwork_end"))
        .unpivot(new Column[] {col("inspection_id"), col("source")},
            new Column[] {col("framework"), col("inspection_type"), col("fieldwork_start"), col("fieldwork_end")},
            "field", "value");
    Dataset<Row> gradeValues = stagedJudgements.select(col("inspection_id"), col("source"),
        concat(lit("grade:"), col("area")).as("field"), col("grade").cast("string").as("value"));
    Dataset<Row> values = withPrecedence(inspectionValues.unionByName(gradeValues), sources)
        .filter(col("value").isNotNull());
    Column[] perSource = SOURCES_BY_PRECEDENCE.stream()
        .map(s -> max(when(col("source").equalTo(s), col("value"))).as(s + "_value"))
        .toArray(Column[]::new);
    Column[] aggregates = new Column[perSource.length + 3];
    System.arraycopy(perSource, 0, aggregates, 0, perSource.length);
    aggregates[perSource.length] = count_distinct(col("value")).as("_values");
    aggregates[perSource.length + 1] = min_by(col("source"), col("_precedence")).as("kept_source");
    aggregates[perSource.length + 2] = min_by(col("value"), col("_precedence")).as("kept_value");
    return values.groupBy("inspection_id", "field")
        .agg(aggregates[0], java.util.Arrays.copyOfRange(aggregates, 1, aggregates.length))
        .filter(col("_values").gt(1))
        .join(inspections.select("inspection_id", "authority_id", "published_on"), "inspection_id");
  }
}
