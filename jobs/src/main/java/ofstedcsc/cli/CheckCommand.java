package ofstedcsc.cli;

import ofstedcsc.quality.OutputChecks;

/** {@code check}: the declared data checks on a run's or a refresh's tables. */
final class CheckCommand extends Command {
  CheckCommand() {
    super("check",
        "the data checks (keys, nulls, values, references, reconciliation) on the tables under\n"
            + "--output (or --output/current): a line per check; exit 1 if any fails",
            OptionHelp.OUTPUT,
        true);
  }

  @Override
  protected Action parse(Arguments args) {
    String output = args.text("--output", "output");
    return spark -> OutputChecks.run(spark, output, System.out) ? ExitCode.OK : ExitCode.FAILURE;
  }
}
