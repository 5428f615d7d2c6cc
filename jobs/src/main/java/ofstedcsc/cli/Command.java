package ofstedcsc.cli;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** One verb of the command line: its help, its options, and what it does with them. */
public abstract class Command {
  private final String verb;
  private final String summary;
  private final String options;
  private final boolean spark;

  /**
   * @param summary what it does, for the list of commands; lines after the first are continuation lines
   * @param options its options' help lines (Spark's --master and --progress are added when it uses Spark)
   * @param spark whether it may start Spark: only then does it take --master and --progress
   */
  protected Command(String verb, String summary, String options, boolean spark) {
    this.verb = verb;
    this.summary = summary;
    this.options = options;
    this.spark = spark;
  }

  public final String verb() {
    return verb;
  }

  final String summary() {
    return summary;
  }

  final String options() {
    return options;
  }

  final boolean spark() {
    return spark;
  }

  /** Reads its options (an IllegalArgumentException is a usage error) and returns the work they describe. */
  protected abstract Action parse(Arguments args);

  /** A command's work: gets Spark only when it needs it, and returns an exit code. */
  public interface Action {
    int run(Supplier<SparkSession> spark);
  }
}
