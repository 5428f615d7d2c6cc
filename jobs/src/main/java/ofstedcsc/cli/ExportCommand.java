package ofstedcsc.cli;

import java.util.List;
import ofstedcsc.publish.MartExport;

/** {@code export}: the marts as spreadsheets, for those who open them in Excel. */
final class ExportCommand implements Command {
  @Override
  public String verb() {
    return "export";
  }

  @Override
  public String summary() {
    return "write the marts under --output as spreadsheets in --output/export (see --format)";
  }

  @Override
  public String options() {
    return String.join("\n", OptionHelp.OUTPUT,
        "  --format csv|xlsx    one CSV per mart (default), or one workbook with a sheet per mart");
  }

  @Override
  public Action parse(Arguments args) {
    String output = args.text("--output", "output");
    String format = args.choice("--format", "csv", List.of("csv", "xlsx"));
    return spark -> {
      MartExport.write(spark.get(), output, format);
      return ExitCode.OK;
    };
  }
}
