package ofstedcsc.ingest;

import static ofstedcsc.TestSpark.rows;
import static ofstedcsc.TestSpark.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class IngestCountsTest {
  private static Dataset<Row> units(Object[]... units) {
    return rows(schema("source string", "source_ref string", "unit string"), units);
  }

  @Test
  void eachFileAndUnitCountsWhatWasReadLoadedAndQuarantinedWithZerosWhereAListHasNone() {
    Dataset<Row> read = units(
        new Object[] {"index", "index.csv:2", "row"}, new Object[] {"index", "index.csv:3", "row"},
        new Object[] {"index", "index.csv:3:overall", "cell"},
        new Object[] {"report", "reports/1_a/x.pdf", "file"}, new Object[] {"report", "reports/2_b/y.pdf", "file"});
    Dataset<Row> loaded = units(new Object[] {"index", "index.csv:2", "row"},
        new Object[] {"report", "reports/1_a/x.pdf", "file"});
    Dataset<Row> quarantine = rows(schema("source string", "source_ref string", "unit string", "reason_code string"),
        new Object[] {"index", "index.csv:3", "row", "duplicate_row"},
        new Object[] {"index", "index.csv:3:overall", "cell", "unknown_grade"},
        new Object[] {"report", "reports/2_b/y.pdf", "file", "unknown_authority"});

    Map<String, List<Long>> counts = IngestJob.counts(read, loaded, quarantine).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2),
            r -> List.of(r.getLong(3), r.getLong(4), r.getLong(5))));

    assertEquals(Map.of(
        "index index.csv row", List.of(2L, 1L, 1L),
        "index index.csv cell", List.of(1L, 0L, 1L),
        "report reports/ file", List.of(2L, 1L, 1L)), counts);
  }
}
