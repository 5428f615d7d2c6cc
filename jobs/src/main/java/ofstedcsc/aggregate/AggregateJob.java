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
    Dataset<Row> authorities = canonical.apply(Tables.AUTHORITIES);
    Dataset<Row> histories = histories(canonical.apply(Tables.JUDGEMENTS), canonical.apply(Tables.INSPECTIONS))
        .cache();
    Dataset<Row> transitions = GradeTransitions.transitions(histories, authorities).cache();
    Dataset<Row> episodes = ImprovementEpisodes.episodes(histories, authorities, asOf).cache();
    Dataset<Row> survival = ImprovementEpisodes.survival(episodes).cache();
    // Computed now: standing reads it four times in one query, and a cache filled by that query's stages at once was
    // computed once per stage.
    Dataset<Row> latest = Standing.latest(histories, authorities, asOf, publishedBy).localCheckpoint();
    Dataset<Row> standing = Standing.standing(latest, canonical.apply(Tables.AUTHORITY_NEIGHBOURS)).cache();

    Map<Table, Dataset<Row>> marts = new LinkedHashMap<>();
    marts.put(Tables.GRADE_TRANSITIONS, Tables.GRADE_TRANSITIONS.conform(transitions));
    marts.put(Tables.TRANSITION_MATRIX, Tables.TRANSITION_MATRIX.conform(GradeTransitions.matrix(transitions)));
    marts.put(Tables.IMPROVEMENT_EPISODES, Tables.IMPROVEMENT_EPISODES.conform(episodes));
    marts.put(Tables.IMPROVEMENT_SURVIVAL, Tables.IMPROVEMENT_SURVIVAL.conform(survival));
    marts.put(Tables.IMPROVEMENT_SUMMARY,
        Tables.IMPROVEMENT_SUMMARY.conform(ImprovementEpisodes.summary(episodes, survival)));
    marts.put(Tables.STANDING, Tables.STANDING.conform(standing));
    marts.put(Tables.AREA_SUMMARY, Tables.AREA_SUMMARY.conform(Standing.areaSummary(standing)));
    return marts;
  }

  /**
   * The graded judgements with the end of their inspection's fieldwork, only the columns the marts read, each
   * authority's history in one partition and in order of publication. Every mart's window runs over one authority's
   * area in that order, so each reads these rows as they are, with no shuffle or sort of its own.
   */
  public static Dataset<Row> histories(Dataset<Row> judgements, Dataset<Row> inspections) {
    return judgements.filter(col("grade").isNotNull())
        .select("inspection_id", "authority_id", "framework", "area", "grade", "grade_label", "published_on")
        .join(inspections.select("inspection_id", "fieldwork_end"), new String[] {"inspection_id"}, "left")
        .repartition(col("authority_id"))
        .sortWithinPartitions("authority_id", "area", "published_on", "inspection_id");
  }
}
