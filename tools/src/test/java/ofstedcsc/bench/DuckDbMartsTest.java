package ofstedcsc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ofstedcsc.SampleRun;
import ofstedcsc.TestSpark;
import ofstedcsc.aggregate.AggregateJob;
import ofstedcsc.io.TableStore;
import ofstedcsc.reference.Eras;
import ofstedcsc.synthetic.Calibration;
import ofstedcsc.synthetic.GenerateJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's DuckDB SQL gives the marts aggregate gives, row for row (not timed). */
class DuckDbMartsTest {
  @TempDir
  Path dir;

  @Test
  void duckDbAndSparkAgreeOnGeneratedData() throws Exception {
    GenerateJob.Settings settings = new GenerateJob.Settings(300, 20, 5);
    TableStore store = new TableStore(TestSpark.session(), dir.toString());
    store.writeAll(GenerateJob.build(TestSpark.session(), Calibration.load(null), settings));
    LocalDate asOf = settings.end(Eras.ordered()).minusYears(3);
    store.writeAll(AggregateJob.build(store::read, asOf, asOf.plusMonths(1)));

    DuckDbMarts.run(dir, dir.resolve("_duckdb"), asOf, asOf.plusMonths(1));
    DuckDbMarts.run(dir, dir.resolve("_later"), asOf.plusYears(1), asOf.plusYears(1).plusMonths(1));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      List<MartComparison.Result> same = MartComparison.compare(duckdb, dir, dir.resolve("_duckdb"));
      assertEquals(7, same.size());
      for (MartComparison.Result r : same) {
        assertTrue(r.same() && r.sparkRows() > 0, r.toString());
      }
      // The comparison notices a difference: DuckDB as at a year later.
      Map<String, Boolean> later = MartComparison.compare(duckdb, dir, dir.resolve("_later")).stream()
          .collect(java.util.stream.Collectors.toMap(MartComparison.Result::mart, MartComparison.Result::same));
      assertFalse(later.get("standing"));
      assertFalse(later.get("improvement_episodes"));
      assertTrue(later.get("grade_transitions"));
    }
  }

  @Test
  void duckDbAndSparkAgreeOnTheSample() throws Exception {
    Path sample = SampleRun.output();
    DuckDbMarts.run(sample, dir.resolve("_duckdb"), LocalDate.parse(SampleRun.AS_OF),
        LocalDate.parse(SampleRun.PUBLISHED_BY));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      for (MartComparison.Result r : MartComparison.compare(duckdb, sample, dir.resolve("_duckdb"))) {
        assertTrue(r.same() && r.sparkRows() > 0, r.toString());
      }
    }
  }
}
