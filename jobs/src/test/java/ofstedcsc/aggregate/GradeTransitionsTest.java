package ofstedcsc.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class GradeTransitionsTest {

  @Test
  void consecutiveGradedJudgementsMakeOneTransitionEach() {
    Dataset<Row> judgements = Fixtures.judgements(
        new Object[] {"K", "overall_effectiveness", "2016-11-25", "sif", 4},
        new Object[] {"K", "overall_effectiveness", "2017-07-21", "sif", null},
        new Object[] {"K", "overall_effectiveness", "2019-08-05", "ilacs", 3},
        new Object[] {"K", "overall_effectiveness", "2024-08-28", "ilacs", 2},
        new Object[] {"K", "care_leavers", "2024-08-28", "ilacs", 3});
    List<Row> t = GradeTransitions.transitions(AggregateJob.histories(judgements, Fixtures.authorities()))
        .orderBy("from_published_on").collectAsList();
    assertEquals(2, t.size(), "the ungraded 2017 row and the single care-leavers grade make no transition");
    assertEquals("sif→ilacs", t.get(0).getAs("framework_pair"));
    assertEquals(4, t.get(0).<Integer>getAs("from_grade"));
    assertEquals(3, t.get(0).<Integer>getAs("to_grade"));
    assertEquals(983, t.get(0).<Integer>getAs("days_between"));
    assertEquals("improved", t.get(0).getAs("direction"));
    assertEquals("Kirklees", t.get(0).getAs("authority_name"));
    assertEquals("ilacs→ilacs", t.get(1).getAs("framework_pair"));
    assertEquals(1850, t.get(1).<Integer>getAs("days_between"));
  }

  @Test
  void theMatrixCountsEachPairAndSharesWithinTheFromGrade() {
    Dataset<Row> judgements = Fixtures.judgements(
        new Object[] {"A", "leadership", "2016-01-01", "sif", 4},
        new Object[] {"A", "leadership", "2019-01-01", "ilacs", 3},
        new Object[] {"B", "leadership", "2016-01-01", "sif", 4},
        new Object[] {"B", "leadership", "2019-01-01", "ilacs", 3},
        new Object[] {"C", "leadership", "2016-01-01", "sif", 4},
        new Object[] {"C", "leadership", "2019-01-01", "ilacs", 4},
        new Object[] {"D", "leadership", "2016-01-01", "sif", 2},
        new Object[] {"D", "leadership", "2019-01-01", "ilacs", 4});
    Dataset<Row> matrix = GradeTransitions.matrix(
        GradeTransitions.transitions(AggregateJob.histories(judgements, Fixtures.authorities())));
    Row fourToThree = matrix.filter(col("from_grade").equalTo(4).and(col("to_grade").equalTo(3))).first();
    assertEquals(2L, fourToThree.<Long>getAs("transitions"));
    assertEquals(3L, fourToThree.<Long>getAs("from_grade_transitions"));
    assertEquals(2.0 / 3, fourToThree.<Double>getAs("share_of_from_grade"), 1e-12);
    assertEquals(1.0, matrix.filter(col("from_grade").equalTo(2)).first().<Double>getAs("share_of_from_grade"));
    assertEquals(3L, matrix.count());
  }
}
