package ofstedcsc.cli;

import java.util.List;
import ofstedcsc.publish.MartExport;

/** {@code export}: the marts as spreadsheets, for those who open them in Excel. */
final class ExportCommand extends Command {
  ExportCommand() {
    super("export",
        "write the marts under --output as spreadsheets in --output/export (see --format)",
        String.join("\n", OptionHelp.OUTPUT,
            "  --format csv|xlsx    one CSV per mart (default), or one workbook with a sheet per mart"),
        true);
  }

  @Override
  protected Action parse(Arguments args) {
    String output = args.text("--output", "output");
    String format = args.choice("--format", "csv", List.of("csv", "xlsx"));
    return spark -> {
      MartExport.write(spark.get(), output, format);
      return ExitCode.OK;
    };
  }
}
