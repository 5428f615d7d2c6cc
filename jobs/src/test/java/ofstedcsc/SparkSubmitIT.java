package ofstedcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import ofstedcsc.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cold spark-submit of the packaged jar: the shading, the launcher's classpath and flags, and Main under
 * SparkSubmit. Exit codes are CliTest's, in-process: a cold JVM each would cost minutes and check nothing more.
 */
class SparkSubmitIT {
  @TempDir Path work;

  @Test
  void theJarRunsThePipelineUnderSparkSubmit() throws Exception {
    Path output = work.resolve("out");
    Path log = work.resolve("submit.log");
    Process p = PackagedJar.submit("run", "--input", TestSpark.projectRoot().resolve("data/sample").toString(),
        "--output", output.toString(), "--as-of", "2026-11-25").redirectOutput(log.toFile()).start();
    // A safety net for a hung process, not a timing goal.
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish");
    String text = Files.readString(log);
    assertEquals(ExitCode.OK, p.exitValue(), text);
    assertTrue(text.contains("improvement_episodes"), text);
    try (var parts = Files.list(output.resolve("judgements"))) {
      assertTrue(parts.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")));
    }
  }

  @Test
  void theJarHoldsThePipelineAndNoneOfTheTools() throws Exception {
    try (JarFile jar = new JarFile(TestSpark.projectRoot().resolve("jobs/target/ofsted-jobs.jar").toFile())) {
      assertTrue(jar.getEntry("ofstedcsc/cli/Cli.class") != null);
      assertTrue(jar.getEntry("org/apache/pdfbox/pdmodel/PDDocument.class") != null, "PDFBox is bundled");
      List<String> tools = jar.stream().map(e -> e.getName())
          .filter(n -> n.startsWith("org/duckdb/") || n.startsWith("ofstedcsc/bench/")
              || n.startsWith("ofstedcsc/synthetic/") || n.startsWith("ofstedcsc/tools/") || n.startsWith("calibration/"))
          .toList();
      assertEquals(List.of(), tools);
    }
  }
}
