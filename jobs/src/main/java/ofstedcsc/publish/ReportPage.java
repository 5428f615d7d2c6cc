package ofstedcsc.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code DIR/report.html}: one self-contained page (no network at view time) of every authority's latest grades,
 * with its region, statistical neighbours and England beside it, and what the latest report said must improve. The
 * data travels in the page as JSON; the page's script renders, sorts and filters it.
 */
public final class ReportPage {
  /** The columns of the page, in order; the page's script names them the same way. */
  static final List<String> AREAS =
      List.of("overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers");
  private static final String TEMPLATE = "/ofstedcsc/publish/report.html";
  private static final String DATA_MARK = "/*DATA*/";

  private ReportPage() {}

  /** Writes the page; {@code daysTo} is the day "days since published" counts to. */
  public static void write(SparkSession spark, String output, LocalDate daysTo) {
    TableStore store = OutputDir.requireMarts(spark, output,
        List.of(Tables.STANDING, Tables.AREA_SUMMARY, Tables.IMPROVEMENT_EPISODES, Tables.AUTHORITIES,
            Tables.IMPROVEMENT_POINTS));
    Path target = new Path(output, "report.html");
    byte[] page = html(store, daysTo).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = OutputDir.fileSystem(spark, target).create(target, true)) {
      out.write(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("report: wrote " + target);
  }

  static String html(TableStore store, LocalDate daysTo) {
    String template;
    try (InputStream in = ReportPage.class.getResourceAsStream(TEMPLATE)) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Every string in the JSON was escaped by to_json; "<" is escaped once more so that no name can close the
    // <script> element that holds it ("</script>", "<!--"). JSON.parse reads \u003c back as "<".
    return template.replace(DATA_MARK, json(store, daysTo).replace("<", "\\u003c"));
  }

  /**
   * The page's data. The marts it reads are small (one row per authority and area, about 800 on the national
   * corpus): collecting their JSON to the driver to render one page is an edge output, not data processing.
   */
  static String json(TableStore store, LocalDate daysTo) {
    Dataset<Row> standing = store.read(Tables.STANDING).filter(col("area").isin(AREAS.toArray()));
    Row asOf = standing.agg(max("as_of")).first();
    LocalDate gradesAsOf = asOf.isNullAt(0) ? daysTo : asOf.getDate(0).toLocalDate();
    if (daysTo.isBefore(gradesAsOf)) {
      throw new StructuralError("the marts under " + store.path(Tables.STANDING) + " are as at " + gradesAsOf
          + ", after --as-of " + daysTo + ": days since published would count backwards");
    }
    // An authority has been below good in an area since the first episode not yet followed by a good grade.
    Dataset<Row> belowGood = store.read(Tables.IMPROVEMENT_EPISODES).filter(col("good_on").isNull())
        .groupBy("authority_id", "area").agg(min("started_on").as("below_good_since"));
    Dataset<Row> cells = standing.join(belowGood, new String[] {"authority_id", "area"}, "left")
        .select(col("authority_id"), col("authority_name"), col("region_name"), struct(col("area"), struct(
            col("grade"), col("grade_label"), col("change"), col("previous_grade_label"), col("published_on"),
            datediff(lit(daysTo), col("published_on")).as("days_since_published"), col("below_good_since"),
            datediff(lit(daysTo), col("below_good_since")).as("days_below_good"),
            col("region_share_good_or_better"), col("neighbours_graded"), col("neighbours_share_good_or_better"),
            col("england_share_good_or_better")).as("cell")).as("entry"));
    // The points of the report that gave the authority's latest grade, in the report's order.
    Dataset<Row> latest = standing.groupBy("authority_id")
        .agg(max_by(col("inspection_id"), col("published_on")).as("inspection_id"));
    Dataset<Row> points = store.read(Tables.IMPROVEMENT_POINTS).join(latest, new String[] {"authority_id",
            "inspection_id"})
        .groupBy("authority_id")
        .agg(max("published_on").as("points_published_on"), sort_array(collect_list(struct(col("point_number"),
            col("text"), col("theme_label"), col("national_framework_reference")))).as("points"));
    List<String> authorities = strings(cells.groupBy("authority_id", "authority_name", "region_name")
        .agg(map_from_entries(collect_list("entry")).as("grades"))
        .join(points, new String[] {"authority_id"}, "left")
        .select(to_json(struct(col("authority_id").as("id"), col("authority_name").as("name"),
            col("region_name").as("region"), col("grades"), col("points_published_on"), col("points")))));
    List<String> summary = strings(store.read(Tables.AREA_SUMMARY).filter(col("area").isin(AREAS.toArray()))
        .select(to_json(struct(col("*")))));
    String notGraded = strings(store.read(Tables.AUTHORITIES)
        .join(standing, new String[] {"authority_id"}, "left_anti")
        .agg(to_json(sort_array(collect_list("name"))))).get(0);
    return "{\"gradesAsOf\":\"" + gradesAsOf + "\",\"daysTo\":\"" + daysTo + "\",\"authorities\":["
        + String.join(",", authorities) + "],\"summary\":[" + String.join(",", summary) + "],\"notGraded\":"
        + notGraded + "}";
  }

  private static List<String> strings(Dataset<Row> oneColumn) {
    return oneColumn.as(Encoders.STRING()).collectAsList();
  }
}
