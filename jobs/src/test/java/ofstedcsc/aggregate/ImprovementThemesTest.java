package ofstedcsc.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import ofstedcsc.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ImprovementThemesTest {
  private static Dataset<Row> raised() {
    Dataset<Row> points = TestSpark.rows(TestSpark.schema("authority_id string", "inspection_id string",
            "published_on date", "framework string", "theme string", "theme_label string"),
        new Object[] {"K", "k1", TestSpark.date("2016-11-25"), "sif", "permanence", "Permanence"},
        new Object[] {"K", "k1", TestSpark.date("2016-11-25"), "sif", "permanence", "Permanence"},
        new Object[] {"K", "k1", TestSpark.date("2016-11-25"), "sif", "recording", "Recording"},
        new Object[] {"K", "k2", TestSpark.date("2019-08-05"), "ilacs", "permanence", "Permanence"},
        new Object[] {"K", "k3", TestSpark.date("2024-08-28"), "ilacs", "recording", "Recording"},
        new Object[] {"L", "l1", TestSpark.date("2019-03-01"), "ilacs", "permanence", "Permanence"});
    Dataset<Row> judgements = TestSpark.rows(TestSpark.schema("inspection_id string", "area string", "grade int",
            "grade_label string"),
        new Object[] {"k1", "overall_effectiveness", 4, "inadequate"},
        new Object[] {"k2", "overall_effectiveness", 3, "requires improvement"},
        new Object[] {"k2", "leadership", 2, "good"},
        new Object[] {"l1", "overall_effectiveness", 3, "requires improvement"});
    Dataset<Row> authorities = TestSpark.rows(TestSpark.schema("authority_id string", "name string",
            "region_code string", "region_name string"),
        new Object[] {"K", "Kirklees", "E12000003", "Yorkshire and The Humber"},
        new Object[] {"L", "Leeds", "E12000003", "Yorkshire and The Humber"});
    return ImprovementThemes.raised(points, judgements, authorities);
  }

  @Test
  void countsAddUpPerThemeYearRegionAndGrade() {
    List<Row> rows = ImprovementThemes.counts(raised()).filter(col("year").equalTo(2019))
        .orderBy("theme").collectAsList();
    assertEquals(1, rows.size(), "both 2019 inspections were graded requires improvement and raised permanence");
    Row permanence = rows.get(0);
    assertEquals("permanence", permanence.getAs("theme"));
    assertEquals("requires improvement", permanence.getAs("overall_grade_label"));
    assertEquals(2L, permanence.<Long>getAs("points"));
    assertEquals(2L, permanence.<Long>getAs("inspections"));
    assertEquals(2L, permanence.<Long>getAs("inspections_with_points"));

    Row ungraded = ImprovementThemes.counts(raised()).filter(col("year").equalTo(2024)).first();
    assertEquals(ImprovementThemes.NOT_GRADED, ungraded.getAs("overall_grade_label"));
    assertNull(ungraded.getAs("overall_grade"));

    Row permanence2016 = ImprovementThemes.counts(raised())
        .filter(col("year").equalTo(2016).and(col("theme").equalTo("permanence"))).first();
    assertEquals(2L, permanence2016.<Long>getAs("points"));
    assertEquals(1L, permanence2016.<Long>getAs("inspections"));
    assertEquals(1.0, permanence2016.<Double>getAs("share_of_inspections"), 1e-12);
  }

  @Test
  void aThemeRaisedAgainAtTheNextInspectionAndTheGradeBetween() {
    List<Row> rows = ImprovementThemes.persistence(raised()).orderBy("from_published_on", "theme").collectAsList();
    assertEquals(List.of("k1 permanence k2 true improved", "k1 recording k2 false improved",
            "k2 permanence k3 false null"),
        rows.stream().map(r -> r.getAs("from_inspection_id") + " " + r.getAs("theme") + " "
            + r.getAs("to_inspection_id") + " " + r.getAs("raised_again") + " " + r.getAs("overall_direction"))
            .toList());
    assertEquals(2L, rows.get(0).<Long>getAs("points"));
    assertEquals(true, rows.get(0).getAs("overall_improved"));
  }
}
