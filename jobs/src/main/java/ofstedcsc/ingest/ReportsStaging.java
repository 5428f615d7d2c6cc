package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import ofstedcsc.reference.Eras;
import ofstedcsc.reference.Grades;
import ofstedcsc.reports.ParsedReport;
import ofstedcsc.reports.ReportJudgement;
import ofstedcsc.reports.ReportParser;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages the published PDF reports under DIR/reports (any depth). Each file is parsed once, in parallel, by
 * {@link ReportParser}; a file that is no report lands in the quarantine with the parser's reason.
 */
public final class ReportsStaging {
  private ReportsStaging() {}

  private static final Logger LOG = LoggerFactory.getLogger(ReportsStaging.class);

  public static final String SOURCE = "report";
  public static final String DIR = "reports";
  /** With {@link ReportParser#MAX_BYTES}, the bounds on one report: a hostile file cannot take the batch down. */
  static final Duration TIME_LIMIT = Duration.ofSeconds(60);

  static final StructType JUDGEMENT = new StructType()
      .add("wording", DataTypes.StringType).add("area", DataTypes.StringType)
      .add("grade_text", DataTypes.StringType).add("grade", Grades.RESOLVED);
  static final StructType POINT = new StructType()
      .add("text", DataTypes.StringType).add("national_framework_reference", DataTypes.StringType);
  public static final StructType PARSED = new StructType()
      .add("path", DataTypes.StringType).add("length", DataTypes.LongType)
      .add("status", DataTypes.StringType).add("detail", DataTypes.StringType)
      .add("authority_name", DataTypes.StringType).add("framework", DataTypes.StringType)
      .add("inspection_type", DataTypes.StringType).add("fieldwork_start", DataTypes.DateType)
      .add("fieldwork_end", DataTypes.DateType).add("published_on", DataTypes.DateType)
      .add("pages_read", DataTypes.IntegerType)
      .add("judgements", DataTypes.createArrayType(JUDGEMENT))
      .add("points_status", DataTypes.StringType).add("points_detail", DataTypes.StringType)
      .add("points", DataTypes.createArrayType(POINT));

  /** Extract: every report file under the reports directory, parsed. */
  public static Dataset<Row> parse(SparkSession spark, String reportsDir) {
    return parse(spark, reportsDir, null);
  }

  /**
   * Extract: the report files under the reports directory whose paths are among {@code only} (a Dataset with a
   * {@code path} column; null for every file), parsed. Oversized files are reported without their bytes being read.
   */
  public static Dataset<Row> parse(SparkSession spark, String reportsDir, Dataset<Row> only) {
    // Spark's file sources skip empty files when they list a directory, so the files are listed here, and an empty
    // file is quarantined rather than lost.
    Dataset<Row> listed = spark.createDataFrame(list(spark.sparkContext().hadoopConfiguration(), reportsDir).stream()
            .map(f -> RowFactory.create(f.getPath().toString(), f.getLen())).toList(),
        new StructType().add("path", DataTypes.StringType).add("length", DataTypes.LongType));
    // binaryFile pushes a filter on length down to the listing: an oversized file's bytes are never read.
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.[pP][dD][fF]")
        .load(reportsDir)
        .filter(col("length").leq(ReportParser.MAX_BYTES));
    if (only != null) {
      listed = listed.join(broadcast(only.select("path")), "path");
      files = files.join(broadcast(only.select("path")), "path");
    }
    Dataset<Row> empty = listed.filter(col("length").equalTo(0))
        .withColumn("status", lit(ParsedReport.EMPTY_FILE)).withColumn("detail", lit("the file has no bytes"));
    Dataset<Row> tooLarge = listed.filter(col("length").gt(ReportParser.MAX_BYTES))
        .withColumn("status", lit(ParsedReport.TOO_LARGE))
        .withColumn("detail", lit(ReportParser.OVER_MAX_BYTES));
    Dataset<Row> parsed = files.select("path", "length", "content")
        .mapPartitions((MapPartitionsFunction<Row, Row>) ReportsStaging::parsePartition, Encoders.row(PARSED));
    return parsed.unionByName(tooLarge, true).unionByName(empty, true);
  }

