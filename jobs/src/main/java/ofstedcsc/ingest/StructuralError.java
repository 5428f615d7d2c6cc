package ofstedcsc.ingest;

/** An input problem that makes the whole run meaningless: it stops the run before anything is written. */
public final class StructuralError extends RuntimeException {
  public StructuralError(String message) {
    super(message);
  }
}
