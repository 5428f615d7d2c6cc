package ofstedcsc.cli;

/** The help line of every option that more than one command takes, written once. */
public final class OptionHelp {
  public static final String INPUT = "  --input DIR          raw inputs (default data/sample); layout in README.md";
  public static final String OUTPUT = "  --output DIR         where the Parquet tables go (default output)";
  public static final String MASTER =
      "  --master URL         Spark master (default local[*]; spark-submit's own --master also works)";
  public static final String PROGRESS = "  --progress           show Spark's console progress bar";
  public static final String HELP = "  --help               show this text";

  private OptionHelp() {}
}
