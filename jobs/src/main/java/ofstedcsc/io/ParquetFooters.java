package ofstedcsc.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/** Schema and row counts of a Parquet table directory, from the file footers alone: no Spark session, no data read. */
public final class ParquetFooters {
  private ParquetFooters() {}

  public record Summary(MessageType schema, long rows, int files) {}

  /** A table whose directory cannot be listed or one of whose files has no readable footer; names the file. */
  public static final class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static Summary read(Configuration conf, String tableDir) {
    Path dir = new Path(tableDir);
    List<FileStatus> parts = new ArrayList<>();
    FileSystem fs;
    try {
      fs = dir.getFileSystem(conf);
      for (FileStatus f : fs.listStatus(dir)) {
        if (f.isFile() && f.getPath().getName().endsWith(".parquet")) parts.add(f);
      }
    } catch (IOException e) {
      throw new Unreadable("cannot list " + tableDir + ": " + e.getMessage(), e);
    }
    // Built from conf: parquet-hadoop's default options start from a new Hadoop Configuration, which parses Hadoop's
    // default XML resources again for every file.
    ParquetReadOptions options = HadoopReadOptions.builder(conf).build();
    MessageType schema = null;
    long rows = 0;
    for (FileStatus part : parts) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(part, conf), options)) {
        ParquetMetadata footer = reader.getFooter();
        schema = footer.getFileMetaData().getSchema();
        rows += reader.getRecordCount();
      } catch (IOException | RuntimeException e) {
        // parquet-mr reports a truncated file or one that is no Parquet at all as a RuntimeException, not an
        // IOException; either way the caller needs to know which file it was.
        String name = part.getPath().getName();
        throw new Unreadable(name + ": " + String.valueOf(e.getMessage()).replace(part.getPath().toString(), name), e);
      }
    }
    return new Summary(schema, rows, parts.size());
  }
}
