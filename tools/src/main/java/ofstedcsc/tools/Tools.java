package ofstedcsc.tools;

import java.util.ArrayList;
import java.util.List;
import ofstedcsc.bench.Bench;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.Command;
import ofstedcsc.synthetic.CalibrateCommand;
import ofstedcsc.synthetic.GenerateCommand;

/** The tools jar's entry point: the pipeline's verbs and the tools' (generate, calibrate, bench, compare). */
public final class Tools {
  private Tools() {}

  public static List<Command> commands() {
    List<Command> commands = new ArrayList<>(Cli.PIPELINE);
    commands.addAll(List.of(new GenerateCommand(), new CalibrateCommand(), new Bench(), new CompareCommand()));
    return commands;
  }

  public static void main(String[] args) {
    System.exit(new Cli(commands()).execute(args));
  }
}
