package ofstedcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.TableStore;

/**
 * The embedded sample's output as at {@link #AS_OF}, made once per test JVM for every test that reads it, whatever
 * order they run in. Tests only read its tables (they may add files of their own beside them, such as report.html).
 */
public final class SampleRun {
  public static final String AS_OF = "2026-11-25";
  /** The default --published-by for {@link #AS_OF}: the last day of the month after it. */
  public static final String PUBLISHED_BY = "2026-12-31";
  private static Path output;

  private SampleRun() {}

  public static synchronized Path output() {
    if (output == null) {
      Path dir = TestSpark.projectRoot().resolve("jobs/target/test-sample-output");
      delete(dir);
      String sample = TestSpark.projectRoot().resolve("data/sample").toString();
      assertEquals(ExitCode.OK, new Cli(Cli.PIPELINE).execute(TestSpark.session(),
          "run", "--input", sample, "--output", dir.toString(), "--as-of", AS_OF));
      output = dir;
    }
    return output;
  }

  public static TableStore store() {
    return new TableStore(TestSpark.session(), output().toString());
  }

  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
