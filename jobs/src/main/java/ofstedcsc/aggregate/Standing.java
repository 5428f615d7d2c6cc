package ofstedcsc.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ofstedcsc.reference.ReferenceTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Where each authority stands as at a date, following the method of Ofsted's official statistics on LA inspection
 * outcomes: an inspection counts when its fieldwork ended on or before the date and its report was published by a
 * cut-off after it. Where no source gives the end of fieldwork, publication on or before the date stands in for it
 * (fieldwork always ends before publication).
 */
public final class Standing {
  private Standing() {}

  public static final String ENGLAND_CODE = "E92000001";

  /** Every canonical area: the areas that data/reference/judgement_areas.csv maps wordings to. */
  private static final List<String> AREAS = areas();

  private static List<String> areas() {
    ReferenceTable table = ReferenceTable.load("judgement_areas");
    int area = table.column("area");
    return table.rows.stream().map(r -> r.get(area)).distinct().sorted().toList();
  }

  /**
   * Each authority's newest counted judgement per area as at the date, with the one before it. {@code histories}:
   * from {@link AggregateJob#histories}; {@code inspections}: the canonical inspections.
   */
  public static Dataset<Row> latest(Dataset<Row> histories, Dataset<Row> inspections, LocalDate asOf,
      LocalDate publishedBy) {
    Column asOfDate = lit(java.sql.Date.valueOf(asOf));
    Column cutOff = lit(java.sql.Date.valueOf(publishedBy));
    // A judgement carries its inspection's publication date, and that decides whether it counts unless fieldwork
    // ended on the other side of the as-at date: reports published in the weeks after it (and impossible dates). Only
    // those few inspections' fieldwork ends are looked up, not one for every judgement.
    Dataset<Row> straddling = inspections
        .filter(col("fieldwork_end").leq(asOfDate).notEqual(col("published_on").leq(asOfDate)))
        .select("inspection_id", "fieldwork_end");
    Column counted = col("published_on").leq(cutOff)
        .and(coalesce(col("fieldwork_end").leq(asOfDate), col("published_on").leq(asOfDate)));
    WindowSpec history = Window.partitionBy("authority_id", "area").orderBy("published_on", "inspection_id");
    return histories.join(broadcast(straddling), new String[] {"inspection_id"}, "left")
        .filter(counted)
        .drop("fieldwork_end")
        .withColumn("previous_grade", lag("grade", 1).over(history))
        .withColumn("previous_grade_label", lag("grade_label", 1).over(history))
        // The newest is the one with nothing after it: the same window, so no second sort.
        .withColumn("_newest", lead("inspection_id", 1).over(history).isNull())
        .filter(col("_newest"))
        .withColumn("good_or_better", col("grade").leq(2))
        .withColumn("as_of", asOfDate)
        .withColumn("published_by", cutOff);
  }

  /**
   * {@code latest}: from {@link #latest}, which carries its dates; read four times, so worth caching, and partitioned
   * by authority as {@link AggregateJob#histories} left it.
   */
  public static Dataset<Row> standing(Dataset<Row> latest, Dataset<Row> neighbours) {
    // Each neighbour as one row with a column per area, so that every neighbour pair is joined and moved once, not once
    // per area it is graded in; then back to a row per area. Gathered by authority alone, as latest is, so that joining
    // the shares back moves nothing (with spark.sql.requireAllClusterKeysForCoPartition off, cli.Session).
    Dataset<Row> graded = latest.groupBy(col("authority_id").as("neighbour_id"))
        .pivot("area", new ArrayList<Object>(AREAS))
        .agg(first(col("good_or_better").cast("double")));
    Column[] perArea = AREAS.stream()
        .map(area -> struct(lit(area).as("area"), count(col(area)).as("neighbours_graded"),
            avg(col(area)).as("neighbours_share_good_or_better")).as(area))
        .toArray(Column[]::new);
    Dataset<Row> neighbourShares = neighbours.join(graded, "neighbour_id")
        .repartition(col("authority_id"))
        .groupBy("authority_id")
        .agg(perArea[0], Arrays.copyOfRange(perArea, 1, perArea.length))
        .select(col("authority_id"), inline(array(AREAS.stream().map(area -> col(area)).toArray(Column[]::new))));

    // Region and England figures are a few dozen rows: grouped, then broadcast back, rather than windows whose few
    // partitions would each hold a whole area of the country.
    Column good = col("good_or_better").cast("double");
    Dataset<Row> regions = latest.groupBy(col("area").as("_region_area"), col("region_code").as("_region_code"))
        .agg(count(lit(1)).as("region_graded"), avg(good).as("region_share_good_or_better"));
    Dataset<Row> england = latest.groupBy("area")
        .agg(count(lit(1)).as("england_graded"), avg(good).as("england_share_good_or_better"));
    return latest
        .join(broadcast(regions), col("area").equalTo(col("_region_area"))
            .and(col("region_code").eqNullSafe(col("_region_code"))))
        .drop("_region_area", "_region_code")
        .join(broadcast(england), "area")
        .join(neighbourShares, new String[] {"authority_id", "area"}, "left")
        .withColumn("neighbours_graded", coalesce(col("neighbours_graded"), lit(0L)))
        .withColumn("change", when(col("previous_grade").isNull(), "first")
            .when(col("grade").lt(col("previous_grade")), "improved")
            .when(col("grade").equalTo(col("previous_grade")), "same")
            .otherwise("declined"))
        .withColumn("days_since_published", datediff(col("as_of"), col("published_on")));
  }

  /** {@code latest}: from {@link #latest} (or standing, which has the same rows). */
  public static Dataset<Row> areaSummary(Dataset<Row> latest) {
    Column[] counts = {
        count(lit(1)).as("graded"),
        countLabel("outstanding").as("outstanding"),
        countLabel("good").as("good"),
        countLabel("requires improvement").as("requires_improvement"),
        countLabel("inadequate").as("inadequate"),
        countLabel("adequate").as("adequate"),
        sum(when(col("good_or_better"), 1L).otherwise(0L)).as("good_or_better")};
    Dataset<Row> regions = latest.groupBy("as_of", "area", "region_code", "region_name")
        .agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length));
    Dataset<Row> england = latest.groupBy("as_of", "area")
        .agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length))
        .withColumn("region_code", lit(ENGLAND_CODE))
        .withColumn("region_name", lit("England"));
    return regions.unionByName(england)
        .withColumn("share_good_or_better", col("good_or_better").divide(col("graded")));
  }

  private static Column countLabel(String label) {
    return sum(when(col("grade_label").equalTo(label), 1L).otherwise(0L));
  }
}
