package ofstedcsc.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import ofstedcsc.Progress;
import ofstedcsc.ingest.IngestJob;
import ofstedcsc.ingest.ReportsStaging;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.io.TableStore;
import ofstedcsc.pipeline.Pipeline;
import ofstedcsc.pipeline.Sizing;
import ofstedcsc.quality.DataChecks;
import ofstedcsc.refresh.InputFiles.InputFile;
import ofstedcsc.refresh.RunManifest.SourceCount;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The scheduled entry point: ingest and aggregate into a new version beside the published one, then publish it in one
 * step ({@link PublishedVersions}). Incremental by content: a report whose bytes an earlier run parsed is not parsed
 * again, and a run whose inputs, dates and code all equal the published version's publishes nothing.
 */
public final class RefreshJob {
  private RefreshJob() {}

  public record Settings(String input, String output, LocalDate asOf, LocalDate publishedBy, int keep) {}

  /** A rejected run's version when no usable version was published before it. */
  static final String NONE = "none";

  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /**
   * Runs one refresh and returns its manifest: published, unchanged, or rejected when a data check fails on the new
   * version (which is then not published). Throws {@link RefreshLock.Busy} when another refresh holds the output,
   * and {@link ofstedcsc.ingest.StructuralError} for bad input, in both cases before anything is written.
   */
  public static RunManifest run(Settings s, Supplier<SparkSession> sparkSession, Progress progress) {
    return run(s, sparkSession, progress, UnaryOperator.identity());
  }

