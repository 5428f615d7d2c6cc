package ofstedcsc;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ofstedcsc.aggregate.AggregateJob;
import ofstedcsc.fetch.Downloader;
import ofstedcsc.fetch.FetchJob;
import ofstedcsc.ingest.IngestJob;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.io.TableStore;
import ofstedcsc.pipeline.Pipeline;
import ofstedcsc.pipeline.Sizing;
import ofstedcsc.publish.MartExport;
import ofstedcsc.quality.CheckCommand;
import ofstedcsc.quality.DataChecks;
import ofstedcsc.publish.ReportPage;
import ofstedcsc.refresh.RefreshJob;
import ofstedcsc.refresh.RefreshLock;
import ofstedcsc.refresh.RunManifest;
import ofstedcsc.refresh.Status;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Command-line entry point: {@code ingest}, {@code aggregate}, {@code run} (both), {@code report}, {@code export}. */
public final class Main {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;
  /** sysexits' EX_TEMPFAIL: a scheduler may simply try again later. */
  public static final int BUSY = 75;
  public static final int USAGE = 64;

  static final String USAGE_TEXT = String.join("\n",
      "Usage: ofsted <command> [options]",
      "",
      "Commands:",
      "  run         ingest, then aggregate (the usual command)",
      "  refresh     the scheduled run: ingest and aggregate what changed under --input, then publish every table",
      "              at once as --output/current/<table> (see README, Scheduled refreshes)",
      "  status      the latest refreshes under --output, and a check of current against its manifest",
      "  check       the data checks (keys, nulls, values, references, reconciliation) on the tables under",
      "              --output (or --output/current): a line per check; exit 1 if any fails",
      "  ingest      read the raw inputs under --input, write the canonical tables under --output",
      "  aggregate   read the canonical tables under --output, write the marts beside them",
      "  report      write report.html under --output: every authority's latest grades, from the marts there",
      "  export      write the marts under --output as spreadsheets in --output/export (see --format)",
      "  dictionary  print the data dictionary (docs/data-dictionary.md) from the declared schemas",
      "  fetch       bring --input (required) up to date from the web: the index from --index-url, then every",
      "              report it links that --input/reports lacks (no Spark; see README, Fetching the inputs)",
      "  generate    write synthetic canonical tables under --output (--authorities N [--years Y] [--seed S]",
      "              [--calibration DIR]); aggregate runs on them unchanged (README, Synthetic data)",
      "  calibrate   measure the real corpus's output under --output into --calibration DIR",
      "              (default data/calibration), which generate imitates",
      "  bench       aggregate against the same marts in DuckDB on generated data of 1, 10 and 100 million",
      "              judgements; writes docs/benchmarks.md ([--sizes 1,10,100] [--data DIR] [--seed S] [--years Y]",
      "              [--repeat N] [--report FILE]; README, Synthetic data)",
      "  help        show this text",
      "",
      "Options:",
      "  --input DIR          raw inputs (default data/sample); layout in README.md",
      "  --output DIR         where the Parquet tables go (default output)",
      "  --as-of YYYY-MM-DD   date for standing and censoring (default today); for report, the day",
      "                       'days since published' counts to (not before the marts' as-at date)",
      "  --published-by DATE  reports published after this are not counted as at --as-of",
      "                       (default: the last day of the month after --as-of)",
      "  --master URL         Spark master (default local[*]; spark-submit's own --master also works)",
      "  --progress           show Spark's console progress bar",
      "  --format csv|xlsx    export: one CSV per mart (default), or one workbook with a sheet per mart",
      "  --keep N             refresh: complete versions to keep, current included (default 3)",
      "  --runs N             status: how many runs to list (default 10)",
      "  --index-url URL      fetch: the scraped index to fetch (default " + FetchJob.DEFAULT_INDEX_URL + ")",
      "  --help               show this text",
      "",
      "Exit codes: 0 success, 1 failure (a data check failed: output left as it was; fetch: a report or the index was not",
      "            fetched), 2 bad input (nothing written), 64 usage error,",
      "            75 another refresh is running on --output (nothing touched; try later).");

