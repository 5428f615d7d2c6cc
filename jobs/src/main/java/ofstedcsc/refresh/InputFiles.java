package ofstedcsc.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import ofstedcsc.ingest.IngestJob;
import ofstedcsc.ingest.ReportsStaging;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files a run reads, each with its size and SHA-256. A refresh compares content, never names or times: a report
 * downloaded again under a new name is not new, and a corrected index with the same name is.
 */
public final class InputFiles {
  private InputFiles() {}

  /** One input file; {@code path} is relative to the input directory, with '/' separators. */
  public record InputFile(String path, long bytes, String sha256) {}

  public static final String REPORTS_PREFIX = "reports/";

  /** Every file ingest reads under {@code inputDir}, in path order. */
  public static List<InputFile> of(Configuration conf, String inputDir, IngestJob.Inputs inputs) {
    try {
      Path dir = new Path(inputDir);
      FileSystem fs = dir.getFileSystem(conf);
      String root = fs.makeQualified(dir).toString();
      List<Path> files = new ArrayList<>();
      files.add(new Path(inputs.lookup()));
      if (inputs.index() != null) files.add(new Path(inputs.index()));
      inputs.records().keySet().forEach(f -> files.add(new Path(f)));
      if (inputs.reports() != null) {
        ReportsStaging.list(conf, inputs.reports()).forEach(f -> files.add(f.getPath()));
      }
      List<InputFile> out = new ArrayList<>();
      for (Path p : files) {
        String qualified = fs.makeQualified(p).toString();
        out.add(new InputFile(qualified.substring(root.length() + 1), fs.getFileStatus(p).getLen(), sha256(fs, p)));
      }
      out.sort(Comparator.comparing(InputFile::path));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(FileSystem fs, Path p) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = fs.open(p)) {
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
