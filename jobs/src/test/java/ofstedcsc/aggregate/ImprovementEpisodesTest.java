package ofstedcsc.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ImprovementEpisodesTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-25");

  private static List<Row> episodes(Object[]... judgements) {
    return episodesAsAt(AS_OF, judgements);
  }

  private static List<Row> episodesAsAt(LocalDate asOf, Object[]... judgements) {
    return ImprovementEpisodes.episodes(
        AggregateJob.histories(Fixtures.judgements(judgements), Fixtures.authorities()), asOf)
        .orderBy("authority_id", "started_on", "area").collectAsList();
  }

  @Test
  void kirkleesImprovesAfter983DaysAndIsGoodAfter2833() {
    List<Row> e = episodes(Fixtures.kirklees());
    assertEquals(1, e.size(), "requires improvement after inadequate continues the episode, it opens none");
    Row r = e.get(0);
    assertEquals(4, r.<Integer>getAs("start_grade"));
    assertEquals(LocalDate.parse("2016-11-25"), r.<java.sql.Date>getAs("started_on").toLocalDate());
    assertEquals(LocalDate.parse("2019-08-05"), r.<java.sql.Date>getAs("improved_on").toLocalDate());
    assertEquals(3, r.<Integer>getAs("improved_to_grade"));
    assertEquals(983, r.<Integer>getAs("days_to_improvement"));
    assertEquals(LocalDate.parse("2024-08-28"), r.<java.sql.Date>getAs("good_on").toLocalDate());
    assertEquals(2833, r.<Integer>getAs("days_to_good"));
    assertEquals("improved", r.getAs("status"));
    assertEquals(983, r.<Integer>getAs("days_at_risk"));
  }

  @Test
  void anEpisodeStillOpenIsCensoredAtTheAsAtDateNotDropped() {
    List<Row> e = episodes(
        new Object[] {"A", "help_and_protection", "2019-03-08", "ilacs", 2},
        new Object[] {"A", "help_and_protection", "2023-10-06", "ilacs", 4});
    assertEquals(1, e.size());
    assertTrue(e.get(0).<Boolean>getAs("censored"));
    assertEquals("open", e.get(0).getAs("status"));
    assertNull(e.get(0).getAs("improved_on"));
    assertEquals("2026-11-25", e.get(0).getAs("censored_on").toString());
    assertEquals(1146, e.get(0).<Integer>getAs("days_at_risk"), "2023-10-06 to 2026-11-25");
  }

  @Test
  void anAreaNoLaterFrameworkJudgesIsCensoredWhenItsFrameworkStoppedNotAtTheAsAtDate() {
    Object[][] judgements = {
        {"A", "adoption", "2016-05-10", "sif", 4},
        {"A", "overall_effectiveness", "2016-05-10", "sif", 4},
        {"A", "overall_effectiveness", "2019-11-01", "ilacs", 3},
        {"B", "adoption", "2014-06-01", "sif", 3},
        {"B", "adoption", "2017-06-01", "sif", 2}};
    List<Row> e = episodes(judgements);
    Row adoption = e.get(0);
    assertEquals("adoption", adoption.getAs("area"));
    assertTrue(adoption.<Boolean>getAs("censored"));
    assertEquals("no_longer_judged", adoption.getAs("status"));
    assertEquals("2018-08-31", adoption.getAs("censored_on").toString(), "SIF's last day, frameworks.csv");
    assertEquals(843, adoption.<Integer>getAs("days_at_risk"), "2016-05-10 to 2018-08-31, not to 2026-11-25");
    assertEquals("improved", e.get(1).getAs("status"), "the same authority's overall grade is judged on");
    assertNull(e.get(1).getAs("censored_on"));
    assertEquals("improved", e.get(2).getAs("status"), "an adoption episode that improved under SIF");
    assertEquals(1096, e.get(2).<Integer>getAs("days_at_risk"));

    Row before = episodesAsAt(LocalDate.parse("2017-01-01"), judgements).get(0);
    assertEquals("open", before.getAs("status"), "while SIF still judged adoption");
    assertEquals("2017-01-01", before.getAs("censored_on").toString());
    assertEquals(236, before.<Integer>getAs("days_at_risk"));
  }

  @Test
  void anAreaAFrameworkStoppedJudgingWhileInForceIsCensoredAtTheReferencesDateNeverBeforeItsStart() {
    List<Row> e = episodes(
        new Object[] {"A", "overall_effectiveness", "2023-10-06", "ilacs", 4},
        new Object[] {"B", "overall_effectiveness", "2026-07-15", "ilacs", 3});
    assertEquals("2026-06-30", e.get(0).getAs("censored_on").toString(),
        "the last day ILACS gave an overall grade, framework_areas.csv");
    assertEquals("no_longer_judged", e.get(0).getAs("status"));
    assertEquals(998, e.get(0).<Integer>getAs("days_at_risk"));
    assertEquals("2026-07-15", e.get(1).getAs("censored_on").toString());
    assertEquals(0, e.get(1).<Integer>getAs("days_at_risk"));
  }

  @Test
  void aWorseGradeInsideAnEpisodeOpensANestedOne() {
    List<Row> e = episodes(
        new Object[] {"B", "help_and_protection", "2015-01-01", "sif", 3},
        new Object[] {"B", "help_and_protection", "2017-01-01", "sif", 4},
        new Object[] {"B", "help_and_protection", "2019-01-01", "ilacs", 3},
        new Object[] {"B", "help_and_protection", "2022-01-01", "ilacs", 2});
    assertEquals(2, e.size());
    assertEquals(3, e.get(0).<Integer>getAs("start_grade"));
    assertEquals("2022-01-01", e.get(0).getAs("improved_on").toString());
    assertEquals(2, e.get(0).<Integer>getAs("improved_to_grade"));
    assertEquals(4, e.get(1).<Integer>getAs("start_grade"));
    assertEquals("2019-01-01", e.get(1).getAs("improved_on").toString());
    assertEquals(3, e.get(1).<Integer>getAs("improved_to_grade"));
  }

  @Test
  void adequateOnThePre2013ScaleOpensNoEpisodeAndUngradedJudgementsAreSkipped() {
    List<Row> e = episodes(
        new Object[] {"C", "overall_effectiveness", "2012-09-14", "pre_sif", 3, "adequate"},
        new Object[] {"C", "overall_effectiveness", "2015-03-20", "sif", null},
        new Object[] {"C", "overall_effectiveness", "2016-03-20", "sif", 3},
        new Object[] {"C", "overall_effectiveness", "2027-01-01", "ilacs", 2});
    assertEquals(1, e.size());
    assertEquals("2016-03-20", e.get(0).getAs("started_on").toString());
    assertNull(e.get(0).getAs("improved_on"), "a judgement published after the as-at date is not seen");
  }

  @Test
  void kaplanMeierCountsAtRiskEventsAndCensoringAndFindsTheMedian() {
    Dataset<Row> episodes = finishedEpisodes(
        new Object[] {"overall_effectiveness", 4, 100, false},
        new Object[] {"overall_effectiveness", 4, 200, true},
        new Object[] {"overall_effectiveness", 4, 300, false},
        new Object[] {"overall_effectiveness", 4, 300, false},
        new Object[] {"leadership", 3, 50, false},
        new Object[] {"leadership", 3, 80, true},
        new Object[] {"leadership", 3, 90, true});
    Dataset<Row> survival = ImprovementEpisodes.survival(episodes);
    List<Row> curve = survival.filter(col("area").equalTo("overall_effectiveness")).orderBy("days").collectAsList();
    assertEquals(List.of(100, 200, 300), curve.stream().map(r -> r.<Integer>getAs("days")).toList());
    assertEquals(List.of(4L, 3L, 2L), curve.stream().map(r -> r.<Long>getAs("at_risk")).toList());
    assertEquals(List.of(0.75, 0.75, 0.0), curve.stream().map(r -> r.<Double>getAs("survival")).toList());
    List<Row> summary = ImprovementEpisodes.summary(episodes, survival).orderBy("area").collectAsList();
    Row leadership = summary.get(0);
    assertEquals(3L, leadership.<Long>getAs("episodes"));
    assertEquals(1L, leadership.<Long>getAs("events"));
    assertEquals(2L, leadership.<Long>getAs("censored"));
    assertNull(leadership.getAs("median_days_to_improvement"), "the curve stops at 2/3, above one half");
    assertEquals(300, summary.get(1).<Integer>getAs("median_days_to_improvement"));
  }

  private static Dataset<Row> finishedEpisodes(Object[]... episodes) {
    return ofstedcsc.TestSpark.rows(ofstedcsc.TestSpark.schema("area string", "start_grade int",
            "start_grade_label string", "days_at_risk int", "censored boolean", "as_of date"),
        Stream.of(episodes).map(e -> new Object[] {e[0], e[1], Fixtures.LABELS[(Integer) e[1]], e[2], e[3],
            ofstedcsc.TestSpark.date("2026-11-25")}).toArray(Object[][]::new));
  }
}
