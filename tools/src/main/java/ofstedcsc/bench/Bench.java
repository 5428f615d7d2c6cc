package ofstedcsc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ofstedcsc.cli.Arguments;
import ofstedcsc.cli.Command;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.reference.Eras;
import ofstedcsc.synthetic.AuthorityHistory;
import ofstedcsc.synthetic.Calibration;
import ofstedcsc.synthetic.GenerateJob;

/**
 * {@code ofsted bench}: for each size, synthetic canonical tables (generated once and kept under --data), then
 * {@code ofsted aggregate} and the same marts in DuckDB SQL on the same Parquet, each in its own process under
 * {@code /usr/bin/time} (wall time and peak resident memory), then a row-by-row comparison of their marts. Prints a
 * table and writes it into docs/benchmarks.md, in the section for the Spark master used.
 */
public final class Bench extends Command {
  public Bench() {
    super("bench",
        "aggregate against the same marts in DuckDB on generated data of 1, 10 and 100 million\n"
            + "judgements; writes docs/benchmarks.md (README, Synthetic data)",
        String.join("\n",
            "  --sizes 1,10,100     millions of judgements to measure (fractions too: 0.01)",
            "  --data DIR           where the generated tables are kept between runs (default /tmp/ofsted-bench)",
            "  --seed S             generate's seed (default 1)",
            "  --years Y            generate's years (default 20)",
            "  --master URL         the Spark master aggregate runs on (default local[*])",
            "  --repeat N           measures of each size; the medians are reported (default 1)",
            "  --report FILE        the Markdown file whose section for this master is replaced (default",
            "                       docs/benchmarks.md)"),
        false);
  }

  record Options(List<Double> sizes, Path data, long seed, int years, String master, Path report, int repeat) {}

  @Override
  protected Action parse(Arguments args) {
    String sizes = args.text("--sizes", "1,10,100");
    List<Double> millions;
    try {
      millions = Arrays.stream(sizes.split(",")).map(Double::valueOf).toList();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--sizes wants numbers separated by commas, not '" + sizes + "'");
    }
    if (millions.stream().anyMatch(s -> !(s > 0))) {
      throw new IllegalArgumentException("--sizes wants positive numbers, not '" + sizes + "'");
    }
    // bin/ofsted hands --master to spark-submit, which passes it on as spark.master.
    Options options = new Options(millions, Path.of(args.text("--data", "/tmp/ofsted-bench")),
        args.number("--seed", 1, Long.MIN_VALUE), args.count("--years", 20),
        args.text("--master", System.getProperty("spark.master", "local[*]")),
        Path.of(args.text("--report", "docs/benchmarks.md")), args.count("--repeat", 1));
    return spark -> execute(options);
  }

  /** One process's wall time and peak resident set, as /usr/bin/time reports them, and the load when it began. */
  record Measure(double seconds, long peakKb, String load) {}

  record Size(double millions, long authorities, long judgements, Measure spark, Measure duckdb,
      List<MartComparison.Result> comparison) {
    boolean same() {
      return comparison.stream().allMatch(MartComparison.Result::same);
    }
  }

