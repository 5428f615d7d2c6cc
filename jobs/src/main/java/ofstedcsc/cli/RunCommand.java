package ofstedcsc.cli;

import java.util.List;
import java.util.Map;
import ofstedcsc.Progress;
import ofstedcsc.aggregate.AggregateJob;
import ofstedcsc.ingest.IngestJob;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.io.TableStore;
import ofstedcsc.pipeline.Pipeline;
import ofstedcsc.pipeline.Sizing;
import ofstedcsc.quality.DataChecks;
import ofstedcsc.quality.OutputChecks;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code run}, {@code ingest} and {@code aggregate}: the pipeline, or either of its halves, written into --output.
 * One class for the three because they are one body that stops or starts at the canonical tables.
 */
final class RunCommand extends Command {
  RunCommand(String verb) {
    super(verb, switch (verb) {
      case "run" -> "ingest, then aggregate (the usual command)";
      case "ingest" -> "read the raw inputs under --input, write the canonical tables under --output";
      default -> "read the canonical tables under --output, write the marts beside them";
    }, switch (verb) {
      case "run" -> String.join("\n", OptionHelp.INPUT, OptionHelp.OUTPUT, AsAt.HELP);
      case "ingest" -> String.join("\n", OptionHelp.INPUT, OptionHelp.OUTPUT);
      default -> String.join("\n", OptionHelp.OUTPUT, AsAt.HELP);
    }, true);
  }

  @Override
  protected Action parse(Arguments args) {
    String input = verb().equals("aggregate") ? null : args.text("--input", "data/sample");
    String output = args.text("--output", "output");
    AsAt asAt = verb().equals("ingest") ? null : AsAt.read(args);
    return spark -> run(spark.get(), input, output, asAt);
  }

  private int run(SparkSession spark, String input, String output, AsAt asAt) {
    Progress progress = new Progress();
    TableStore store = new TableStore(spark, output);
    Map<Table, Dataset<Row>> tables;
    if (verb().equals("aggregate")) {
      for (Table t : Tables.CANONICAL) {
        if (!store.exists(t)) {
          throw new StructuralError("canonical table " + t.name() + " not found under " + output
              + ": run 'ofsted ingest' first");
        }
      }
      Sizing.apply(spark, Sizing.bytes(store.hadoopConfiguration(), store.path(Tables.JUDGEMENTS)));
      tables = AggregateJob.build(store::read, asAt.asOf(), asAt.publishedBy());
    } else {
      IngestJob.Inputs inputs = IngestJob.locate(spark.sparkContext().hadoopConfiguration(), input);
      progress.stage("locate", "checked inputs in " + input);
      tables = verb().equals("ingest") ? Pipeline.canonical(spark, inputs, null)
          : Pipeline.tables(spark, inputs, null, asAt.asOf(), asAt.publishedBy());
    }
    TableStore.Staged staged = store.stage(tables);
    progress.stage(verb(), verb() + " wrote " + tables.size() + " tables"
        + (verb().equals("ingest") ? "" : ", the marts as at " + asAt.asOf()));
    List<DataChecks.Result> checks = DataChecks.run(spark, staged::read, staged.tables());
    progress.stage("check", "ran " + checks.size() + " data checks");
    List<DataChecks.Result> failed = DataChecks.failed(checks);
    if (!failed.isEmpty()) {
      String rejected = staged.setAside();
      System.out.print(OutputChecks.format(failed));
      System.err.println("ofsted: " + failed.size() + " of " + checks.size() + " data checks failed (above): "
          + output + " left as it was; the new tables are in " + rejected);
      return ExitCode.FAILURE;
    }
    staged.moveIntoPlace();
    if (tables.containsKey(Tables.INGEST_COUNTS)) {
      Summary.printIngestCounts(store);
    }
    Summary.printTables(store, output);
    return ExitCode.OK;
  }
}
