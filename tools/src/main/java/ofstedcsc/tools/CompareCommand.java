package ofstedcsc.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import ofstedcsc.cli.Arguments;
import ofstedcsc.cli.Command;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** {@code compare}: two outputs table by table, for instance a run before and after a change (CompareOutputs). */
public final class CompareCommand extends Command {
  public CompareCommand() {
    super("compare",
        "whether two outputs hold the same rows, duplicates included, table by table: a line per\n"
            + "table with each side's rows and those only one side has; exit 1 if any differ",
        String.join("\n",
            "  --expected DIR       one output (required; for a refresh, its current directory)",
            "  --actual DIR         the other (required)"),
        true);
  }

  @Override
  protected Action parse(Arguments args) {
    String expected = args.required("--expected", "DIR");
    String actual = args.required("--actual", "DIR");
    return spark -> {
      SparkSession session = spark.get();
      for (String output : new String[] {expected, actual}) {
        if (!isDirectory(session, output)) {
          System.err.println("ofsted: bad input: no output directory " + output);
          return ExitCode.BAD_INPUT;
        }
      }
      return CompareOutputs.compare(session, Tables.all(), expected, actual, System.out)
          ? ExitCode.OK : ExitCode.FAILURE;
    };
  }

  private static boolean isDirectory(SparkSession spark, String dir) {
    Path path = new Path(dir);
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).isDirectory(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
