package ofstedcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jar on a Spark standalone cluster (a master and two workers on 127.0.0.1, started by bin/cluster from the
 * Maven-resolved jars): executors on both workers do the work, the output equals local mode's, and every process the
 * script started is gone afterwards.
 */
class ClusterIT {
  @TempDir Path state;

  @Test
  void theSampleRunsOnAStandaloneClusterAsInLocalMode() throws Exception {
    ProcessBuilder check = new ProcessBuilder(TestSpark.projectRoot().resolve("bin/cluster").toString(), "check")
        .redirectErrorStream(true).redirectOutput(state.resolve("check.log").toFile());
    check.environment().put("OFSTED_CLUSTER_DIR", state.resolve("cluster").toString());
    // Any free ports: the check must not clash with a cluster or UI already running on this machine.
    check.environment().put("OFSTED_CLUSTER_PORT", "0");
    check.environment().put("OFSTED_CLUSTER_UI_PORT", "0");
    check.environment().put("OFSTED_MEMORY", "2g");
    Process p = check.start();
    assertTrue(p.waitFor(45, TimeUnit.MINUTES), "bin/cluster check did not finish");
    String log = Files.readString(state.resolve("check.log"));
    assertEquals(0, p.exitValue(), log);

    for (String worker : List.of("worker-1", "worker-2")) {
      Matcher tasks = Pattern.compile("executors on " + worker + " finished (\\d+) tasks").matcher(log);
      assertTrue(tasks.find(), log);
      assertTrue(Integer.parseInt(tasks.group(1)) > 0, log);
    }
    for (String table : List.of("judgements", "improvement_episodes", "standing")) {
      Matcher counts = Pattern.compile("(?m)^" + table + " +(\\d+) +(\\d+) +0 +0$").matcher(log);
      assertTrue(counts.find(), table + ": " + log);
      assertEquals(counts.group(1), counts.group(2));
      assertTrue(Long.parseLong(counts.group(1)) > 0, table + " is empty: " + log);
    }
    assertTrue(log.contains("same rows in every table"), log);

    // Every process of this cluster (master, workers, and the executors they launched) has stopped.
    Matcher started = Pattern.compile("started (master|worker-\\d), pid (\\d+)").matcher(log);
    int daemons = 0;
    for (; started.find(); daemons++) {
      long pid = Long.parseLong(started.group(2));
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), started.group(1) + " still runs");
    }
    assertEquals(3, daemons, log);
    String cluster = state.resolve("cluster").toString();
    assertTrue(ProcessHandle.allProcesses().noneMatch(ph -> ph.info().commandLine()
        .map(c -> c.contains(cluster)).orElse(false)), "a process of the cluster is still running");
  }
}
