package ofstedcsc.synthetic;

import java.nio.file.Path;
import java.util.List;
import ofstedcsc.Progress;
import ofstedcsc.cli.Arguments;
import ofstedcsc.cli.Command;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;

/** {@code calibrate}: measures a real run's output into the files generate imitates. */
public final class CalibrateCommand extends Command {
  public CalibrateCommand() {
    super("calibrate",
        "measure the real corpus's output under --output into --calibration DIR\n"
            + "(default data/calibration), which generate imitates",
        String.join("\n",
            "  --output DIR         a run's output on the real corpus (required; for a refresh, its current)",
            "  --calibration DIR    where the calibration files go (default data/calibration)"),
        true);
  }

  @Override
  protected Action parse(Arguments args) {
    String output = args.required("--output", "DIR");
    String calibration = args.text("--calibration", "data/calibration");
    return spark -> {
      Progress progress = new Progress();
      TableStore store = new TableStore(spark.get(), output);
      for (Table t : List.of(Tables.JUDGEMENTS, Tables.INSPECTIONS, Tables.TRANSITION_MATRIX)) {
        if (!store.exists(t)) {
          System.err.println("ofsted: bad input: table " + t.name() + " not found under " + output
              + " (calibrate reads a run's output: for a refresh, its current directory)");
          return ExitCode.BAD_INPUT;
        }
      }
      Calibration.write(Calibration.measure(store), Path.of(calibration));
      progress.stage("calibrate", "calibrate wrote " + String.join(", ", Calibration.FILES) + " under "
          + calibration);
      return ExitCode.OK;
    };
  }
}
