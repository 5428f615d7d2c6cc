package ofstedcsc.reference;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The reference tables of data/reference as small Datasets of strings, for joins inside the jobs. */
public final class Reference {
  private Reference() {}

  public static Dataset<Row> dataset(SparkSession spark, String name) {
    ReferenceTable table = ReferenceTable.load(name);
    StructType schema = DataTypes.createStructType(table.columns.stream()
        .map(c -> DataTypes.createStructField(c, DataTypes.StringType, true))
        .collect(Collectors.toList()));
    List<Row> rows = table.rows.stream()
        .map(r -> RowFactory.create(r.stream().map(v -> v.isEmpty() ? null : v).toArray()))
        .collect(Collectors.toList());
    return spark.createDataFrame(rows, schema);
  }
}
