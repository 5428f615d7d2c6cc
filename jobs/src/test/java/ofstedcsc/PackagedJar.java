package ofstedcsc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar, submitted through SparkSubmit in a JVM of its own, as spark-submit would run it. */
public final class PackagedJar {
  private static final Path TARGET = TestSpark.projectRoot().resolve("jobs/target");

  private PackagedJar() {}

  /** A process builder for {@code ofsted ARGS} on the launcher's classpath and JVM flags, output and errors merged. */
  public static ProcessBuilder submit(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "@" + TARGET.resolve("launcher/jvm.opts"),
          "-Dlog4j2.configurationFile=" + TARGET.resolve("launcher/log4j2.properties"),
          "-cp", Files.readString(TARGET.resolve("launcher/classpath.txt")).trim(),
          "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--class", "ofstedcsc.Main",
          TARGET.resolve("ofsted-jobs.jar").toString()));
      command.addAll(List.of(args));
      return new ProcessBuilder(command).redirectErrorStream(true);
    } catch (IOException e) {
      throw new UncheckedIOException("run 'mvn package' first: the launcher files are missing", e);
    }
  }
}