  /**
   * The files read as reports: every .pdf under the directory, at any depth, except where a part of its path starts
   * with '.' or '_' (hidden, or a download in progress), as Spark's own listing leaves those out.
   */
  public static List<FileStatus> list(Configuration conf, String reportsDir) {
    try {
      Path dir = new Path(reportsDir);
      List<FileStatus> out = new ArrayList<>();
      walk(dir.getFileSystem(conf), dir, out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // listStatus rather than listFiles: a LocatedFileStatus reads each entry's permissions, which on a local disk
  // without Hadoop's native library forks an `ls -ld` per file and folder.
  private static void walk(FileSystem fs, Path dir, List<FileStatus> out) throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (f.isDirectory()) {
        walk(fs, f.getPath(), out);
      } else if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
        out.add(f);
      }
    }
  }

  private static Iterator<Row> parsePartition(Iterator<Row> files) {
    ReportParser parser = new ReportParser();
    List<Row> out = new ArrayList<>();
    while (files.hasNext()) {
      Row file = files.next();
      String path = file.getAs("path");
      ParsedReport r = parser.parseWithTimeout(file.getAs("content"), TIME_LIMIT, path);
      if (r.status().equals(ParsedReport.UNPARSEABLE_PDF) || r.status().equals(ParsedReport.TIMEOUT)) {
        // One line per hostile file; what PDFBox itself said goes to the log file under this path (README, Reports).
        LOG.warn("{}: {}: {}", path, r.status(), r.detail());
      }
      List<Row> judgements = r.judgements().stream()
          .map((ReportJudgement j) -> RowFactory.create(j.wording(), j.area(), j.gradeText(), Grades.row(j.grade())))
          .toList();
      List<Row> points = r.points().stream()
          .map(p -> RowFactory.create(p.text(), p.nationalFrameworkReference())).toList();
      out.add(RowFactory.create(file.getAs("path"), file.getAs("length"), r.status(), r.detail(),
          r.authorityName(), r.framework(), r.inspectionType(), sqlDate(r.fieldworkStart()),
          sqlDate(r.fieldworkEnd()), sqlDate(r.publishedOn()), r.pagesRead(),
          scala.jdk.javaapi.CollectionConverters.asScala(judgements).toSeq(), r.pointsStatus(), r.pointsDetail(),
          scala.jdk.javaapi.CollectionConverters.asScala(points).toSeq()));
    }
    return out.iterator();
  }