  /**
   * {@code amend} changes the tables before they are written: tests use it to give a version a defect the data checks
   * must catch, as a bug in the pipeline would.
   */
  static RunManifest run(Settings s, Supplier<SparkSession> sparkSession, Progress progress,
      UnaryOperator<Map<Table, Dataset<Row>>> amend) {
    Instant started = Instant.now();
    String runId = RUN_ID.format(started) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    Path root = Paths.get(s.output()).toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root, e);
    }
    try (RefreshLock lock = RefreshLock.acquire(root)) {
      PublishedVersions versions = new PublishedVersions(root);
      RunLog log = new RunLog(root);
      versions.removeUnfinished();
      log.removeUnfinished();
      PublishedVersions.Published usable = versions.usable(progress);
      Path current = usable == null ? null : usable.dir();
      log.recordIfMissing(current);

      Configuration conf = new Configuration();
      IngestJob.Inputs inputs = IngestJob.locate(conf, s.input());
      List<InputFile> files = InputFiles.of(conf, s.input(), inputs);
      progress.stage("hash_inputs", "hashed " + files.size() + " input files in " + s.input());
      RunManifest previous = usable == null ? null : usable.manifest();
      String code = codeVersion();
      long reports = files.stream().filter(f -> f.path().startsWith(InputFiles.REPORTS_PREFIX)).count();

      if (previous != null && previous.sameWork(files, s.asOf(), s.publishedBy(), code)) {
        RunManifest unchanged = new RunManifest(runId, RunManifest.UNCHANGED, previous.runId(), started,
            Instant.now(), s.asOf(), s.publishedBy(), s.input(), projectVersion(), code, previous.sparkVersion(),
            files, previous.sources(), previous.tables(), progress.stages(), Map.of("parsed", 0L, "reused", reports),
            Map.of());
        log.record(unchanged);
        progress.note("nothing new since run " + previous.runId() + ": current left as it was");
        return unchanged;
      }

      SparkSession spark = sparkSession.get();
      // Sized before the report cache's queries too, not only the pipeline's.
      Sizing.apply(spark, inputs.csvBytes(conf));
      Path version = versions.start(runId);
      TableStore store = new TableStore(spark, version.toString());
      Dataset<Row> parsed = null;
      long parsedNow = 0;
      if (inputs.reports() != null) {
        Dataset<Row> reportFiles = ReportCache.files(spark, files,
            ReportsStaging.qualified(spark.sparkContext().hadoopConfiguration(), inputs.reports())).cache();
        boolean keptUsable = previous != null && previous.codeVersion().equals(code)
            && Files.isDirectory(current.resolve(PublishedVersions.REPORT_CACHE));
        Dataset<Row> kept = keptUsable
            ? spark.read().schema(ReportCache.SCHEMA).parquet(current.resolve(PublishedVersions.REPORT_CACHE).toString())
            : spark.createDataFrame(List.of(), ReportCache.SCHEMA);
        Dataset<Row> reusable = ReportCache.reusable(kept).cache();
        Dataset<Row> unseen = ReportCache.unseen(reportFiles, reusable).cache();
        parsedNow = unseen.count();
        progress.note("parsing " + parsedNow + " of " + reports + " reports (the rest were parsed by earlier runs)");
        Dataset<Row> parsedRows = parsedNow == 0 ? spark.createDataFrame(List.of(), ReportsStaging.PARSED)
            : ReportsStaging.parse(spark, inputs.reports(), unseen);
        String cache = version.resolve(PublishedVersions.REPORT_CACHE).toString();
        ReportCache.merge(reportFiles, reusable, parsedRows).write().parquet(cache);
        parsed = spark.read().schema(ReportCache.SCHEMA).parquet(cache).drop(ReportCache.SHA);
        progress.stage("parse_reports", "parsed " + parsedNow + " reports, reused " + (reports - parsedNow));
      }

      Map<Table, Dataset<Row>> tables = amend.apply(Pipeline.tables(spark, inputs, parsed, s.asOf(),
          s.publishedBy()));
      TableStore.writeConcurrently(tables, (table, rows) -> {
        progress.note("writing " + table.name());
        store.write(table, rows);
      });
      progress.stage("pipeline", "wrote " + tables.size() + " tables, the marts as at " + s.asOf());
      Map<String, Long> failedChecks = new LinkedHashMap<>();
      List<DataChecks.Result> checks = DataChecks.run(spark, store::read);
      DataChecks.failed(checks).forEach(c -> failedChecks.put(c.table() + " " + c.check(), c.failing()));
      progress.stage("check", "ran " + checks.size() + " data checks, " + failedChecks.size() + " failed");

      List<SourceCount> sources = SourceCount.read(store);
      Map<String, Long> rows = new LinkedHashMap<>();
      for (Table t : Tables.all()) {
        rows.put(t.name(), ParquetFooters.read(store.hadoopConfiguration(), store.path(t)).rows());
      }
      Map<String, Long> reportCounts = Map.of("parsed", parsedNow, "reused", reports - parsedNow);
      if (!failedChecks.isEmpty()) {
        // Left where it is for a person to look at; the next refresh removes it as unfinished.
        RunManifest rejected = new RunManifest(runId, RunManifest.REJECTED, previous == null ? NONE
            : previous.runId(), started, Instant.now(), s.asOf(), s.publishedBy(), s.input(), projectVersion(), code,
            spark.version(), files, sources, rows, progress.stages(), reportCounts, failedChecks);
        log.record(rejected);
        progress.note(failedChecks.size() + " data checks failed on the new version: not published, current left as"
            + " it was; its tables are in " + version + " until the next refresh");
        return rejected;
      }
      RunManifest manifest = new RunManifest(runId, RunManifest.PUBLISHED, runId, started, Instant.now(), s.asOf(),
          s.publishedBy(), s.input(), projectVersion(), code, spark.version(), files, sources, rows,
          progress.stages(), reportCounts, Map.of());
      manifest.write(version.resolve(PublishedVersions.MANIFEST));
      progress.note("publishing version " + runId);
      versions.publish(runId);
      log.record(manifest);
      List<String> removed = versions.prune(s.keep());
      progress.note("published " + root.resolve(PublishedVersions.CURRENT) + " -> versions/" + runId
          + (removed.isEmpty() ? "" : "; removed old versions " + String.join(", ", removed)));
      return manifest;
    }
  }

  /** The application's version, from the jar's manifest; "dev" when run from classes (tests, an IDE). */
  public static String projectVersion() {
    String v = RefreshJob.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * The code that parses and computes: the application jar's SHA-256, so that a new build re-parses every report
   * rather than reuse what an older parser made of it.
   */
  static String codeVersion() {
    try {
      Path jar = Paths.get(RefreshJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) return projectVersion();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return projectVersion() + "+" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException | NoSuchAlgorithmException | java.net.URISyntaxException | SecurityException e) {
      return projectVersion();
    }
  }
}
