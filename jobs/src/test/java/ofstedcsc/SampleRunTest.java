package ofstedcsc;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Tables;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded sample, end to end through the command line's code path: the Kirklees story from the output. */
class SampleRunTest {
  private static final String KIRKLEES = "80478";

  private static TableStore store;

  @BeforeAll
  static void run() {
    store = SampleRun.store();
  }

  private static Dataset<Row> kirklees(ofstedcsc.schema.Table table) {
    return store.read(table).filter(col("authority_id").equalTo(KIRKLEES));
  }

  @Test
  void kirkleesOverallImprovesAfter983DaysAndIsGoodAfter2833() {
    Row episode = kirklees(Tables.IMPROVEMENT_EPISODES).filter(col("area").equalTo("overall_effectiveness"))
        .first();
    assertEquals("2016-11-25", episode.getAs("started_on").toString());
    assertEquals("inadequate", episode.getAs("start_grade_label"));
    assertEquals("2019-08-05", episode.getAs("improved_on").toString());
    assertEquals("requires improvement", episode.getAs("improved_to_grade_label"));
    assertEquals(983, episode.<Integer>getAs("days_to_improvement"));
    assertEquals("2024-08-28", episode.getAs("good_on").toString());
    assertEquals(2833, episode.<Integer>getAs("days_to_good"));
  }

  @Test
  void kirkleesTransitionsForEveryArea() {
    Map<String, List<String>> byArea = kirklees(Tables.GRADE_TRANSITIONS).orderBy("from_published_on")
        .collectAsList().stream().collect(Collectors.groupingBy(r -> r.getAs("area"),
            Collectors.mapping(r -> r.getAs("framework_pair") + " " + r.getAs("from_grade") + "→"
                + r.getAs("to_grade") + " " + r.getAs("direction"), Collectors.toList())));
    assertEquals(Map.of(
        "overall_effectiveness", List.of("sif→ilacs 4→3 improved", "ilacs→ilacs 3→2 improved"),
        "leadership", List.of("sif→ilacs 4→3 improved", "ilacs→ilacs 3→2 improved"),
        "help_and_protection", List.of("sif→ilacs 4→3 improved", "ilacs→ilacs 3→2 improved"),
        "children_in_care", List.of("sif→ilacs 4→3 improved", "ilacs→ilacs 3→2 improved"),
        "care_leavers", List.of("sif→ilacs 3→3 same")), byArea,
        "2019 did not judge care leavers apart: their 2016 grade is followed by 2024's");
  }

