package ofstedcsc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import ofstedcsc.schema.Table;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Writes a handful of rows of a declared table as one Parquet file, without a Spark session: a refresh that finds
 * nothing new still records its run, and should not pay for starting Spark to do it.
 */
public final class ParquetRows {
  private ParquetRows() {}

  /** The Parquet schema Spark itself writes for these column types, so Spark, DuckDB and BI tools read it alike. */
  public static MessageType schema(Table table) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (Table.Field f : table.fields()) {
      DataType t = f.type();
      if (t.equals(DataTypes.StringType)) {
        message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
      } else if (t.equals(DataTypes.LongType)) {
        message.optional(PrimitiveTypeName.INT64).named(f.name());
      } else if (t.equals(DataTypes.IntegerType)) {
        message.optional(PrimitiveTypeName.INT32).named(f.name());
      } else if (t.equals(DataTypes.DoubleType)) {
        message.optional(PrimitiveTypeName.DOUBLE).named(f.name());
      } else if (t.equals(DataTypes.DateType)) {
        message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(f.name());
      } else if (t.equals(DataTypes.TimestampType)) {
        message.optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(f.name());
      } else {
        throw new IllegalArgumentException(table.name() + "." + f.name() + ": no Parquet mapping for " + t);
      }
    }
    return message.named("spark_schema");
  }

  /** Writes {@code rows} (values in the table's column order; null for none) to the new local file {@code file}. */
  public static void write(Path file, Table table, List<Object[]> rows) {
    MessageType schema = schema(table);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      for (Object[] row : rows) {
        Group g = groups.newGroup();
        for (int i = 0; i < row.length; i++) {
          Object v = row[i];
          String name = table.fields().get(i).name();
          if (v == null) continue;
          if (v instanceof String s) g.append(name, s);
          else if (v instanceof Long l) g.append(name, l);
          else if (v instanceof Integer n) g.append(name, n);
          else if (v instanceof Double d) g.append(name, d);
          else if (v instanceof Date d) g.append(name, (int) d.toLocalDate().toEpochDay());
          else if (v instanceof Timestamp ts) {
            g.append(name, ts.toInstant().getEpochSecond() * 1_000_000L + ts.toInstant().getNano() / 1_000);
          } else throw new IllegalArgumentException(name + ": cannot write " + v.getClass());
        }
        writer.write(g);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
