package ofstedcsc.reports;

/** A file over one of the parser's size bounds; reported as {@code too_large}. */
final class LimitExceeded extends RuntimeException {
  LimitExceeded(String message) {
    super(message, null, false, false);
  }
}
