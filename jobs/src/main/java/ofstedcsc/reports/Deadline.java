package ofstedcsc.reports;

/** A point in time after which parsing gives up; checked wherever PDFBox reads bytes or glyphs. */
final class Deadline {
  static final Deadline NONE = new Deadline(Long.MAX_VALUE);

  private final long nanos;

  private Deadline(long nanos) {
    this.nanos = nanos;
  }

  static Deadline after(java.time.Duration limit) {
    return new Deadline(System.nanoTime() + limit.toNanos());
  }

  void check() {
    if (nanos != Long.MAX_VALUE && (System.nanoTime() - nanos > 0 || Thread.currentThread().isInterrupted())) {
      throw new TimedOut();
    }
  }

  /** Unchecked so that PDFBox's lenient parser, which swallows many IOExceptions, lets it through. */
  static final class TimedOut extends RuntimeException {
    TimedOut() {
      super("time limit reached", null, false, false);
    }
  }
}
