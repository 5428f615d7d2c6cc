package ofstedcsc.aggregate;

import static ofstedcsc.TestSpark.date;
import static ofstedcsc.TestSpark.rows;
import static ofstedcsc.TestSpark.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Canonical rows for aggregate tests: judgements as (authority, area, published_on, grade[, label]). */
final class Fixtures {
  private Fixtures() {}

  static final String[] LABELS = {null, "outstanding", "good", "requires improvement", "inadequate"};

  static Dataset<Row> authorities() {
    return rows(schema("authority_id string", "name string", "ons_code string", "region_code string",
            "region_name string"),
        new Object[] {"K", "Kirklees", "E08000034", "R1", "North"},
        new Object[] {"A", "Alpha", "E0A", "R1", "North"},
        new Object[] {"B", "Beta", "E0B", "R1", "North"},
        new Object[] {"C", "Gamma", "E0C", "R2", "South"},
        new Object[] {"D", "Delta", "E0D", "R2", "South"});
  }

  /** Each judgement: {authority, area, published_on, framework, grade (Integer or null), label or null}. */
  static Dataset<Row> judgements(Object[]... judgements) {
    List<Object[]> out = new ArrayList<>();
    for (Object[] j : judgements) {
      Integer grade = (Integer) j[4];
      String label = j.length > 5 ? (String) j[5] : grade == null ? null : LABELS[grade];
      String id = j[0] + "-" + j[2];
      out.add(new Object[] {id, j[0], j[3], j[1], grade, label, date((String) j[2])});
    }
    return rows(schema("inspection_id string", "authority_id string", "framework string", "area string",
        "grade int", "grade_label string", "published_on date"), out.toArray(Object[][]::new));
  }

  /** Kirklees's overall effectiveness: inadequate 2016, requires improvement 2019, good 2024. */
  static Object[][] kirklees() {
    return new Object[][] {
        {"K", "overall_effectiveness", "2016-11-25", "sif", 4},
        {"K", "overall_effectiveness", "2019-08-05", "ilacs", 3},
        {"K", "overall_effectiveness", "2024-08-28", "ilacs", 2}};
  }
}
