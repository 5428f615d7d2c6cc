package ofstedcsc.cli;

import ofstedcsc.Progress;
import ofstedcsc.refresh.RefreshJob;
import ofstedcsc.refresh.RunManifest;

/** {@code refresh}: the scheduled run, published atomically as --output/current (README, Scheduled refreshes). */
final class RefreshCommand extends Command {
  RefreshCommand() {
    super("refresh",
        "the scheduled run: ingest and aggregate what changed under --input, then publish every table\n"
            + "at once as --output/current/<table> (see README, Scheduled refreshes)",
        String.join("\n", OptionHelp.INPUT, OptionHelp.OUTPUT, AsAt.HELP,
            "  --keep N             complete versions to keep, current included (default 3)"),
        true);
  }

  @Override
  protected Action parse(Arguments args) {
    String input = args.text("--input", "data/sample");
    String output = args.text("--output", "output");
    AsAt asAt = AsAt.read(args);
    int keep = args.count("--keep", 3);
    return spark -> {
      RunManifest manifest = RefreshJob.run(new RefreshJob.Settings(input, output, asAt.asOf(), asAt.publishedBy(),
          keep), spark, new Progress());
      Summary.printRefresh(manifest, output);
      return manifest.outcome().equals(RunManifest.REJECTED) ? ExitCode.FAILURE : ExitCode.OK;
    };
  }
}
