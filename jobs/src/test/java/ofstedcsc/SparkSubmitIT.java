package ofstedcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, submitted through SparkSubmit in a JVM of its own, as spark-submit would run it. */
class SparkSubmitIT {
  private static final Path TARGET = TestSpark.projectRoot().resolve("jobs/target");

  @TempDir Path work;

  private int submit(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + TARGET.resolve("launcher/jvm.opts"),
        "-Dlog4j2.configurationFile=" + TARGET.resolve("launcher/log4j2.properties"),
        "-cp", Files.readString(TARGET.resolve("launcher/classpath.txt")).trim(),
        "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--class", "ofstedcsc.Main",
        TARGET.resolve("ofsted-jobs.jar").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("submit.log").toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish");
    return p.exitValue();
  }

  @Test
  void theJarRunsThePipelineUnderSparkSubmit() throws Exception {
    Path output = work.resolve("out");
    int code = submit("run", "--input", TestSpark.projectRoot().resolve("data/sample").toString(),
        "--output", output.toString(), "--as-of", "2026-11-25");
    String log = Files.readString(work.resolve("submit.log"));
    assertEquals(0, code, log);
    assertTrue(log.contains("improvement_episodes"), log);
    try (var parts = Files.list(output.resolve("judgements"))) {
      assertTrue(parts.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")));
    }
  }

  @Test
  void exitCodesTellBadInputFromUsageErrors() throws Exception {
    assertEquals(2, submit("ingest", "--input", work.resolve("nowhere").toString(), "--output",
        work.resolve("out").toString()));
    assertTrue(Files.readString(work.resolve("submit.log")).contains("input directory not found"));
    assertEquals(64, submit("frobnicate"));
  }
}
