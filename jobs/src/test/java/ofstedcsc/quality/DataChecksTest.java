package ofstedcsc.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import ofstedcsc.SampleRun;
import ofstedcsc.TestSpark;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.TableStore;
import ofstedcsc.quality.DataChecks.Result;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declared checks on the sample's output, on outputs broken on purpose, the check command's exit codes, and the
 * checks that stop a run from replacing its output.
 */
class DataChecksTest {

  @TempDir
  static Path tmp;
  static Path sample;

  @BeforeAll
  static void theSampleOutput() {
    sample = SampleRun.output();
  }

  private static SparkSession spark() {
    return TestSpark.session();
  }

  private static List<Result> check(Path output) {
    return DataChecks.run(spark(), new TableStore(spark(), output.toString())::read);
  }

  /** A copy of the sample's output with {@code tables} only, to break without touching the sample. */
  private static Path copy(String name, List<Table> tables) {
    Path target = tmp.resolve(name);
    for (Table t : tables) {
      mkdirs(target);
      Path from = sample.resolve(t.name());
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.toList()) {
          Files.copy(f, target.resolve(t.name()).resolve(from.relativize(f).toString()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return target;
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Dataset<Row> firstJudgement(Path output) {
    return spark().read().schema(Tables.JUDGEMENTS.schema()).parquet(output.resolve("judgements").toString())
        .orderBy("inspection_id", "area").limit(1);
  }

  private static void appendJudgement(Path output, Dataset<Row> row) {
    row.coalesce(1).write().mode(SaveMode.Append).parquet(output.resolve("judgements").toString());
  }

  private static String stdout(Runnable run) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int checkCommand(Path output) {
    return new Cli(Cli.PIPELINE).execute(spark(), "check", "--output", output.toString());
  }

  @Test
  void everyCheckOfEveryTablePassesOnTheSampleOutput() {
    List<Result> results = check(sample);
    assertEquals(List.of(), DataChecks.failed(results));
    assertEquals(Tables.all().stream().map(Table::name).toList(),
        results.stream().map(Result::table).distinct().toList());
    for (Result expected : List.of(
        new Result("judgements", "exists", 0),
        new Result("judgements", "unique(inspection_id, area)", 0),
        new Result("judgements", "not_null(area)", 0),
        new Result("judgements", "accepted_values(grade_label)", 0),
        new Result("judgements", "relationship(inspection_id -> inspections)", 0),
        new Result("authority_neighbours", "relationship(neighbour_id -> authorities)", 0),
        new Result("quarantine", "accepted_values(reason_code)", 0),
        new Result("ingest_counts", "reconciles(read = loaded + quarantined)", 0),
        new Result("standing", "relationship(authority_id -> authorities)", 0))) {
      assertTrue(results.contains(expected), expected + " in " + results);
    }
  }

  @Test
  void aDuplicatedJudgementFailsTheJudgementsKeyAndNothingElse() {
    Path broken = copy("duplicated", Tables.all());
    appendJudgement(broken, firstJudgement(broken));
    assertEquals(List.of(new Result("judgements", "unique(inspection_id, area)", 2)),
        DataChecks.failed(check(broken)));

    String printed = stdout(() -> assertEquals(ExitCode.FAILURE, checkCommand(broken)));
    assertTrue(printed.lines().anyMatch(l -> l.matches("judgements +unique\\(inspection_id, area\\) +2 +FAILED")),
        printed);
    assertTrue(printed.contains(" 1 failed (2 failing rows)"), printed);
  }

  @Test
  void aJudgementOfNoInspectionFailsItsRelationship() {
    Path broken = copy("orphan", Tables.all());
    appendJudgement(broken, firstJudgement(broken).withColumn("inspection_id", lit("0000000000000000")));
    assertEquals(List.of(new Result("judgements", "relationship(inspection_id -> inspections)", 1)),
        DataChecks.failed(check(broken)));
  }

  @Test
  void inMemoryTablesWithValuesOutsideTheReferenceFailThoseValues() {
    Dataset<Row> inspections = TestSpark.rows(Tables.INSPECTIONS.schema(), new Object[] {"i1", "80478", "sif",
        "full", null, null, TestSpark.date("2016-11-25"), "index", "index.csv:2", "index"});
    Dataset<Row> judgements = TestSpark.rows(Tables.JUDGEMENTS.schema(),
        new Object[] {"i1", "80478", "sif", "overall_effectiveness", "x", 4, "inadequate", null,
            TestSpark.date("2016-11-25"), "index", "index.csv:2"},
        new Object[] {"i1", "80478", "sif", "wellbeing", "x", 7, "splendid", null, TestSpark.date("2016-11-25"),
            "index", "index.csv:2"},
        new Object[] {"i2", "80478", null, "leadership", "x", null, null, "blank", TestSpark.date("2016-11-25"),
            "index", "index.csv:3"});
    // No authorities: every reference to one fails.
    List<Result> results = DataChecks.run(spark(),
        t -> t == Tables.JUDGEMENTS ? judgements : t == Tables.INSPECTIONS ? inspections : null,
        List.of(Tables.JUDGEMENTS));
    assertEquals(List.of(
        new Result("judgements", "not_null(framework)", 1),
        new Result("judgements", "accepted_values(area)", 1),
        new Result("judgements", "accepted_values(grade)", 1),
        new Result("judgements", "accepted_values(grade_label)", 1),
        new Result("judgements", "relationship(inspection_id -> inspections)", 1),
        new Result("judgements", "relationship(authority_id -> authorities)", 3)), DataChecks.failed(results));
  }

  @Test
  void keysWhoseColumnsJoinToTheSameTextDifferAndNullKeysMatch() {
    Object[] wellbeing = {"i1", "80478", "sif", "wellbeing", "x", 2, "good", null, TestSpark.date("2016-11-25"),
        "index", "index.csv:2"};
    Object[] ellbeing = wellbeing.clone();
    ellbeing[0] = "i1w";
    ellbeing[3] = "ellbeing";
    Object[] noInspection = wellbeing.clone();
    noInspection[0] = null;
    Dataset<Row> judgements = TestSpark.rows(Tables.JUDGEMENTS.schema(), wellbeing, ellbeing, noInspection,
        noInspection);
    List<Result> results = DataChecks.run(spark(), t -> t == Tables.JUDGEMENTS ? judgements : null,
        List.of(Tables.JUDGEMENTS));
    assertTrue(results.contains(new Result("judgements", "unique(inspection_id, area)", 2)), results.toString());
    assertTrue(results.contains(new Result("judgements", "not_null(inspection_id)", 2)), results.toString());
  }

  @Test
  void anOutputWithoutItsMartsFailsTheirExistenceAndStillChecksTheRest() {
    Path canonicalOnly = copy("canonical-only", Tables.CANONICAL);
    List<Result> results = check(canonicalOnly);
    assertEquals(Tables.MARTS.stream().map(t -> new Result(t.name(), "exists", 1)).toList(),
        DataChecks.failed(results));
    assertTrue(results.contains(new Result("judgements", "unique(inspection_id, area)", 0)), results.toString());
  }

  @Test
  void theCheckCommandPassesOnAnOutputOrARefreshsCurrentAndWantsTables() throws IOException {
    assertEquals(ExitCode.OK, checkCommand(sample));

    Path refreshed = tmp.resolve("refreshed");
    Files.createDirectories(refreshed.resolve("versions"));
    Files.createSymbolicLink(refreshed.resolve("current"), sample);
    String printed = stdout(() -> assertEquals(ExitCode.OK, checkCommand(refreshed)));
    assertTrue(printed.startsWith("checks of " + refreshed.resolve("current")), printed);
    assertTrue(printed.lines().anyMatch(l -> l.matches("standing +unique\\(authority_id, area\\) +0")), printed);
    assertTrue(printed.matches("(?s).*\\d+ checks on 17 tables: \\d+ passed, 0 failed \\(0 failing rows\\)\\n"),
        printed);

    assertEquals(ExitCode.BAD_INPUT, checkCommand(Files.createDirectories(tmp.resolve("empty"))));
  }

  /** Every file under dir with its size and modification time. */
  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p) + " " + p.toFile().length() + " " + p.toFile().lastModified()).sorted().toList();
    }
  }

