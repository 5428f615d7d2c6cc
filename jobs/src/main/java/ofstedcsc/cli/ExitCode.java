package ofstedcsc.cli;

/** Every command's exit codes, in one place; README (Exit codes) says when each is given. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  /** Nothing was written: the previous output is as it was. */
  public static final int BAD_INPUT = 2;
  public static final int USAGE = 64;
  /** sysexits' EX_TEMPFAIL: a scheduler may simply try again later. */
  public static final int BUSY = 75;

  static final String SUMMARY = String.join("\n",
      "Exit codes: " + OK + " success, " + FAILURE + " failure (a data check failed: output left as it was; fetch: a",
      "            report or the index was not fetched), " + BAD_INPUT + " bad input (nothing written),",
      "            " + USAGE + " usage error, " + BUSY
          + " another refresh is running on --output (nothing touched; try later).");

  private ExitCode() {}
}
