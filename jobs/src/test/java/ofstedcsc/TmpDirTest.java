package ofstedcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/ofsted-tmpdir, which bin/ofsted runs before starting the JVM: Spark's scratch left by a process that no longer
 * exists (killed with -9, so its shutdown hooks never ran) is removed; a live process's is not.
 */
class TmpDirTest {
  /** Above any Linux pid_max (at most 2^22): no process can have it. */
  private static final long DEAD = 2_147_483_646L;

  @Test
  void theScratchOfProcessesThatAreGoneIsRemovedAndALiveOnesKept(@TempDir Path tmp) throws Exception {
    int uid = (Integer) Files.getAttribute(tmp, "unix:uid");
    Path base = tmp.resolve("ofsted-" + uid);
    long live = ProcessHandle.current().pid();
    Files.createDirectories(base.resolve(DEAD + "/blockmgr-0f3c/0a"));
    Files.writeString(base.resolve(DEAD + "/blockmgr-0f3c/0a/shuffle_0_0_0.data"), "left by kill -9");
    Files.createDirectories(base.resolve(DEAD + "/spark-9b2e"));
    Files.createDirectories(base.resolve(live + "/spark-41d7"));
    Files.createDirectories(base.resolve("4242/spark-from-an-earlier-4242"));
    Files.writeString(base.resolve("ofsted.log"), "the log stays");

    ProcessBuilder run = new ProcessBuilder(TestSpark.projectRoot().resolve("bin/ofsted-tmpdir").toString(), "4242")
        .redirectErrorStream(true);
    run.environment().put("TMPDIR", tmp.toString());
    Process script = run.start();
    String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, script.waitFor(), out);

    assertEquals(base.resolve("4242") + "\n", out);
    assertEquals(Stream.of("4242", "ofsted.log", live + "", live + "/spark-41d7").sorted().toList(), listing(base));
    assertFalse(Files.exists(base.resolve(Long.toString(DEAD))));
    assertTrue(Files.isDirectory(base.resolve("4242")), "a fresh, empty directory for this process");
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
