package ofstedcsc.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Debian's headless Chromium, driven from its command line: no npm, no WebDriver. */
final class Chromium {
  private Chromium() {}

  /** Skips where Chromium is absent, but fails under CI=true, where .ci/run installs it. */
  static void assumeInstalled() {
    boolean installed = binary() != null;
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(installed, "CI=true but chromium is not installed (.ci/run installs it)");
    }
    Assumptions.assumeTrue(installed, "chromium is not installed");
  }

  /** The DOM after the page's script ran, with {@code fragment} (the part after #) in the URL. */
  static String dumpDom(Path page, String fragment) {
    return run("--dump-dom", url(page, fragment));
  }

  static void screenshot(Path page, String fragment, Path png) {
    run("--window-size=1400,2000", "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), url(page, fragment));
  }

  private static String url(Path page, String fragment) {
    return page.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
  }

  private static String binary() {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(d -> Path.of(d, "chromium"))
        .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
  }

  private static String run(String... args) {
    Path profile = null;
    try {
      profile = Files.createTempDirectory("chromium-profile");
      List<String> command = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + profile));
      command.addAll(List.of(args));
      // Chromium logs D-Bus complaints on stderr in containers; only its exit code and stdout matter here.
      Process chromium = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
        chromium.destroyForcibly();
        throw new IllegalStateException("chromium did not finish within 60 s: " + command);
      }
      assertEquals(0, chromium.exitValue(), "chromium " + List.of(args));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
