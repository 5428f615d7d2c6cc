package ofstedcsc.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The output directory as the publications see it: the marts they read and the files they write for people. */
final class OutputDir {
  private OutputDir() {}

  /** The marts under {@code output}; a directory without them stops the command before anything is written. */
  static TableStore requireMarts(SparkSession spark, String output, List<Table> marts) {
    TableStore store = new TableStore(spark, output);
    for (Table t : marts) {
      if (!store.exists(t)) {
        throw new StructuralError("mart " + t.name() + " not found under " + output
            + ": run 'ofsted run' (or 'ofsted aggregate') with this --output first");
      }
    }
    return store;
  }

  /** The file system of {@code path}, without the local file system's hidden .crc files beside what people open. */
  static FileSystem fileSystem(SparkSession spark, Path path) {
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
