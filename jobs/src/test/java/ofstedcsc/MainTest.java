package ofstedcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line before any Spark starts: help for every command, usage errors and bad input. */
class MainTest {

  private static String stdout(Runnable run) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String stderr(Runnable run) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setErr(original);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "refresh", "aggregate", "generate", "calibrate", "bench", "fetch"})
  void everyCommandAnswersHelp(String command) {
    int[] code = new int[1];
    String text = stdout(() -> code[0] = Main.execute(new String[] {command, "--help"}));
    assertEquals(Main.OK, code[0]);
    assertTrue(text.startsWith("Usage: ofsted <command> [options]"), text);
    assertTrue(text.contains("  " + command + " "), command + " is described");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run --nonsense", "generate --output", "generate --output x", "bench --sizes x",
      "bench --sizes", "aggregate --as-of 2024-13-01"})
  void aCommandLineThatCannotBeUnderstoodIsAUsageError(String line) {
    assertEquals(Main.USAGE, Main.execute(line.split(" ")));
  }

  @Test
  void exitCodesTellBadInputFromUsageErrors(@TempDir Path work) {
    // refresh checks its input before it starts Spark, so the bad-input path needs no session here.
    int[] code = new int[1];
    String missing = stderr(() -> code[0] = Main.execute(new String[] {"refresh", "--input",
        work.resolve("nowhere").toString(), "--output", work.resolve("out").toString()}));
    assertEquals(Main.BAD_INPUT, code[0]);
    assertTrue(missing.contains("ofsted: bad input: input directory not found"), missing);

    String unknown = stderr(() -> code[0] = Main.execute(new String[] {"frobnicate"}));
    assertEquals(Main.USAGE, code[0]);
    assertTrue(unknown.contains("unknown command: frobnicate"), unknown);
  }
}
