package ofstedcsc.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ofstedcsc.Main;
import ofstedcsc.Progress;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.io.TableStore;
import ofstedcsc.reference.ReferenceTable;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The commands for synthetic data: {@code calibrate} and {@code generate} (see Main's usage text). */
public final class SyntheticMain {
  private SyntheticMain() {}

  public static final List<String> COMMANDS = List.of("calibrate", "generate");

  /** Parsed command line of calibrate and generate. */
  public record Options(String command, String output, String calibration, long authorities, int years, long seed,
      String master) {

    public static Options parse(String[] args) {
      List<String> rest = new ArrayList<>(List.of(args));
      String command = rest.remove(0);
      String output = null;
      String calibration = null;
      long authorities = -1;
      int years = 20;
      long seed = 1;
      String master = null;
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--output" -> output = value(arg, rest);
          case "--calibration" -> calibration = value(arg, rest);
          case "--authorities" -> authorities = number(arg, value(arg, rest), 1);
          case "--years" -> years = (int) number(arg, value(arg, rest), 1);
          case "--seed" -> seed = number(arg, value(arg, rest), Long.MIN_VALUE);
          case "--master" -> master = value(arg, rest);
          default -> throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      if (output == null) {
        throw new IllegalArgumentException(command + " needs --output DIR");
      }
      if (command.equals("generate") && authorities < 0) {
        throw new IllegalArgumentException("generate needs --authorities N");
      }
      if (command.equals("calibrate") && calibration == null) {
        calibration = "data/calibration";
      }
      return new Options(command, output, calibration, authorities, years, seed, master);
    }

    private static long number(String option, String text, long least) {
      try {
        long n = Long.parseLong(text);
        if (n >= least) return n;
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
      throw new IllegalArgumentException(option + " wants a whole number" + (least == 1 ? " of at least 1" : "")
          + ", not '" + text + "'");
    }

    private static String value(String option, List<String> rest) {
      if (rest.isEmpty() || rest.get(0).startsWith("--")) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return rest.remove(0);
    }
  }

  public static int execute(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      return Main.usage(e);
    }
    Map<String, ReferenceTable> calibration = null;
    if (options.command().equals("generate")) {
      Path dir = options.calibration() == null ? null : Path.of(options.calibration());
      if (dir != null && !Files.isDirectory(dir)) {
        System.err.println("ofsted: bad input: calibration directory " + dir + " not found");
        return Main.BAD_INPUT;
      }
      calibration = Calibration.load(dir);
    }
    SparkSession spark = Main.session(options.master(), options.command());
    return execute(spark, options, calibration);
  }

  public static int execute(SparkSession spark, Options options, Map<String, ReferenceTable> calibration) {
    Progress progress = new Progress();
    TableStore store = new TableStore(spark, options.output());
    if (options.command().equals("calibrate")) {
      for (Table t : List.of(Tables.JUDGEMENTS, Tables.INSPECTIONS, Tables.TRANSITION_MATRIX)) {
        if (!store.exists(t)) {
          System.err.println("ofsted: bad input: table " + t.name() + " not found under " + options.output()
              + " (calibrate reads a run's output: for a refresh, its current directory)");
          return Main.BAD_INPUT;
        }
      }
      Calibration.write(Calibration.measure(store), Path.of(options.calibration()));
      progress.stage("calibrate", "calibrate wrote " + String.join(", ", Calibration.FILES) + " under "
          + options.calibration());
      return Main.OK;
    }
    GenerateJob.Settings settings = new GenerateJob.Settings(options.authorities(), options.years(), options.seed());
    Map<Table, Dataset<Row>> tables = GenerateJob.build(spark, calibration, settings);
    store.writeAll(tables);
    progress.stage("generate", "generate wrote " + tables.size() + " canonical tables for " + options.authorities()
        + " authorities over " + options.years() + " years (seed " + options.seed() + ")");
    System.out.println("Tables under " + options.output() + ":");
    for (Table t : tables.keySet()) {
      System.out.printf("  %-22s %12d rows%n", t.name(),
          ParquetFooters.read(store.hadoopConfiguration(), store.path(t)).rows());
    }
    return Main.OK;
  }
}
