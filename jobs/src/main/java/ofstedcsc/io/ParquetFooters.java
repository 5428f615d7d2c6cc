package ofstedcsc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/** Schema and row counts of a Parquet table directory, from the file footers alone: no Spark session, no data read. */
public final class ParquetFooters {
  private ParquetFooters() {}

  public record Summary(MessageType schema, long rows, int files) {}

  public static Summary read(Configuration conf, String tableDir) {
    Path dir = new Path(tableDir);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      List<FileStatus> parts = new ArrayList<>();
      for (FileStatus f : fs.listStatus(dir)) {
        if (f.isFile() && f.getPath().getName().endsWith(".parquet")) parts.add(f);
      }
      MessageType schema = null;
      long rows = 0;
      for (FileStatus part : parts) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(part, conf))) {
          ParquetMetadata footer = reader.getFooter();
          schema = footer.getFileMetaData().getSchema();
          rows += reader.getRecordCount();
        }
      }
      return new Summary(schema, rows, parts.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
