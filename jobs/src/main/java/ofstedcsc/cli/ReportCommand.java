package ofstedcsc.cli;

import java.time.LocalDate;
import ofstedcsc.publish.ReportPage;

/** {@code report}: the HTML page of every authority's latest grades. */
final class ReportCommand extends Command {
  ReportCommand() {
    super("report",
        "write report.html under --output: every authority's latest grades, from the marts there",
        String.join("\n", OptionHelp.OUTPUT,
            "  --as-of YYYY-MM-DD   the day 'days since published' counts to (default today; not before the",
            "                       marts' as-at date)"),
        true);
  }

  @Override
  protected Action parse(Arguments args) {
    String output = args.text("--output", "output");
    LocalDate asOf = args.date("--as-of", LocalDate.now());
    return spark -> {
      ReportPage.write(spark.get(), output, asOf);
      return ExitCode.OK;
    };
  }
}
