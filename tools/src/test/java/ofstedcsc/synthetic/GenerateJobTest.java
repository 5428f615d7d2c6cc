package ofstedcsc.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.aggregate.AggregateJob;
import ofstedcsc.io.TableStore;
import ofstedcsc.reference.Eras;
import ofstedcsc.reference.ReferenceTable;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateJobTest {
  static final GenerateJob.Settings SETTINGS = new GenerateJob.Settings(400, 20, 11);
  static final Map<String, ReferenceTable> CALIBRATION = Calibration.load(null);

  @TempDir
  static Path dir;
  static TableStore store;

  @BeforeAll
  static void generate() {
    store = new TableStore(TestSpark.session(), dir.toString());
    store.writeAll(GenerateJob.build(TestSpark.session(), CALIBRATION, SETTINGS));
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    SparkSession spark = TestSpark.session();
    Map<Table, Dataset<Row>> again = GenerateJob.build(spark, CALIBRATION, SETTINGS);
    Map<Table, Dataset<Row>> other = GenerateJob.build(spark, CALIBRATION, new GenerateJob.Settings(400, 20, 12));
    for (Table t : List.of(Tables.AUTHORITIES, Tables.AUTHORITY_NEIGHBOURS, Tables.INSPECTIONS, Tables.JUDGEMENTS)) {
      Dataset<Row> written = store.read(t);
      assertEquals(0, written.exceptAll(again.get(t)).count(), t.name());
      assertEquals(0, again.get(t).exceptAll(written).count(), t.name());
    }
    assertTrue(store.read(Tables.JUDGEMENTS).exceptAll(other.get(Tables.JUDGEMENTS)).count() > 1000);
  }

  @Test
  void tablesHaveTheCanonicalSchemasAndNoDuplicateKeys() {
    for (Table t : Tables.CANONICAL) {
      // Read without a schema: the files themselves must carry the declared one.
      Dataset<Row> files = TestSpark.session().read().parquet(store.path(t));
      assertEquals(t.schema().simpleString(), files.schema().simpleString(), t.name());
    }
    Dataset<Row> inspections = store.read(Tables.INSPECTIONS);
    Dataset<Row> judgements = store.read(Tables.JUDGEMENTS);
    assertEquals(inspections.count(), inspections.select("inspection_id").distinct().count());
    assertEquals(judgements.count(), judgements.select("inspection_id", "area").distinct().count());
    assertEquals(0, judgements.join(inspections, "inspection_id", "left_anti").count());
    assertEquals(0, inspections.filter(col("fieldwork_end").gt(col("published_on"))
        .or(col("fieldwork_start").gt(col("fieldwork_end")))).count());
    assertEquals(SETTINGS.authorities(), store.read(Tables.AUTHORITIES).count());
  }

  @Test
  void everyAreaFrameworkAndGradeLabelAppears() {
    Dataset<Row> judgements = store.read(Tables.JUDGEMENTS);
    assertEquals(Set.of("overall_effectiveness", "leadership", "help_and_protection", "children_in_care",
        "care_leavers", "adoption", "lscb"), values(judgements.filter(col("grade").isNotNull()), "area"));
    assertEquals(Eras.ordered().stream().map(Eras.Era::framework).collect(Collectors.toSet()),
        values(judgements, "framework"));
    assertEquals(Set.of("outstanding", "good", "requires improvement", "inadequate", "adequate"),
        values(judgements.filter(col("grade").isNotNull()), "grade_label"));
    assertEquals(Set.of("sif"), values(judgements.filter(col("area").isin("adoption", "lscb")), "framework"));
    assertTrue(values(judgements, "not_graded_reason").contains("data_unreadable"));
    LocalDate end = SETTINGS.end(Eras.ordered());
    assertTrue(store.read(Tables.INSPECTIONS).filter(col("published_on").geq(java.sql.Date.valueOf(end))).isEmpty());
  }

  @Test
  void neighboursAreTenOthersInTheSameRegion() {
    Dataset<Row> authorities = store.read(Tables.AUTHORITIES);
    Dataset<Row> pairs = store.read(Tables.AUTHORITY_NEIGHBOURS)
        .join(authorities.select(col("authority_id"), col("region_code").as("region")), "authority_id")
        .join(authorities.select(col("authority_id").as("neighbour_id"), col("region_code").as("neighbour_region")),
            "neighbour_id");
    assertEquals(SETTINGS.authorities() * 10, pairs.count());
    assertEquals(0, pairs.filter(col("region").notEqual(col("neighbour_region"))
        .or(col("authority_id").equalTo(col("neighbour_id")))).count());
    assertEquals(pairs.count(), pairs.select("authority_id", "neighbour_id").distinct().count());
    // 400 authorities in 9 regions in turn: 45 in the first four, 44 in the others.
    assertEquals(Set.of(44L, 45L), values(authorities.groupBy("region_code").count(), "count"));
  }

  @Test
  void aggregateRunsOnThemAndSomeAuthoritiesAreStillWaitingToImprove() {
    LocalDate asOf = SETTINGS.end(Eras.ordered()).minusDays(1);
    Map<Table, Dataset<Row>> marts = AggregateJob.build(store::read, asOf, asOf.plusMonths(1));
    Dataset<Row> episodes = marts.get(Tables.IMPROVEMENT_EPISODES);
    long open = episodes.filter(col("censored")).count();
    long improved = episodes.filter(col("censored").equalTo(false)).count();
    assertTrue(open > 20 && improved > open, "open " + open + ", improved " + improved);
    assertTrue(values(marts.get(Tables.TRANSITION_MATRIX).filter(col("area").equalTo("children_in_care")),
        "framework_pair").containsAll(Set.of("pre_sif→pre_sif", "pre_sif→sif", "sif→sif", "sif→ilacs", "ilacs→ilacs")));
    assertEquals(2, marts.get(Tables.IMPROVEMENT_SUMMARY).filter(col("area").equalTo("overall_effectiveness")
        .and(col("median_days_to_improvement").gt(0))).count());
    assertEquals(SETTINGS.authorities(),
        marts.get(Tables.STANDING).filter(col("area").equalTo("children_in_care")).count());
  }

  @Test
  void shippedTransitionProbabilitiesSumToOnePerAreaAndGrade() {
    Map<String, Double> sums = CALIBRATION.get("transitions").records().stream().collect(Collectors.groupingBy(
        r -> r.get("area") + "/" + r.get("from_grade"), Collectors.summingDouble(r -> Double.parseDouble(r.get("probability")))));
    assertEquals(7 * 5, sums.size());
    sums.forEach((k, v) -> assertEquals(1.0, v, 1e-5, k));
  }

  private static Set<Object> values(Dataset<Row> rows, String column) {
    return new HashSet<>(rows.select(column).distinct().collectAsList().stream().map(r -> r.get(0)).toList());
  }
}
