package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.reference.Reference;
import ofstedcsc.reports.ParsedReport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ImprovementPointsStagingTest {
  private static final StructType LOADED = TestSpark.schema("_ref string", "inspection_id string",
          "authority_id string", "framework string", "published_on date", "authority_name string",
          "points_status string", "points_detail string")
      .add("points", DataTypes.createArrayType(ReportsStaging.POINT));

  private static Row report(String ref, String id, String status, String detail, Row... points) {
    return RowFactory.create(ref, id, "80478", "ilacs", TestSpark.date("2019-08-05"), "Kirklees", status, detail,
        scala.jdk.javaapi.CollectionConverters.asScala(List.of(points)).toSeq());
  }

  private static Row point(String text, String reference) {
    return RowFactory.create(text, reference);
  }

  @Test
  void pointsInOrderAndAnUnreadableSectionQuarantined() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> loaded = spark.createDataFrame(List.of(
        report("reports/a.pdf", "i1", ParsedReport.PARSED, "2 points",
            point("The quality of written plans.", null), point("Caseloads.", "outcome 4")),
        report("reports/b.pdf", "i2", "unreadable_improvement_points", "no points under the heading"),
        report("reports/c.pdf", "i3", null, null)), LOADED);

    ImprovementPointsStaging.Result result = ImprovementPointsStaging.stage(loaded, "report");

    assertEquals(List.of("i1 1 The quality of written plans. null reports/a.pdf#point-1",
            "i1 2 Caseloads. outcome 4 reports/a.pdf#point-2"),
        result.points().orderBy("point_number").collectAsList().stream()
            .map(r -> r.getAs("inspection_id") + " " + r.getAs("point_number") + " " + r.getAs("text") + " "
                + r.getAs("national_framework_reference") + " " + r.getAs("source_ref"))
            .toList());
    Row quarantined = result.quarantine().first();
    assertEquals(1, result.quarantine().count());
    assertEquals("reports/b.pdf#improvement_points", quarantined.getAs("source_ref"));
    assertEquals("unreadable_improvement_points", quarantined.getAs("reason_code"));
    assertEquals("section", quarantined.getAs("unit"));
    // The report with no section to give counts no unit.
    assertEquals(2, result.read().count());
    assertEquals(List.of("reports/a.pdf#improvement_points"),
        result.loaded().select("source_ref").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void theRuleMatchingEarliestGivesTheTheme() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> points = TestSpark.rows(TestSpark.schema("inspection_id string", "point_number int", "text string"),
        new Object[] {"i1", 1, "The quality of recording, assessments and child protection investigations."},
        new Object[] {"i1", 2, "Management oversight of private fostering."},
        new Object[] {"i1", 3, "Trust and confidence between the courts and the council."},
        new Object[] {"i1", 4, "The response to neglect and domestic abuse."});

    Map<Integer, String> themes = ImprovementPointsStaging.themed(points,
            Reference.dataset(spark, "improvement_theme_rules"), Reference.dataset(spark, "improvement_themes"))
        .collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<Integer>getAs("point_number"),
            r -> r.getAs("theme") + "/" + r.getAs("theme_label")));

    assertEquals(Map.of(1, "recording/Recording", 2, "management_oversight/Management oversight and supervision",
        3, "other/Other", 4, "neglect/Neglect"), themes);
  }

  @Test
  void everyRuleNamesADeclaredTheme() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> rules = Reference.dataset(spark, "improvement_theme_rules");
    assertEquals(0, rules.join(Reference.dataset(spark, "improvement_themes"), "theme", "left_anti").count());
    assertEquals(rules.count(), rules.select(col("priority")).distinct().count(), "priorities decide ties");
  }
}