  @Test
  void kirklees2016HasEverySifJudgementIncludingTheSafeguardingBoard() {
    Map<String, String> grades = kirklees(Tables.JUDGEMENTS).filter(col("published_on").equalTo("2016-11-25"))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("area"), r -> r.getAs("grade_label")));
    assertEquals(Map.of("overall_effectiveness", "inadequate", "help_and_protection", "inadequate",
        "children_in_care", "inadequate", "adoption", "requires improvement",
        "care_leavers", "requires improvement", "leadership", "inadequate", "lscb", "inadequate"), grades);
    Row visit = kirklees(Tables.INSPECTIONS).filter(col("inspection_type").equalTo("monitoring_visit")).first();
    assertEquals("2017-07-21", visit.getAs("published_on").toString());
  }

  @Test
  void everyInputReconcilesAndEveryBadCaseIsQuarantinedWithItsReason() {
    for (Row r : store.read(Tables.INGEST_COUNTS).collectAsList()) {
      assertEquals(r.<Long>getAs("read"), r.<Long>getAs("loaded") + r.<Long>getAs("quarantined"), r.toString());
    }
    List<String> reasons = store.read(Tables.QUARANTINE).select("reason_code").distinct().orderBy("reason_code")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    assertEquals(List.of("bad_encoding", "date_in_grade_column", "duplicate_row", "impossible_date",
        "malformed_row", "unknown_area", "unknown_authority", "unknown_framework", "unknown_grade",
        "unknown_neighbour", "unparseable_date"), reasons);
  }

  @Test
  void analystsRecordsWinOverTheIndexAndTheDisagreementIsListed() {
    Row conflict = store.read(Tables.SOURCE_CONFLICTS).first();
    assertEquals(1, store.read(Tables.SOURCE_CONFLICTS).count());
    assertEquals("grade:help_and_protection", conflict.getAs("field"));
    assertEquals("2", conflict.getAs("index_value"));
    assertEquals("3", conflict.getAs("records_value"));
    assertEquals("records", conflict.getAs("kept_source"));
  }

  @Test
  void adequateStaysDistinctAndOpenEpisodesAreCensored() {
    Row adequate = store.read(Tables.JUDGEMENTS).filter(col("grade_label").equalTo("adequate")).first();
    assertEquals("pre_sif", adequate.getAs("framework"));
    Row open = store.read(Tables.IMPROVEMENT_EPISODES).filter(col("authority_id").equalTo("9900002")
        .and(col("area").equalTo("overall_effectiveness"))).first();
    assertTrue(open.<Boolean>getAs("censored"));
    assertEquals("no_longer_judged", open.getAs("status"), "ILACS gives no overall grade after mid 2026");
    assertEquals(998, open.<Integer>getAs("days_at_risk"), "2023-10-06 to 2026-06-30 (framework_areas.csv)");
  }

  @Test
  void aStructuralErrorStopsTheRunAndLeavesTheLastGoodOutputAsItWas(@TempDir Path input) throws Exception {
    Path output = SampleRun.output();
    Path judgements = output.resolve("judgements");
    List<Path> before;
    try (var files = Files.list(judgements)) {
      before = files.sorted().toList();
    }
    Files.writeString(input.resolve("la_lookup.csv"), "urn,la_code\n1,2\n");
    int code = new Cli(Cli.PIPELINE).execute(TestSpark.session(),
        new String[] {"ingest", "--input", input.toString(), "--output", output.toString()});
    assertEquals(ExitCode.BAD_INPUT, code);
    try (var files = Files.list(judgements)) {
      assertEquals(before, files.sorted().toList());
    }
    assertEquals(ExitCode.BAD_INPUT, new Cli(Cli.PIPELINE).execute(TestSpark.session(),
        new String[] {"ingest", "--input", input.resolve("missing").toString(), "--output", output.toString()}));
  }

  @Test
  void everyParquetFooterMatchesTheDeclaredSchemaAndEveryReasonIsDocumented() {
    for (ofstedcsc.schema.Table table : Tables.all()) {
      ParquetFooters.Summary footer = ParquetFooters.read(
          TestSpark.session().sparkContext().hadoopConfiguration(), store.path(table));
      assertEquals(table.columnNames(), footer.schema().getFields().stream().map(f -> f.getName()).toList(),
          table.name());
      for (ofstedcsc.schema.Table.Field field : table.fields()) {
        PrimitiveType column = footer.schema().getType(field.name()).asPrimitiveType();
        assertEquals(PARQUET_TYPES.get(field.type()), column.getPrimitiveTypeName() + " "
            + column.getLogicalTypeAnnotation(), table.name() + "." + field.name());
      }
      assertEquals(store.read(table).count(), footer.rows(), table.name());
    }
    List<String> documented = ofstedcsc.reference.ReferenceTable.load("reason_codes").rows.stream()
        .map(r -> r.get(0)).toList();
    for (Row r : store.read(Tables.QUARANTINE).select("reason_code").distinct().collectAsList()) {
      assertTrue(documented.contains(r.getString(0)), r.getString(0) + " is not in reason_codes.csv");
    }
  }

  private static final Map<DataType, String> PARQUET_TYPES = Map.of(
      DataTypes.StringType, "BINARY STRING", DataTypes.IntegerType, "INT32 null",
      DataTypes.LongType, "INT64 null", DataTypes.DoubleType, "DOUBLE null", DataTypes.DateType, "INT32 DATE",
      DataTypes.BooleanType, "BOOLEAN null");

  @Test
  void theRegionFollowsItsNameWhenTheLookupsCodeContradictsIt() {
    Map<String, String> regions = store.read(Tables.AUTHORITIES).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("name"), r -> r.getAs("region_code") + " " + r.getAs("region_name")));
    assertEquals("E12000009 South West", regions.get("Saltmarsh Bay"), "the lookup codes it E12000003");
    assertEquals("E12000003 Yorkshire and The Humber", regions.get("Kirklees"));
  }

  @Test
  void standingAsAtTheRunDate() {
    Row k = kirklees(Tables.STANDING).filter(col("area").equalTo("overall_effectiveness")).first();
    assertEquals(LocalDate.parse("2026-11-25"), k.<java.sql.Date>getAs("as_of").toLocalDate());
    assertEquals("good", k.getAs("grade_label"));
    assertEquals("improved", k.getAs("change"));
  }
}
