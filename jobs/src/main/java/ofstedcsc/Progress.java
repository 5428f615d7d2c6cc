package ofstedcsc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line per stage, with the time since the run began, so a long run shows where it is; a refresh also records each
 * stage's duration in its manifest.
 */
public final class Progress {
  private final long start = System.nanoTime();
  private long last = start;
  private final Map<String, Double> stages = new LinkedHashMap<>();

  /** A finished stage: prints the line and keeps the stage's duration under {@code name}. */
  public void stage(String name, String message) {
    long now = System.nanoTime();
    stages.merge(name, (now - last) / 1e9, Double::sum);
    last = now;
    note(message);
  }

  /** A line for the reader, such as the start of a long step; no stage ends. */
  public void note(String message) {
    System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
    System.out.flush();
  }

  public Map<String, Double> stages() {
    return new LinkedHashMap<>(stages);
  }
}
