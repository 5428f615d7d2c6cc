package ofstedcsc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line before any Spark starts: help for every command, usage errors and bad input. */
public class CliTest {
  private static final Cli CLI = new Cli(Cli.PIPELINE);

  /** What run printed on the stream it picks (System.out or System.err), with its exit code in code[0]. */
  public static String captured(boolean errors, int[] code, Runnable run) {
    PrintStream original = errors ? System.err : System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    if (errors) System.setErr(capture); else System.setOut(capture);
    try {
      run.run();
    } finally {
      if (errors) System.setErr(original); else System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theOverallHelpListsEveryVerbAndTheExitCodes() {
    int[] code = new int[1];
    for (String line : List.of("", "--help", "help")) {
      String text = captured(false, code, () -> code[0] = CLI.execute(line.isEmpty() ? new String[0]
          : new String[] {line}));
      assertEquals(ExitCode.OK, code[0]);
      assertTrue(text.startsWith("Usage: ofsted <command> [options]"), text);
      for (Command c : Cli.PIPELINE) {
        assertTrue(text.contains("\n  " + c.verb() + " "), c.verb() + " is listed");
      }
      assertTrue(text.contains("64 usage error, 75 another refresh"), text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "ingest", "aggregate", "refresh", "status", "check", "report", "export", "dictionary",
      "fetch"})
  void everyCommandShowsItsOwnOptions(String verb) {
    int[] code = new int[1];
    String text = captured(false, code, () -> code[0] = CLI.execute(verb, "--help"));
    assertEquals(ExitCode.OK, code[0]);
    assertTrue(text.startsWith("Usage: ofsted " + verb + " [options]"), text);
    assertEquals(List.of("run", "ingest", "refresh", "fetch").contains(verb), text.contains("--input DIR"), text);
    assertEquals(List.of("run", "aggregate", "refresh").contains(verb), text.contains("--published-by"), text);
    assertEquals(!List.of("status", "dictionary", "fetch").contains(verb), text.contains("--master URL"), text);
    assertEquals(verb.equals("refresh"), text.contains("--keep N"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run --nonsense", "aggregate --as-of 2024-13-01", "aggregate --input data/sample",
      "status --master local", "refresh --keep 0", "export --format pdf", "run --output",
      "run --as-of 2024-03-31 --published-by 2024-03-30", "fetch"})
  void aCommandLineThatCannotBeUnderstoodIsAUsageError(String line) {
    int[] code = new int[1];
    String text = captured(true, code, () -> code[0] = CLI.execute(line.split(" ")));
    assertEquals(ExitCode.USAGE, code[0]);
    assertTrue(text.contains("Try 'ofsted " + line.split(" ")[0] + " --help'."), text);
  }

  @Test
  void theLastOfARepeatedOptionCountsAndNothingElseIsLeft() {
    Arguments args = new Arguments("run", List.of("--output", "a", "--progress", "--output", "b"));
    assertEquals("b", args.text("--output", "output"));
    assertTrue(args.flag("--progress"));
    assertFalse(args.flag("--progress"));
    args.finish();
    assertEquals(-3, new Arguments("generate", List.of("--seed", "-3")).number("--seed", 1, Long.MIN_VALUE));
  }

  @Test
  void exitCodesTellBadInputFromUsageErrors(@TempDir Path work) {
    // refresh checks its input before it starts Spark, so the bad-input path needs no session here.
    int[] code = new int[1];
    String missing = captured(true, code, () -> code[0] = CLI.execute("refresh", "--input",
        work.resolve("nowhere").toString(), "--output", work.resolve("out").toString()));
    assertEquals(ExitCode.BAD_INPUT, code[0]);
    assertTrue(missing.contains("ofsted: bad input: input directory not found"), missing);

    String unknown = captured(true, code, () -> code[0] = CLI.execute("frobnicate"));
    assertEquals(ExitCode.USAGE, code[0]);
    assertTrue(unknown.contains("unknown command: frobnicate"), unknown);
  }
}
