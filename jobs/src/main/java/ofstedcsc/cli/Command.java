package ofstedcsc.cli;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** One verb of the command line: its help, its options, and what it does with them. */
public interface Command {
  String verb();

  /** What it does, for the list of commands; lines after the first are continuation lines. */
  String summary();

  /** Its options' help lines (Spark's --master and --progress are added for commands that use Spark). */
  String options();

  /** Whether it may start Spark: only then does it take --master and --progress. */
  default boolean spark() {
    return true;
  }

  /** Reads its options (an IllegalArgumentException is a usage error) and returns the work they describe. */
  Action parse(Arguments args);

  /** A command's work: gets Spark only when it needs it, and returns an exit code. */
  interface Action {
    int run(Supplier<SparkSession> spark);
  }
}
