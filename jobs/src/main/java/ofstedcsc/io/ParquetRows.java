package ofstedcsc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import ofstedcsc.schema.Table;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
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
 * Writes and reads a handful of rows of a declared table as Parquet, without a Spark session: a refresh that finds
 * nothing new still records its run, and a run's summary reads its small count tables, neither worth a Spark query.
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

  /**
   * The rows of a small table directory written by Spark or by {@link #write}, values in the table's column order
   * (String, Long, Integer, Double, Date, Timestamp; null for none).
   */
  public static List<Object[]> read(Configuration conf, String tableDir, Table table) {
    List<Object[]> rows = new ArrayList<>();
    forEach(conf, tableDir, table, rows::add);
    return rows;
  }

  /** As {@link #read}, one row at a time, none kept: for a table read only to be counted. */
  public static void forEach(Configuration conf, String tableDir, Table table, Consumer<Object[]> row) {
    try {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tableDir);
      FileSystem fs = dir.getFileSystem(conf);
      for (FileStatus part : fs.listStatus(dir)) {
        if (!part.isFile() || !part.getPath().getName().endsWith(".parquet")) continue;
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), part.getPath())
            .withConf(conf).build()) {
          for (Group g; (g = reader.read()) != null; ) {
            row.accept(values(g, table));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object[] values(Group g, Table table) {
    Object[] row = new Object[table.fields().size()];
    for (int i = 0; i < row.length; i++) {
      Table.Field f = table.fields().get(i);
      if (!g.getType().containsField(f.name()) || g.getFieldRepetitionCount(f.name()) == 0) continue;
      DataType t = f.type();
      if (t.equals(DataTypes.StringType)) row[i] = g.getString(f.name(), 0);
      else if (t.equals(DataTypes.LongType)) row[i] = g.getLong(f.name(), 0);
      else if (t.equals(DataTypes.IntegerType)) row[i] = g.getInteger(f.name(), 0);
      else if (t.equals(DataTypes.DoubleType)) row[i] = g.getDouble(f.name(), 0);
      else if (t.equals(DataTypes.DateType)) row[i] = Date.valueOf(LocalDate.ofEpochDay(g.getInteger(f.name(), 0)));
      else if (t.equals(DataTypes.TimestampType)) {
        long micros = g.getLong(f.name(), 0);
        row[i] = Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            Math.floorMod(micros, 1_000_000L) * 1_000L));
      } else throw new IllegalArgumentException(table.name() + "." + f.name() + ": cannot read " + t);
    }
    return row;
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