  @Test
  void anAggregateWhoseMartsFailACheckLeavesTheOutputAsItWasAndSetsThemAside() throws IOException {
    Path broken = copy("no-kirklees-inspections", Tables.all());
    // Canonical tables that lost an authority's inspections but kept its judgements, as a faulty edit by hand could
    // leave them: the transitions computed from those judgements name inspections that the table lacks.
    Dataset<Row> others = spark().read().schema(Tables.INSPECTIONS.schema())
        .parquet(broken.resolve("inspections").toString()).filter(col("authority_id").notEqual("80478"));
    others.localCheckpoint().write().mode(SaveMode.Overwrite).parquet(broken.resolve("inspections").toString());
    List<String> before = listing(broken);

    String printed = stdout(() -> assertEquals(ExitCode.FAILURE, new Cli(Cli.PIPELINE).execute(spark(), "aggregate",
        "--output", broken.toString(), "--as-of", SampleRun.AS_OF)));

    assertEquals(before, listing(broken).stream().filter(l -> !l.startsWith(TableStore.Staged.REJECTED)).toList());
    assertTrue(printed.lines().anyMatch(l -> l.matches(
        "grade_transitions +relationship\\(from_inspection_id -> inspections\\) +\\d+ +FAILED")), printed);
    assertTrue(printed.lines().noneMatch(l -> l.startsWith("judgements")), "only the marts are checked: " + printed);
    Path rejected = broken.resolve(TableStore.Staged.REJECTED);
    assertEquals(Tables.MARTS.stream().map(Table::name).sorted().toList(), names(rejected));
    assertTrue(spark().read().parquet(rejected.resolve("grade_transitions").toString())
        .filter(col("authority_id").equalTo("80478")).count() > 0);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
