package ofstedcsc.cli;

import java.net.URI;
import java.nio.file.Path;
import ofstedcsc.fetch.Downloader;
import ofstedcsc.fetch.FetchJob;

/** {@code fetch}: brings an input directory up to date from the web (README, Fetching the inputs). */
final class FetchCommand extends Command {
  FetchCommand() {
    super("fetch",
        "bring --input (required) up to date from the web: the index from --index-url, then every\n"
            + "report it links that --input/reports lacks (no Spark; see README, Fetching the inputs)",
        String.join("\n",
            "  --input DIR          the input directory to bring up to date (required)",
            "  --index-url URL      the scraped index to fetch (default " + FetchJob.DEFAULT_INDEX_URL + ")"),
        false);
  }

  @Override
  protected Action parse(Arguments args) {
    // fetch writes into its directory: it never defaults to the sample under version control.
    Path input = Path.of(args.required("--input", "DIR"));
    URI index = URI.create(args.url("--index-url", FetchJob.DEFAULT_INDEX_URL));
    return spark -> FetchJob.run(input, index, Downloader.Settings.polite()) ? ExitCode.OK : ExitCode.FAILURE;
  }
}
