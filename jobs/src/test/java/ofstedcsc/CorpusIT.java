package ofstedcsc;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import java.util.List;
import ofstedcsc.ingest.CsvLines;
import ofstedcsc.ingest.IndexStaging;
import ofstedcsc.ingest.Staged;
import ofstedcsc.reference.Reference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real national corpus (../shared/corpus: index, lookup and 427 reports), as at 2024-03-31. */
class CorpusIT {
  private static final String KIRKLEES = "80478";

  private static TableStore store;

  @BeforeAll
  static void run() {
    store = new TableStore(TestSpark.session(), CorpusRun.asOf("2024-03-31").toString());
  }

  @Test
  void everyAuthorityAndEveryIndexRowIsAccountedFor() {
    assertEquals(156, store.read(Tables.AUTHORITIES).count(), "the whole lookup");
    assertEquals(153, store.read(Tables.INSPECTIONS).select("authority_id").distinct().count());
    Row index = store.read(Tables.INGEST_COUNTS)
        .filter(col("source").equalTo("index").and(col("unit").equalTo("row"))).first();
    assertEquals(497L, index.<Long>getAs("read"));
    assertEquals(497L, index.<Long>getAs("loaded") + index.<Long>getAs("quarantined"));
    for (Row r : store.read(Tables.INGEST_COUNTS).collectAsList()) {
      assertEquals(r.<Long>getAs("read"), r.<Long>getAs("loaded") + r.<Long>getAs("quarantined"), r.toString());
    }
    for (Table t : Tables.all()) {
      assertTrue(store.exists(t), t.name());
    }
  }

  @Test
  void kirklees2019RequiresImprovementInAllFourJudgements() {
    assertEquals(Map.of("overall_effectiveness", "requires improvement", "leadership", "requires improvement",
            "help_and_protection", "requires improvement", "children_in_care", "requires improvement"),
        gradesOn("2019-08-05"));
  }

  @Test
  void kirklees2024IsGoodButCareLeaversRequireImprovement() {
    assertEquals(Map.of("overall_effectiveness", "good", "leadership", "good", "help_and_protection", "good",
        "children_in_care", "good", "care_leavers", "requires improvement"), gradesOn("2024-08-28"));
  }

  @Test
  void everyReportIsParsedOrQuarantinedWithAReason() {
    Row files = store.read(Tables.INGEST_COUNTS)
        .filter(col("source").equalTo("report").and(col("unit").equalTo("file"))).first();
    assertEquals(427L, files.<Long>getAs("read"));
    assertEquals(423L, files.<Long>getAs("loaded"));
    assertEquals(Map.of("not_a_pdf", 4L), reportQuarantine("file"));
    // A points section is a unit of its own: its report's grades still load. SIF sections running past their bound,
    // and the few reports printing no such heading (Thurrock's outstanding 2024 report has nothing to improve).
    assertEquals(Map.of("unreadable_improvement_points", 11L, "missing_improvement_points", 3L),
        reportQuarantine("section"));
  }

  private static Map<String, Long> reportQuarantine(String unit) {
    return store.read(Tables.QUARANTINE).filter(col("source").equalTo("report").and(col("unit").equalTo(unit)))
        .groupBy("reason_code").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }

  @Test
  void everyReportYieldsEveryJudgementItsFrameworkGives() {
    Dataset<Row> fromReports = store.read(Tables.JUDGEMENTS).filter(col("source").equalTo("report"))
        .groupBy("inspection_id", "framework", "published_on").agg(collect_set("area").as("areas"));
    List<String> core = List.of("overall_effectiveness", "help_and_protection", "children_in_care", "adoption",
        "care_leavers", "leadership");
    Dataset<Row> sif = fromReports.filter(col("framework").equalTo("sif")
        .and(not(array_contains(col("areas"), "lscb").and(size(col("areas")).equalTo(1)))));
    assertTrue(sif.count() >= 140, "SIF reports: " + sif.count());
    for (String area : core) {
      assertEquals(0, sif.filter(not(array_contains(col("areas"), area))).count(), "SIF reports lacking " + area);
    }
    assertTrue(fromReports.filter(array_contains(col("areas"), "lscb")).count() >= 120);

    Dataset<Row> ilacs = fromReports.filter(col("framework").equalTo("ilacs"));
    assertTrue(ilacs.count() >= 270, "ILACS reports: " + ilacs.count());
    for (String area : List.of("leadership", "help_and_protection", "children_in_care")) {
      assertEquals(0, ilacs.filter(not(array_contains(col("areas"), area))).count(), "ILACS lacking " + area);
    }
    assertEquals(0, ilacs.filter(col("published_on").lt("2026-04-01")
        .and(not(array_contains(col("areas"), "overall_effectiveness")))).count());
    assertEquals(0, ilacs.filter(col("published_on").geq("2023-06-01")
        .and(not(array_contains(col("areas"), "care_leavers")))).count(), "care leavers judged apart from 2023");
    assertEquals(0, ilacs.filter(col("published_on").lt("2023-01-01")
        .and(array_contains(col("areas"), "care_leavers"))).count());
  }

