package ofstedcsc.refresh;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import ofstedcsc.ingest.ReportsStaging;
import ofstedcsc.reports.ParsedReport;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reports parsed by earlier refreshes, kept by content hash beside the tables they produced, so that a refresh parses
 * only reports whose content it has not seen. A parse depends on the file's bytes alone (the path-dependent steps,
 * the publication date in the file name and the folder cross-check, run later in {@link ReportsStaging#stage}), so a
 * kept parse is the parse a full rebuild would make.
 */
public final class ReportCache {
  private ReportCache() {}

  public static final String SHA = "content_sha256";

  /** The parsed reports table a version keeps: the content hash, then {@link ReportsStaging#PARSED}'s columns. */
  public static final StructType SCHEMA = new StructType().add(SHA, DataTypes.StringType)
      .merge(ReportsStaging.PARSED, false);

  /** (path, content_sha256) of each report now under reports/, with the path as Spark's file listing writes it. */
  public static Dataset<Row> files(SparkSession spark, List<InputFiles.InputFile> inputs, String qualifiedReportsDir) {
    List<Row> rows = inputs.stream().filter(f -> f.path().startsWith(InputFiles.REPORTS_PREFIX))
        .map(f -> RowFactory.create(
            qualifiedReportsDir + "/" + f.path().substring(InputFiles.REPORTS_PREFIX.length()), f.sha256()))
        .toList();
    return spark.createDataFrame(rows, new StructType().add("path", DataTypes.StringType).add(SHA, DataTypes.StringType));
  }

  /**
   * The kept parses worth reusing, one per content hash. A timeout is the verdict of a busy machine rather than of the
   * file, so such a report is parsed again.
   */
  public static Dataset<Row> reusable(Dataset<Row> kept) {
    return kept.filter(col("status").notEqual(ParsedReport.TIMEOUT)).drop("path").dropDuplicates(SHA);
  }

  /** The report files whose content has no reusable parse. */
  public static Dataset<Row> unseen(Dataset<Row> files, Dataset<Row> reusable) {
    return files.join(reusable.select(SHA), files.col(SHA).equalTo(reusable.col(SHA)), "left_anti");
  }

  /** The parse of every current report file ({@link #SCHEMA}): kept ones by content hash, the rest from parsedNow. */
  public static Dataset<Row> merge(Dataset<Row> files, Dataset<Row> reusable, Dataset<Row> parsedNow) {
    Dataset<Row> reused = files.join(reusable, SHA);
    Dataset<Row> now = parsedNow.join(files, "path");
    Column[] columns = Arrays.stream(SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
    return reused.select(columns).unionByName(now.select(columns));
  }
}
