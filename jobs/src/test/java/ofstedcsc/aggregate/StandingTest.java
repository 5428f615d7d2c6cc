package ofstedcsc.aggregate;

import static ofstedcsc.TestSpark.date;
import static ofstedcsc.TestSpark.rows;
import static ofstedcsc.TestSpark.schema;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class StandingTest {
  private static final LocalDate AS_OF = LocalDate.parse("2024-03-31");
  private static final LocalDate PUBLISHED_BY = LocalDate.parse("2024-04-30");

  private final Dataset<Row> judgements = Fixtures.judgements(
      new Object[] {"K", "overall_effectiveness", "2019-08-05", "ilacs", 3},
      new Object[] {"K", "overall_effectiveness", "2024-08-28", "ilacs", 2},
      new Object[] {"A", "overall_effectiveness", "2020-01-01", "ilacs", 4},
      new Object[] {"A", "overall_effectiveness", "2024-04-20", "ilacs", 2},
      new Object[] {"B", "overall_effectiveness", "2021-01-01", "ilacs", 3},
      new Object[] {"B", "overall_effectiveness", "2024-05-10", "ilacs", 1},
      new Object[] {"C", "overall_effectiveness", "2016-01-01", "sif", 1},
      new Object[] {"D", "overall_effectiveness", "2022-01-01", "ilacs", null},
      new Object[] {"D", "leadership", "2024-03-01", "ilacs", 1});

  /**
   * Fieldwork ends: A's 2024 inspection ended before the as-at date, B's and K's after it; C's is unknown; D's 2024
   * one is recorded as ending after both its publication and the as-at date (an impossible date, still the rule's).
   */
  private final Dataset<Row> inspections = rows(schema("inspection_id string", "fieldwork_end date",
          "published_on date"),
      new Object[] {"K-2019-08-05", date("2019-06-21"), date("2019-08-05")},
      new Object[] {"K-2024-08-28", date("2024-07-19"), date("2024-08-28")},
      new Object[] {"A-2020-01-01", date("2019-11-01"), date("2020-01-01")},
      new Object[] {"A-2024-04-20", date("2024-03-08"), date("2024-04-20")},
      new Object[] {"B-2021-01-01", date("2020-11-01"), date("2021-01-01")},
      new Object[] {"B-2024-05-10", date("2024-03-22"), date("2024-05-10")},
      new Object[] {"C-2016-01-01", null, date("2016-01-01")},
      new Object[] {"D-2022-01-01", date("2021-11-01"), date("2022-01-01")},
      new Object[] {"D-2024-03-01", date("2024-04-05"), date("2024-03-01")});

  private final Dataset<Row> neighbours = rows(schema("authority_id string", "neighbour_id string",
          "neighbour_rank int"),
      new Object[] {"K", "A", 1}, new Object[] {"K", "B", 2}, new Object[] {"K", "D", 3});

  private Dataset<Row> latest() {
    return Standing.latest(AggregateJob.histories(judgements, Fixtures.authorities()), inspections, AS_OF,
        PUBLISHED_BY);
  }

  private Map<String, Row> standing() {
    return Standing.standing(latest(), neighbours).collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("authority_id"), r -> r));
  }

  @Test
  void countsAnInspectionWhoseFieldworkEndedByTheDateAndWasPublishedByTheCutOff() {
    Map<String, Row> s = standing();
    assertEquals(3, s.get("K").<Integer>getAs("grade"), "K's 2024 fieldwork ended after the as-at date");
    assertEquals(2, s.get("A").<Integer>getAs("grade"), "published after the date, within the cut-off");
    assertEquals("improved", s.get("A").getAs("change"));
    assertEquals(4, s.get("A").<Integer>getAs("previous_grade"));
    assertEquals(3, s.get("B").<Integer>getAs("grade"), "published after the cut-off");
    assertEquals(1, s.get("C").<Integer>getAs("grade"), "no fieldwork date: published before the as-at date");
    assertEquals("first", s.get("C").getAs("change"));
    assertEquals(4, s.size(), "D's one grade is from fieldwork that ended after the as-at date");
  }

  @Test
  void comparesWithRegionNeighboursAndEngland() {
    Row k = standing().get("K");
    assertEquals(3L, k.<Long>getAs("region_graded"));
    assertEquals(1.0 / 3, k.<Double>getAs("region_share_good_or_better"), 1e-12, "of K, A, B only A is good");
    assertEquals(2L, k.<Long>getAs("neighbours_graded"), "D has no grade");
    assertEquals(0.5, k.<Double>getAs("neighbours_share_good_or_better"), 1e-12);
    assertEquals(4L, k.<Long>getAs("england_graded"));
    assertEquals(0.5, k.<Double>getAs("england_share_good_or_better"), 1e-12);
    assertNull(standing().get("A").getAs("neighbours_share_good_or_better"));
    assertEquals(0L, standing().get("A").<Long>getAs("neighbours_graded"));
  }

  @Test
  void summarisesEachRegionAndEngland() {
    List<Row> summary = Standing.areaSummary(latest()).orderBy("region_code").collectAsList();
    assertEquals(List.of("E92000001", "R1", "R2"),
        summary.stream().map(r -> r.<String>getAs("region_code")).toList());
    Row england = summary.get(0);
    assertEquals(4L, england.<Long>getAs("graded"));
    assertEquals(1L, england.<Long>getAs("outstanding"));
    assertEquals(1L, england.<Long>getAs("good"));
    assertEquals(2L, england.<Long>getAs("requires_improvement"));
    assertEquals(0.5, england.<Double>getAs("share_good_or_better"), 1e-12);
    assertEquals(2L, summary.get(1).<Long>getAs("requires_improvement"));
  }
}
