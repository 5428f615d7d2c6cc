package ofstedcsc;

/** One line per finished stage, with the time since the run began, so a long run shows where it is. */
final class Progress {
  private final long start = System.nanoTime();

  void stage(String message) {
    System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
  }
}
