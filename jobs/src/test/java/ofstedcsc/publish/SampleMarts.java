package ofstedcsc.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import ofstedcsc.SampleRun;
import ofstedcsc.TestSpark;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The embedded sample's output ({@link SampleRun}) as the publication tests use it. */
final class SampleMarts {
  static final String KIRKLEES = "80478";
  static final String AS_OF = SampleRun.AS_OF;

  private SampleMarts() {}

  static Path dir() {
    return SampleRun.output();
  }

  static TableStore store(Path output) {
    return new TableStore(TestSpark.session(), output.toString());
  }

  /** The sample's marts, authorities and improvement points copied to {@code target}, with Kirklees renamed {@code name}. */
  static Path withKirkleesNamed(Path target, String name) {
    TableStore sample = store(dir());
    Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
    for (Table t : Stream.concat(Tables.MARTS.stream(), Stream.of(Tables.AUTHORITIES, Tables.IMPROVEMENT_POINTS)).toList()) {
      Dataset<Row> rows = sample.read(t);
      String column = t == Tables.AUTHORITIES ? "name" : "authority_name";
      if (t.columnNames().contains(column)) {
        rows = rows.withColumn(column, when(col("authority_id").equalTo(KIRKLEES), lit(name)).otherwise(col(column)));
      }
      tables.put(t, rows);
    }
    store(target).writeAll(tables);
    return target;
  }
}
