package ofstedcsc.aggregate;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Aggregate: from the canonical tables alone (never the raw inputs), the marts that compare authorities over time and
 * against each other.
 */
public final class AggregateJob {
  private AggregateJob() {}

  public static Map<Table, Dataset<Row>> build(Function<Table, Dataset<Row>> canonical, LocalDate asOf,
      LocalDate publishedBy) {
    Dataset<Row> histories = histories(canonical.apply(Tables.JUDGEMENTS), canonical.apply(Tables.AUTHORITIES))
        .cache();
    // Not cached: the matrix needs only a few of its columns, and recomputing them from the histories costs about what
    // filling a cache of every transition and reading it back does.
    Dataset<Row> transitions = GradeTransitions.transitions(histories);
    Dataset<Row> episodes = ImprovementEpisodes.episodes(histories, asOf).cache();
    Dataset<Row> survival = ImprovementEpisodes.survival(episodes).cache();
    Dataset<Row> latest = Standing.latest(histories, canonical.apply(Tables.INSPECTIONS), asOf, publishedBy).cache();
    // Filled now: standing reads it four times in one query, whose stages would each fill it at once. A cache, not a
    // checkpoint, so that it stays partitioned by authority for the joins that follow.
    latest.count();
    Dataset<Row> standing = Standing.standing(latest, canonical.apply(Tables.AUTHORITY_NEIGHBOURS));

    Map<Table, Dataset<Row>> marts = new LinkedHashMap<>();
    marts.put(Tables.GRADE_TRANSITIONS, Tables.GRADE_TRANSITIONS.conform(transitions));
    marts.put(Tables.TRANSITION_MATRIX, Tables.TRANSITION_MATRIX.conform(GradeTransitions.matrix(transitions)));
    marts.put(Tables.IMPROVEMENT_EPISODES, Tables.IMPROVEMENT_EPISODES.conform(episodes));
    marts.put(Tables.IMPROVEMENT_SURVIVAL, Tables.IMPROVEMENT_SURVIVAL.conform(survival));
    marts.put(Tables.IMPROVEMENT_SUMMARY,
        Tables.IMPROVEMENT_SUMMARY.conform(ImprovementEpisodes.summary(episodes, survival)));
    marts.put(Tables.STANDING, Tables.STANDING.conform(standing));
    marts.put(Tables.AREA_SUMMARY, Tables.AREA_SUMMARY.conform(Standing.areaSummary(latest)));
    Dataset<Row> raised = ImprovementThemes.raised(canonical.apply(Tables.IMPROVEMENT_POINTS),
        canonical.apply(Tables.JUDGEMENTS), canonical.apply(Tables.AUTHORITIES)).cache();
    marts.put(Tables.IMPROVEMENT_THEME_COUNTS, Tables.IMPROVEMENT_THEME_COUNTS.conform(ImprovementThemes.counts(raised)));
    marts.put(Tables.IMPROVEMENT_THEME_PERSISTENCE,
        Tables.IMPROVEMENT_THEME_PERSISTENCE.conform(ImprovementThemes.persistence(raised)));
    return marts;
  }

  /**
   * The graded judgements with their authority's names and region, only the columns the marts read, each authority's
   * history in one partition and in order of publication. Every mart's window runs over one authority's area in that
   * order, so each reads these rows as they are, with no shuffle or sort of its own; and the names are joined once
   * here rather than to every mart.
   */
  public static Dataset<Row> histories(Dataset<Row> judgements, Dataset<Row> authorities) {
    return judgements.filter(col("grade").isNotNull())
        .select("inspection_id", "authority_id", "framework", "area", "grade", "grade_label", "published_on")
        .repartition(col("authority_id"))
        .join(authorities.select(col("authority_id"), col("name").as("authority_name"), col("ons_code"),
            col("region_code"), col("region_name")), "authority_id")
        .sortWithinPartitions("authority_id", "area", "published_on", "inspection_id");
  }
}
