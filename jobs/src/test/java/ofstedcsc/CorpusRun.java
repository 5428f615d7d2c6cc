package ofstedcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.junit.jupiter.api.Assumptions;

/**
 * The real national corpus, ingested once per test JVM for every integration test that needs it (ingest is the
 * costly part: 427 reports), and aggregated once per as-at date into a directory of that date's own, so no test sees
 * marts another one made. Skipped where ../shared/corpus is absent, required when CI=true.
 */
public final class CorpusRun {
  private static Path canonical;
  private static final Map<String, Path> byDate = new HashMap<>();

  private CorpusRun() {}

  /** The output directory holding the corpus's canonical tables and its marts as at {@code asOf}. */
  public static synchronized Path asOf(String asOf) {
    Path corpus = TestSpark.corpus();
    if ("true".equals(System.getenv("CI"))) {
      assertNotNull(corpus, "CI=true but ../shared/corpus is missing");
    }
    Assumptions.assumeTrue(corpus != null, "../shared/corpus is not on this machine");
    try {
      if (canonical == null) {
        Path dir = Files.createTempDirectory("corpus-canonical");
        run("ingest", dir, "--input", corpus.toString());
        canonical = dir;
      }
      if (!byDate.containsKey(asOf)) {
        Path dir = Files.createTempDirectory("corpus-" + asOf);
        for (Table t : Tables.CANONICAL) {
          Files.createSymbolicLink(dir.resolve(t.name()), canonical.resolve(t.name()));
        }
        run("aggregate", dir, "--as-of", asOf);
        byDate.put(asOf, dir);
      }
      return byDate.get(asOf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(String command, Path output, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = command;
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--output";
    args[options.length + 2] = output.toString();
    long start = System.nanoTime();
    assertEquals(ExitCode.OK, new Cli(Cli.PIPELINE).execute(TestSpark.session(), args));
    System.out.printf("corpus %s: %.1f s%n", command, (System.nanoTime() - start) / 1e9);
  }
}
