package ofstedcsc.tools;

import static ofstedcsc.cli.CliTest.captured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tools' command line: the pipeline's verbs and the tools', their help and their usage errors. */
class ToolsTest {
  private static final Cli CLI = new Cli(Tools.commands());

  @Test
  void theHelpListsThePipelinesVerbsAndTheTools() {
    int[] code = new int[1];
    String text = captured(false, code, () -> code[0] = CLI.execute("--help"));
    assertEquals(ExitCode.OK, code[0]);
    for (String verb : new String[] {"run", "refresh", "fetch", "generate", "calibrate", "bench", "compare"}) {
      assertTrue(text.contains("\n  " + verb + " "), verb + " is listed");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"generate", "calibrate", "bench", "compare"})
  void everyToolShowsItsOwnOptions(String verb) {
    int[] code = new int[1];
    String text = captured(false, code, () -> code[0] = CLI.execute(verb, "--help"));
    assertEquals(ExitCode.OK, code[0]);
    assertTrue(text.startsWith("Usage: ofsted " + verb + " [options]"), text);
    assertEquals(verb.equals("bench"), text.contains("--sizes"), text);
    assertEquals(verb.equals("generate"), text.contains("--authorities N"), text);
    assertEquals(verb.equals("compare"), text.contains("--expected DIR"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"generate --output", "generate --output x", "generate --output x --authorities 0",
      "generate --output x --authorities 5 --years 99999999999",
      "calibrate", "bench --sizes x", "bench --sizes", "bench --sizes 0", "bench --repeat 0", "bench --input x",
      "compare", "compare --expected x", "compare --actual x"})
  void aCommandLineThatCannotBeUnderstoodIsAUsageError(String line) {
    int[] code = new int[1];
    captured(true, code, () -> code[0] = CLI.execute(line.split(" ")));
    assertEquals(ExitCode.USAGE, code[0]);
  }
}
