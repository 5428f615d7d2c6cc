package ofstedcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real national corpus, ingested once per test JVM for every integration test that needs it (ingest is the
 * costly part: 427 reports). Skipped where ../shared/corpus is absent, required when CI=true.
 */
public final class CorpusRun {
  private static Path output;

  private CorpusRun() {}

  /** The output directory holding the corpus's canonical tables and its marts as at {@code asOf}. */
  public static synchronized Path asOf(String asOf) {
    Path corpus = TestSpark.corpus();
    if ("true".equals(System.getenv("CI"))) {
      assertNotNull(corpus, "CI=true but ../shared/corpus is missing");
    }
    Assumptions.assumeTrue(corpus != null, "../shared/corpus is not on this machine");
    if (output == null) {
      try {
        output = Files.createTempDirectory("corpus-run");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      run("ingest", "--input", corpus.toString());
    }
    run("aggregate", "--as-of", asOf);
    return output;
  }

  private static void run(String command, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = command;
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--output";
    args[options.length + 2] = output.toString();
    long start = System.nanoTime();
    assertEquals(Main.OK, Main.execute(TestSpark.session(), Main.Options.parse(args)));
    System.out.printf("corpus %s: %.1f s%n", command, (System.nanoTime() - start) / 1e9);
  }
}