  /** Parsed command line. */
  public record Options(String command, String input, String output, LocalDate asOf, LocalDate publishedBy,
      String master, boolean progress, String format, int keep, int runs, String indexUrl) {

    public static Options parse(String[] args) {
      String command = null;
      String input = null;
      String output = "output";
      LocalDate asOf = LocalDate.now();
      LocalDate publishedBy = null;
      String master = null;
      boolean progress = false;
      String format = "csv";
      int keep = 3;
      int runs = 10;
      String indexUrl = FetchJob.DEFAULT_INDEX_URL;
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--help", "-h", "help" -> command = "help";
          case "--input" -> input = value(arg, rest);
          case "--output" -> output = value(arg, rest);
          case "--as-of" -> asOf = date(arg, value(arg, rest));
          case "--published-by" -> publishedBy = date(arg, value(arg, rest));
          case "--master" -> master = value(arg, rest);
          case "--progress" -> progress = true;
          case "--format" -> format = value(arg, rest);
          case "--keep" -> keep = count(arg, value(arg, rest));
          case "--runs" -> runs = count(arg, value(arg, rest));
          case "--index-url" -> indexUrl = url(arg, value(arg, rest));
          default -> {
            if (arg.startsWith("-") || command != null) {
              throw new IllegalArgumentException("unknown argument: " + arg);
            }
            command = arg;
          }
        }
      }
      if (command == null) {
        command = "help";
      }
      if (!List.of("run", "ingest", "aggregate", "refresh", "status", "check", "report", "export", "dictionary",
          "fetch", "help")
          .contains(command)) {
        throw new IllegalArgumentException("unknown command: " + command);
      }
      if (!List.of("csv", "xlsx").contains(format)) {
        throw new IllegalArgumentException("--format wants csv or xlsx, not '" + format + "'");
      }
      if (input == null) {
        // fetch writes into its directory: it never defaults to the sample under version control.
        if (command.equals("fetch")) {
          throw new IllegalArgumentException("fetch needs --input DIR");
        }
        input = "data/sample";
      }
      if (publishedBy == null) {
        publishedBy = asOf.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
      }
      if (publishedBy.isBefore(asOf)) {
        throw new IllegalArgumentException("--published-by " + publishedBy + " is before --as-of " + asOf);
      }
      return new Options(command, input, output, asOf, publishedBy, master, progress, format, keep, runs, indexUrl);
    }

    private static int count(String option, String text) {
      try {
        int n = Integer.parseInt(text);
        if (n >= 1) return n;
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
      throw new IllegalArgumentException(option + " wants a whole number of at least 1, not '" + text + "'");
    }

    private static String url(String option, String text) {
      try {
        if (List.of("http", "https").contains(String.valueOf(URI.create(text).getScheme()).toLowerCase())) {
          return text;
        }
      } catch (IllegalArgumentException e) {
        // falls through to the message below
      }
      throw new IllegalArgumentException(option + " wants an http(s) URL, not '" + text + "'");
    }

    private static String value(String option, List<String> rest) {
      if (rest.isEmpty() || rest.get(0).startsWith("--")) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return rest.remove(0);
    }

    private static LocalDate date(String option, String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(option + " wants a date as YYYY-MM-DD, not '" + text + "'");
      }
    }
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command and returns its exit code; never calls System.exit, so tests can call it. */
  public static int execute(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(USAGE_TEXT);
      return OK;
    }
    if (args.length > 0 && ofstedcsc.synthetic.SyntheticMain.COMMANDS.contains(args[0])) {
      return ofstedcsc.synthetic.SyntheticMain.execute(args);
    }
    if (args.length > 0 && args[0].equals("bench")) {
      return ofstedcsc.bench.Bench.execute(args);
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      return usage(e);
    }
    if (options.command().equals("help")) {
      System.out.println(USAGE_TEXT);
      return OK;
    }
    if (options.command().equals("dictionary")) {
      System.out.print(ofstedcsc.schema.DataDictionary.markdown());
      return OK;
    }
    // Started only when a command needs it: status never does, and neither does a refresh that finds nothing new.
    SparkSession[] started = new SparkSession[1];
    return execute(() -> started[0] == null ? started[0] = session(options) : started[0], options);
  }

  public static int execute(SparkSession spark, Options options) {
    return execute(() -> spark, options);
  }

  private static int execute(Supplier<SparkSession> spark, Options options) {
    try {
      switch (options.command()) {
        case "report" -> ReportPage.write(spark.get(), options.output(), options.asOf());
        case "export" -> MartExport.write(spark.get(), options.output(), options.format());
        case "fetch" -> {
          return FetchJob.run(Path.of(options.input()), URI.create(options.indexUrl()), Downloader.Settings.polite())
              ? OK : FAILURE;
        }
        case "status" -> {
          return Status.print(options.output(), options.runs(), System.out) ? OK : FAILURE;
        }
        case "check" -> {
          return CheckCommand.run(spark, options.output(), System.out) ? OK : FAILURE;
        }
        case "refresh" -> {
          RunManifest manifest = RefreshJob.run(new RefreshJob.Settings(options.input(), options.output(),
              options.asOf(), options.publishedBy(), options.keep()), spark, new Progress());
          Summary.printRefresh(manifest, options.output());
          if (manifest.outcome().equals(RunManifest.REJECTED)) return FAILURE;
        }
        default -> {
          return run(spark.get(), options);
        }
      }
      return OK;
    } catch (StructuralError e) {
      System.err.println("ofsted: bad input: " + e.getMessage());
      return BAD_INPUT;
    } catch (RefreshLock.Busy e) {
      System.err.println("ofsted: " + e.getMessage());
      return BUSY;
    } catch (Exception e) {
      // Spark's SparkException is checked but undeclared, hence Exception; anything else goes on as before.
      String full = noSpace(e);
      if (full == null) throw e;
      System.err.println("ofsted: no space left on device (" + full + "); free some space and run again");
      return FAILURE;
    }
  }

  /** The first line of the "No space left on device" error among e's causes, however Spark or Hadoop wrapped it. */
  private static String noSpace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device")) return m.lines().findFirst().orElse(m);
    }
    return null;
  }

  /** A command line that could not be understood: the reason, where to look, and the exit code for it. */
  public static int usage(IllegalArgumentException e) {
    System.err.println("ofsted: " + e.getMessage());
    System.err.println("Try 'ofsted --help'.");
    return USAGE;
  }

  private static int run(SparkSession spark, Options options) {
    Progress progress = new Progress();
    TableStore store = new TableStore(spark, options.output());
    Map<Table, Dataset<Row>> tables;
    if (options.command().equals("aggregate")) {
      for (Table t : Tables.CANONICAL) {
        if (!store.exists(t)) {
          throw new StructuralError("canonical table " + t.name() + " not found under " + options.output()
              + ": run 'ofsted ingest' first");
        }
      }
      Sizing.apply(spark, Sizing.bytes(store.hadoopConfiguration(), store.path(Tables.JUDGEMENTS)));
      tables = AggregateJob.build(store::read, options.asOf(), options.publishedBy());
    } else {
      IngestJob.Inputs inputs = IngestJob.locate(spark.sparkContext().hadoopConfiguration(), options.input());
      progress.stage("locate", "checked inputs in " + options.input());
      tables = options.command().equals("ingest") ? Pipeline.canonical(spark, inputs, null)
          : Pipeline.tables(spark, inputs, null, options.asOf(), options.publishedBy());
    }
    TableStore.Staged staged = store.stage(tables);
    progress.stage(options.command(), options.command() + " wrote " + tables.size() + " tables"
        + (options.command().equals("ingest") ? "" : ", the marts as at " + options.asOf()));
    List<DataChecks.Result> checks = DataChecks.run(spark, staged::read, staged.tables());
    progress.stage("check", "ran " + checks.size() + " data checks");
    if (!DataChecks.passed(checks)) {
      String rejected = staged.setAside();
      System.out.print(CheckCommand.format(checks.stream().filter(c -> !c.passed()).toList()));
      System.err.println("ofsted: " + checks.stream().filter(c -> !c.passed()).count() + " of " + checks.size()
          + " data checks failed (above): " + options.output() + " left as it was; the new tables are in "
          + rejected);
      return FAILURE;
    }
    staged.moveIntoPlace();
    if (tables.containsKey(Tables.INGEST_COUNTS)) {
      Summary.printIngestCounts(store);
    }
    Summary.printTables(store, options.output());
    return OK;
  }

  static SparkSession session(Options options) {
    return session(options.master(), options.command(), options.progress());
  }

  public static SparkSession session(String master, String command) {
    return session(master, command, false);
  }

  private static SparkSession session(String master, String command, boolean progress) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("ofsted " + command)
        .config("spark.ui.showConsoleProgress", Boolean.toString(progress))
        .config("spark.sql.session.timeZone", "UTC")
        // INT96, Spark's default, is deprecated in Parquet; micros with a UTC flag is what DuckDB and BI tools expect.
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // Spark's 200 shuffle partitions cost seconds of empty tasks per stage on inspection-sized data; adaptive
        // execution still splits skewed or large partitions. The pipeline's commands size it to their data (Sizing).
        .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "8"))
        // The reports sit in a folder per authority (130 and more): past 32 folders Spark lists them with a job of a
        // task per folder, which on local disk costs seconds more than listing them here.
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold",
            System.getProperty("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024"))
        // Cached intermediate results are read once or twice straight after: compressing them column by column
        // (dictionary and run-length statistics) cost aggregate more time than anything else (docs/benchmarks.md).
        .config("spark.sql.inMemoryColumnarStorage.compressed",
            System.getProperty("spark.sql.inMemoryColumnarStorage.compressed", "false"))
        // Aggregate keeps its tables partitioned by authority; joins on authority and area may then use that
        // partitioning as it is instead of shuffling both sides again by the two keys.
        .config("spark.sql.requireAllClusterKeysForCoPartition",
            System.getProperty("spark.sql.requireAllClusterKeysForCoPartition", "false"));
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
