package ofstedcsc;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** One Spark session for every test in this JVM, and small helpers to build Datasets in tests. */
public final class TestSpark {
  private static SparkSession spark;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      spark = SparkSession.builder().master("local[2]").appName("tests")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.session.timeZone", "UTC")
          // As cli.Session sets it, so that the tests case text as the commands do.
          .config("spark.sql.icu.caseMappings.enabled", "false")
          // As cli.Session sets it: small pages, not 64 MB ones zeroed for every aggregation and join.
          .config("spark.buffer.pageSize", "1m")
          .getOrCreate();
      spark.sparkContext().setLogLevel("ERROR");
    }
    return spark;
  }

  public static Path projectRoot() {
    return Paths.get(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  /** The real national corpus beside the project, or null when this machine does not have it. */
  public static Path corpus() {
    Path corpus = projectRoot().resolve("../shared/corpus").normalize();
    return corpus.resolve("ofsted_csc_ilacs_history.csv").toFile().isFile() ? corpus : null;
  }

  /** A schema from "name type" pairs: type is string, int, long, date, double or boolean. */
  public static StructType schema(String... columns) {
    return DataTypes.createStructType(Arrays.stream(columns).map(c -> {
      String[] parts = c.split(" ");
      DataType type = switch (parts[1]) {
        case "string" -> DataTypes.StringType;
        case "int" -> DataTypes.IntegerType;
        case "long" -> DataTypes.LongType;
        case "date" -> DataTypes.DateType;
        case "double" -> DataTypes.DoubleType;
        case "boolean" -> DataTypes.BooleanType;
        default -> throw new IllegalArgumentException(c);
      };
      return DataTypes.createStructField(parts[0], type, true);
    }).toArray(StructField[]::new));
  }

  public static Dataset<Row> rows(StructType schema, Object[]... rows) {
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
    return session().createDataFrame(list, schema);
  }

  public static Date date(String iso) {
    return Date.valueOf(iso);
  }
}
