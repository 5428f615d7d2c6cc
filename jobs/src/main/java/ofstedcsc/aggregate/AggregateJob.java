package ofstedcsc.aggregate;

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
    Dataset<Row> judgements = canonical.apply(Tables.JUDGEMENTS).cache();
    Dataset<Row> transitions = GradeTransitions.transitions(judgements, authorities).cache();
    Dataset<Row> episodes = ImprovementEpisodes.episodes(judgements, authorities, asOf).cache();
    Dataset<Row> survival = ImprovementEpisodes.survival(episodes).cache();
    Dataset<Row> standing = Standing.standing(judgements, canonical.apply(Tables.INSPECTIONS), authorities,
        canonical.apply(Tables.AUTHORITY_NEIGHBOURS), asOf, publishedBy).cache();

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
}