  private static Date sqlDate(java.time.LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  /** The reports directory as Spark writes its files' paths, to make each path relative to DIR. */
  public static String qualified(org.apache.hadoop.conf.Configuration conf, String reportsDir) {
    try {
      Path dir = new Path(reportsDir);
      return dir.getFileSystem(conf).makeQualified(dir).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Transform: parsed reports to staged inspections and judgements. {@code names} maps name keys to authorities
   * ({@link AuthorityNames#keys}); {@code qualifiedDir} is the reports directory as Spark writes paths. Grades come
   * resolved by the parser, through the same {@link Grades} as the other sources' grades.
   */
  public static Staged stage(Dataset<Row> parsed, String qualifiedDir, Dataset<Row> names,
      Dataset<Row> inspectionTypes) {
    Column ref = concat(lit(DIR + "/"), substring(col("path"), qualifiedDir.length() + 2, Integer.MAX_VALUE));
    // Ofsted names its downloads "... - 25 november 2016.pdf" after the date it lists the report as published, the
    // date the index also gives. A SIF report's own "Report published" can be a few days off it, and ILACS reports
    // print none, so the listing date comes first and the printed one stands in for files named otherwise.
    Column fileDate = try_to_date(regexp_extract(lower(col("path")), "(\\d{1,2} [a-z]+ \\d{4})\\.pdf$", 1),
        "d MMMM yyyy");
    Dataset<Row> reports = Vocabulary.inspectionTypes(parsed, col("inspection_type"), inspectionTypes)
        .withColumn("_ref", ref)
        .withColumn("_folder_urn", regexp_extract(col("_ref"), "^" + DIR + "/(\\d+)_[^/]*/", 1))
        .withColumn("published_on", coalesce(fileDate, col("published_on")))
        .withColumn("_name_key", AuthorityNames.key(col("authority_name")));
    reports = reports.join(broadcast(AuthorityNames.resolve(reports, names)), new String[] {"_name_key"}, "left");

    Dataset<Row> checked = new Checks()
        .checkReason(when(col("status").notEqual(ParsedReport.PARSED), col("status")),
            coalesce(col("detail"), col("status")))
        .check(col("authority_id").isNull(), "unknown_authority",
            concat(lit("the report names '"), coalesce(col("authority_name"), lit("")),
                lit("', which matches no authority's name or alias")))
        .check(col("_folder_urn").notEqual("").and(col("_folder_urn").notEqual(col("authority_id"))),
            "authority_mismatch", concat(lit("the report names '"), col("authority_name"), lit("' (urn "),
                col("authority_id"), lit(") but is filed under urn "), col("_folder_urn")))
        .check(col("published_on").isNull(), "missing_value",
            lit("no publication date in the report or its file name"))
        .checkDates("published_on", "fieldwork_start", "fieldwork_end")
        .apply(reports);

    Dataset<Row> loaded = Checks.passed(checked)
        .withColumn("framework", coalesce(col("framework"), Eras.frameworkPublishedOn(col("published_on"))))
        .withColumn("inspection_id", Inspections.id(col("authority_id"), col("published_on"), col("_kind")));
    Dataset<Row> inspections = loaded.select(lit(SOURCE).as("source"), col("_ref").as("source_ref"),
        col("inspection_id"), col("authority_id"), col("framework"),
        coalesce(col("_inspection_type"), lit("unknown")).as("inspection_type"), col("fieldwork_start"),
        col("fieldwork_end"), col("published_on"));

    Dataset<Row> cells = loaded
        .select(col("_ref"), col("inspection_id"), posexplode_outer(col("judgements")).as(new String[] {"_n", "_j"}))
        .filter(col("_j").isNotNull())
        .select(col("_ref"), col("inspection_id"), col("_n"), col("_j.wording").as("area_label"),
            col("_j.area").as("area"), col("_j.grade_text").as("_value"), col("_j.grade").as(Vocabulary.GRADE));
    Column cellRef = concat(col("_ref"), lit("#"), col("_n").plus(1).cast("string"));
    Dataset<Row> checkedCells = new Checks()
        .check(col("area").isNull(), "unknown_area",
            concat(lit("'"), col("area_label"), lit("' is no judgement area in judgement_areas.csv")))
        .check(col("_grade_known").equalTo(false), "unknown_grade",
            concat(lit("'"), col("_value"), lit("' for "), col("area_label"), lit(" is not a grade")))
        .apply(Vocabulary.gradeColumns(cells));
    Dataset<Row> judgements = Checks.passed(checkedCells).select(lit(SOURCE).as("source"),
        col("_ref").as("source_ref"), col("inspection_id"), col("area"), col("area_label"), col("grade"),
        col("grade_label"), col("not_graded_reason"));

    Dataset<Row> quarantine = Checks.failed(checked, SOURCE, "file", col("_ref"), col("authority_name"))
        .unionByName(Checks.failed(checkedCells, SOURCE, "cell", cellRef,
            concat(col("area_label"), lit(": "), coalesce(col("_value"), lit("")))));
    Dataset<Row> read = Staged.units(parsed, SOURCE, ref, "file")
        .unionByName(Staged.units(cells, SOURCE, cellRef, "cell"));
    Dataset<Row> loadedUnits = Staged.units(loaded, SOURCE, col("_ref"), "file")
        .unionByName(Staged.units(Checks.passed(checkedCells), SOURCE, cellRef, "cell"));
    ImprovementPointsStaging.Result points = ImprovementPointsStaging.stage(loaded, SOURCE);
    return new Staged(inspections, judgements, quarantine.unionByName(points.quarantine()),
        read.unionByName(points.read()), loadedUnits.unionByName(points.loaded()), points.points());
  }
}
