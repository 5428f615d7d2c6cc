package ofstedcsc.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ofstedcsc.Progress;
import ofstedcsc.cli.Arguments;
import ofstedcsc.cli.Command;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.cli.OptionHelp;
import ofstedcsc.io.ParquetFooters;
import ofstedcsc.io.TableStore;
import ofstedcsc.reference.ReferenceTable;
import ofstedcsc.schema.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** {@code generate}: synthetic canonical tables that aggregate runs on unchanged (README, Synthetic data). */
public final class GenerateCommand extends Command {
  public GenerateCommand() {
    super("generate",
        "write synthetic canonical tables under --output (--authorities N [--years Y] [--seed S]\n"
            + "[--calibration DIR]); aggregate runs on them unchanged (README, Synthetic data)",
        String.join("\n", OptionHelp.OUTPUT.replace("(default output)", "(required)"),
            "  --authorities N      how many authorities (required)",
            "  --years Y            years of inspections from the earliest framework era (default 20)",
            "  --seed S             the random seed: the same seed gives the same rows (default 1)",
            "  --calibration DIR    what to imitate (default: data/calibration as bundled in the tools jar)"),
        true);
  }

  @Override
  protected Action parse(Arguments args) {
    String output = args.required("--output", "DIR");
    long authorities = args.number("--authorities", -1, 1);
    if (authorities < 0) {
      throw new IllegalArgumentException("generate needs --authorities N");
    }
    GenerateJob.Settings settings = new GenerateJob.Settings(authorities,
        args.count("--years", 20), args.number("--seed", 1, Long.MIN_VALUE));
    String calibration = args.text("--calibration", null);
    return spark -> {
      Path dir = calibration == null ? null : Path.of(calibration);
      if (dir != null && !Files.isDirectory(dir)) {
        System.err.println("ofsted: bad input: calibration directory " + dir + " not found");
        return ExitCode.BAD_INPUT;
      }
      return generate(spark.get(), output, Calibration.load(dir), settings);
    };
  }

  private static int generate(SparkSession spark, String output, Map<String, ReferenceTable> calibration,
      GenerateJob.Settings settings) {
    Progress progress = new Progress();
    TableStore store = new TableStore(spark, output);
    Map<Table, Dataset<Row>> tables = GenerateJob.build(spark, calibration, settings);
    store.writeAll(tables);
    progress.stage("generate", "generate wrote " + tables.size() + " canonical tables for "
        + settings.authorities() + " authorities over " + settings.years() + " years (seed " + settings.seed() + ")");
    System.out.println("Tables under " + output + ":");
    for (Table t : tables.keySet()) {
      System.out.printf("  %-22s %12d rows%n", t.name(),
          ParquetFooters.read(store.hadoopConfiguration(), store.path(t)).rows());
    }
    return ExitCode.OK;
  }
}
