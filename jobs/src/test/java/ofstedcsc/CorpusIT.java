package ofstedcsc;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real national corpus (../shared/corpus), once: skipped where it is absent, required when CI=true. */
class CorpusIT {
  private static final String KIRKLEES = "80478";

  @TempDir static Path output;
  private static TableStore store;

  @BeforeAll
  static void run() {
    Path corpus = TestSpark.corpus();
    if ("true".equals(System.getenv("CI"))) {
      assertNotNull(corpus, "CI=true but ../shared/corpus is missing");
    }
    Assumptions.assumeTrue(corpus != null, "../shared/corpus is not on this machine");
    long start = System.nanoTime();
    int code = Main.execute(TestSpark.session(), Main.Options.parse(new String[] {
        "run", "--input", corpus.toString(), "--output", output.toString(), "--as-of", "2024-03-31"}));
    System.out.printf("corpus run: %.1f s%n", (System.nanoTime() - start) / 1e9);
    assertEquals(Main.OK, code);
    store = new TableStore(TestSpark.session(), output.toString());
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

  private static Map<String, String> gradesOn(String published) {
    return store.read(Tables.JUDGEMENTS)
        .filter(col("authority_id").equalTo(KIRKLEES).and(col("published_on").equalTo(published))
            .and(col("grade").isNotNull()))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("area"), r -> r.getAs("grade_label")));
  }
}