  private static int execute(Options options) {
    if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
      System.err.println("ofsted: bench measures with /usr/bin/time (GNU time), which is not installed");
      return ExitCode.FAILURE;
    }
    try {
      List<Size> sizes = new ArrayList<>();
      for (double millions : options.sizes()) {
        sizes.add(measure(options, millions));
      }
      String section = section(options, sizes);
      System.out.println(section);
      writeReport(options.report(), options.master(), section);
      System.out.println("bench: wrote " + options.report());
      return sizes.stream().allMatch(Size::same) ? ExitCode.OK : ExitCode.FAILURE;
    } catch (IOException | SQLException | InterruptedException e) {
      System.err.println("ofsted: bench failed: " + e.getMessage());
      return ExitCode.FAILURE;
    }
  }

  private static Size measure(Options options, double millions) throws IOException, SQLException,
      InterruptedException {
    List<Eras.Era> eras = Eras.ordered();
    GenerateJob.Settings probe = new GenerateJob.Settings(1, options.years(), options.seed());
    long authorities = Math.max(1, Math.round(millions * 1e6 / judgementsPerAuthority(options, probe, eras)));
    Path dir = options.data().resolve(String.format(Locale.ROOT, "%sm-seed%d-%dy", label(millions), options.seed(),
        options.years()));
    Path logs = options.data().resolve("logs");
    Files.createDirectories(logs);
    String tag = dir.getFileName().toString();
    if (!Files.isDirectory(dir.resolve("judgements"))) {
      System.out.printf("bench: generating %s million judgements (%d authorities) under %s%n", label(millions),
          authorities, dir);
      Measure generated = run(List.of(root().resolve("bin/ofsted").toString(), "generate", "--authorities",
          Long.toString(authorities), "--years", Integer.toString(options.years()), "--seed",
          Long.toString(options.seed()), "--output", dir.toString()), logs.resolve("generate-" + tag + ".log"));
      System.out.printf("bench: generated in %.0f s%n", generated.seconds());
    }
    long judgements = ParquetFooters.read(new org.apache.hadoop.conf.Configuration(),
        dir.resolve("judgements").toString()).rows();
    LocalDate asOf = probe.end(eras).minusDays(1);
    LocalDate publishedBy = asOf.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());

    List<Measure> spark = new ArrayList<>();
    List<Measure> duckdb = new ArrayList<>();
    Path duckdbOutput = dir.resolve("_duckdb");
    for (int i = 0; i < options.repeat(); i++) {
      System.out.printf("bench: %,d judgements: aggregate (%s)%n", judgements, options.master());
      spark.add(run(List.of(root().resolve("bin/ofsted").toString(), "--master", options.master(), "aggregate",
          "--output", dir.toString(), "--as-of", asOf.toString(), "--published-by", publishedBy.toString()),
          logs.resolve("aggregate-" + tag + ".log")));
      System.out.printf("bench:   %.1f s, peak %,d MB%n", spark.get(i).seconds(), spark.get(i).peakKb() / 1024);
      System.out.printf("bench: %,d judgements: DuckDB%n", judgements);
      delete(duckdbOutput);
      duckdb.add(run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
          launcherClasspath(), DuckDbMarts.class.getName(), dir.toString(), duckdbOutput.toString(), asOf.toString(),
          publishedBy.toString()), logs.resolve("duckdb-" + tag + ".log")));
      System.out.printf("bench:   %.1f s, peak %,d MB%n", duckdb.get(i).seconds(), duckdb.get(i).peakKb() / 1024);
    }
    List<MartComparison.Result> comparison;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      comparison = MartComparison.compare(connection, dir, duckdbOutput);
    }
    for (MartComparison.Result r : comparison) {
      System.out.printf("bench:   %-22s spark %,12d  duckdb %,12d  differing %,d%s%n", r.mart(), r.sparkRows(),
          r.duckdbRows(), r.differing(), r.same() ? "" : "   DIFFERENT");
    }
    return new Size(millions, authorities, judgements, median(spark), median(duckdb), comparison);
  }

  /** Judgements per authority over the span, from the walks of the first ten thousand authorities. */
  private static double judgementsPerAuthority(Options options, GenerateJob.Settings probe, List<Eras.Era> eras) {
    AuthorityHistory history = new AuthorityHistory(Calibration.load(null), eras);
    long rows = 0;
    int authorities = 10_000;
    for (int a = 0; a < authorities; a++) {
      rows += history.walk(options.seed(), a, probe.start(eras), probe.end(eras)).stream()
          .mapToInt(i -> i.judgements().size()).sum();
    }
    return (double) rows / authorities;
  }

  private static Measure median(List<Measure> measures) {
    List<Measure> sorted = measures.stream().sorted(Comparator.comparingDouble(Measure::seconds)).toList();
    return sorted.get(sorted.size() / 2);
  }

  private static final Pattern TIMED = Pattern.compile("BENCH wall=([0-9.]+) peak_kb=([0-9]+)");

  /** Runs a command under /usr/bin/time, its output to a log; fails with the log's name if the command fails. */
  private static Measure run(List<String> command, Path log) throws IOException, InterruptedException {
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "BENCH wall=%e peak_kb=%M"));
    timed.addAll(command);
    Process process = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException(command.get(0) + " " + command.get(1) + " exited with " + exit + ": see " + log);
    }
    Matcher m = null;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher candidate = TIMED.matcher(line);
      if (candidate.find()) {
        m = candidate;
      }
    }
    if (m == null) {
      throw new IOException("no timing from /usr/bin/time in " + log);
    }
    return new Measure(Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)), load);
  }

  private static Path root() {
    try {
      // tools/target/ofsted-tools.jar
      Path jar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String launcherClasspath() throws IOException {
    Path target = root().resolve("tools/target");
    return Files.readString(target.resolve("launcher/classpath.txt")).strip() + java.io.File.pathSeparator
        + target.resolve("ofsted-tools.jar");
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static String label(double millions) {
    return millions == Math.rint(millions) ? Long.toString((long) millions) : Double.toString(millions);
  }

  static String section(Options options, List<Size> sizes) throws IOException, SQLException {
    StringBuilder out = new StringBuilder();
    out.append("Spark master `").append(options.master()).append("`, measured ")
        .append(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES)).append(" on ").append(machine()).append(".\n")
        .append("Command: `bin/ofsted bench --master '").append(options.master()).append("' --sizes ")
        .append(String.join(",", options.sizes().stream().map(Bench::label).toList()))
        .append(" --seed ").append(options.seed()).append(" --years ").append(options.years())
        .append(" --repeat ").append(options.repeat()).append("`")
        .append(options.repeat() > 1 ? " (medians)" : "").append(".\n\n")
        .append("| judgement rows | authorities | Spark wall | Spark peak RSS | DuckDB wall | DuckDB peak RSS "
            + "| Spark / DuckDB | load (1 min) at start | marts equal |\n")
        .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (Size s : sizes) {
      out.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f s | %,d MB | %.1f s | %,d MB | %.2f | %s / %s | %s |%n",
          s.judgements(), s.authorities(), s.spark().seconds(), s.spark().peakKb() / 1024, s.duckdb().seconds(),
          s.duckdb().peakKb() / 1024, s.spark().seconds() / s.duckdb().seconds(), s.spark().load(),
          s.duckdb().load(), s.same() ? "yes (7 marts, row by row)" : "**NO**"));
    }
    return out.toString();
  }

  private static String machine() throws IOException, SQLException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    String duckdb;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version()")) {
      r.next();
      duckdb = r.getString(1);
    }
    return String.format(Locale.ROOT, "%d cores (%s), %.0f GB RAM, Linux %s, Java %s, Spark %s (heap %s), DuckDB %s",
        Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1024.0 / 1024.0,
        System.getProperty("os.version"), System.getProperty("java.version"),
        org.apache.spark.package$.MODULE$.SPARK_VERSION(), System.getenv().getOrDefault("OFSTED_MEMORY", "6g"), duckdb);
  }

  /** Replaces this master's section of the report (between its markers), or appends one. */
  static void writeReport(Path report, String master, String section) throws IOException {
    String begin = "<!-- bench " + master + " -->";
    String end = "<!-- /bench " + master + " -->";
    String text = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
    String block = begin + "\n" + section + end;
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    text = from >= 0 && to > from ? text.substring(0, from) + block + text.substring(to + end.length())
        : text.stripTrailing() + "\n\n" + block + "\n";
    Files.writeString(report, text);
  }
}