  @Test
  void reportsAgreeWithTheIndexAndEveryDisagreementIsListed() {
    SparkSession spark = TestSpark.session();
    String index = TestSpark.corpus().resolve("ofsted_csc_ilacs_history.csv").toString();
    Staged indexOnly = IndexStaging.stage(
        CsvLines.read(spark, index, IndexStaging.FILE, CsvLines.header(spark.sparkContext().hadoopConfiguration(),
            index, "index", IndexStaging.requiredColumns())),
        store.read(Tables.AUTHORITIES), Reference.dataset(spark, "judgement_areas"), Reference.dataset(spark, "inspection_types"));
    Dataset<Row> both = indexOnly.judgements().filter(col("grade").isNotNull())
        .select(col("inspection_id"), col("area"), col("grade").as("index_grade"))
        .join(store.read(Tables.JUDGEMENTS).filter(col("source").equalTo("report").and(col("grade").isNotNull()))
            .select(col("inspection_id"), col("area"), col("grade").as("report_grade")),
            new String[] {"inspection_id", "area"});
    long cells = both.count();
    Dataset<Row> disagreements = both.filter(col("index_grade").notEqual(col("report_grade")));
    double agreement = 1.0 - (double) disagreements.count() / cells;
    System.out.printf("report and index agree in %.2f%% of %d cells graded by both%n", 100 * agreement, cells);
    assertTrue(cells > 1100, "cells graded by both: " + cells);
    assertTrue(agreement >= 0.98, "agreement " + agreement);
    Dataset<Row> listed = store.read(Tables.SOURCE_CONFLICTS).filter(col("field").startsWith("grade:"))
        .select(col("inspection_id"), regexp_replace(col("field"), "^grade:", "").as("area"));
    assertEquals(0, disagreements.join(listed, new String[] {"inspection_id", "area"}, "left_anti").count());
  }

  @Test
  void everySifReportFollowedByAnIlacsJudgementMakesASifToIlacsTransition() {
    Dataset<Row> judgements = store.read(Tables.JUDGEMENTS)
        .filter(col("area").equalTo("overall_effectiveness").and(col("grade").isNotNull()));
    Dataset<Row> sif = judgements.filter(col("framework").equalTo("sif").and(col("source").equalTo("report")))
        .groupBy("authority_id").agg(max("published_on").as("sif_on"));
    Dataset<Row> expected = sif.join(judgements.filter(col("framework").equalTo("ilacs")), "authority_id")
        .filter(col("published_on").gt(col("sif_on"))).select("authority_id").distinct();
    Dataset<Row> transitions = store.read(Tables.GRADE_TRANSITIONS)
        .filter(col("area").equalTo("overall_effectiveness").and(col("framework_pair").equalTo("sif→ilacs")))
        .select("authority_id").distinct();
    assertTrue(expected.count() > 100, "authorities with SIF then ILACS: " + expected.count());
    assertEquals(0, expected.except(transitions).count());
  }

  @Test
  void kirkleesFromTheReportAlone() {
    Map<String, String> grades = store.read(Tables.JUDGEMENTS)
        .filter(col("authority_id").equalTo(KIRKLEES).and(col("published_on").equalTo("2016-11-25")))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("area"),
            r -> r.getAs("source") + " " + r.getAs("grade_label")));
    assertEquals(Map.of("overall_effectiveness", "report inadequate", "help_and_protection", "report inadequate",
        "children_in_care", "report inadequate", "adoption", "report requires improvement",
        "care_leavers", "report requires improvement", "leadership", "report inadequate",
        "lscb", "report inadequate"), grades);
    Row episode = store.read(Tables.IMPROVEMENT_EPISODES).filter(col("authority_id").equalTo(KIRKLEES)
        .and(col("area").equalTo("overall_effectiveness"))).first();
    assertEquals("2016-11-25", episode.getAs("started_on").toString());
    assertEquals(983, episode.<Integer>getAs("days_to_improvement"));
    Row inspection = store.read(Tables.INSPECTIONS).filter(col("authority_id").equalTo(KIRKLEES)
        .and(col("published_on").equalTo("2016-11-25"))).first();
    assertEquals("2016-10-06", inspection.getAs("fieldwork_end").toString());
    assertEquals("index+report", inspection.getAs("sources"));
  }

  private static Map<String, String> gradesOn(String published) {
    return store.read(Tables.JUDGEMENTS)
        .filter(col("authority_id").equalTo(KIRKLEES).and(col("published_on").equalTo(published))
            .and(col("grade").isNotNull()))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("area"), r -> r.getAs("grade_label")));
  }

  @Test
  void improvementPointsForNearlyEveryIlacsReportMostlyThemed() {
    Dataset<Row> ilacsReports = store.read(Tables.INSPECTIONS)
        .filter(col("framework").equalTo("ilacs").and(col("sources").contains("report"))
            .and(not(col("inspection_type").endsWith("_visit"))));
    Dataset<Row> points = store.read(Tables.IMPROVEMENT_POINTS);
    long reports = ilacsReports.count();
    long withPoints = ilacsReports.join(points.select("inspection_id").distinct(), "inspection_id").count();
    assertTrue(reports > 250, "ILACS reports: " + reports);
    assertTrue(withPoints >= 0.95 * reports, withPoints + " of " + reports + " ILACS reports have points");
    // Each report's points are numbered 1..n, in the report's order.
    assertEquals(0, points.groupBy("inspection_id").agg(max("point_number").as("n"), functions.count("*").as("c"))
        .filter(col("n").notEqual(col("c"))).count());
    long other = points.filter(col("theme").equalTo("other")).count();
    assertTrue(other <= 0.10 * points.count(), other + " of " + points.count() + " points themed other");

    List<String> kirklees = points.filter(col("authority_id").equalTo(KIRKLEES)
            .and(col("published_on").equalTo(java.sql.Date.valueOf("2019-08-05"))))
        .orderBy("point_number").select("text").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(10, kirklees.size());
    assertEquals("The quality of recording, assessments and child protection investigations so that children "
        + "receive help at the earliest opportunity.", kirklees.get(0));
    // The fifth point ends a page; the sixth begins the next.
    assertEquals("The timely permanence for children with plans for long-term fostering and children placed with "
        + "parents.", kirklees.get(4));
    assertEquals("The completion of life-story work for children in care.", kirklees.get(5));
  }
}
