package ofstedcsc.cli;

import ofstedcsc.refresh.Status;

/** {@code status}: the latest refreshes, and whether current still matches its manifest. */
final class StatusCommand extends Command {
  StatusCommand() {
    super("status",
        "the latest refreshes under --output, and a check of current against its manifest",
        String.join("\n", OptionHelp.OUTPUT,
            "  --runs N             how many runs to list (default 10)"),
        false);
  }

  @Override
  protected Action parse(Arguments args) {
    String output = args.text("--output", "output");
    int runs = args.count("--runs", 10);
    return spark -> Status.print(output, runs, System.out) ? ExitCode.OK : ExitCode.FAILURE;
  }
}
