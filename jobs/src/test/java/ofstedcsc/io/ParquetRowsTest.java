package ofstedcsc.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetRowsTest {
  @Test
  void rowsWrittenWithoutSparkReadBackAsTheyWereNullsIncluded(@TempDir Path dir) throws Exception {
    Path table = Files.createDirectories(dir.resolve(Tables.INGEST_COUNTS.name()));
    List<Object[]> rows = List.of(
        new Object[] {"index", "ofsted_csc_ilacs_history.csv", "row", 497L, 496L, 1L},
        new Object[] {"lookup", null, "cell", 1530L, 1530L, 0L});
    ParquetRows.write(table.resolve("part-0.parquet"), Tables.INGEST_COUNTS, rows);

    List<Object[]> read = ParquetRows.read(new Configuration(), table.toString(), Tables.INGEST_COUNTS);
    assertEquals(2, read.size());
    assertArrayEquals(rows.get(0), read.get(0));
    assertArrayEquals(rows.get(1), read.get(1));

    List<Object> units = new ArrayList<>();
    ParquetRows.forEach(new Configuration(), table.toString(), Tables.INGEST_COUNTS, r -> units.add(r[2]));
    assertEquals(List.of("row", "cell"), units);
  }
}
