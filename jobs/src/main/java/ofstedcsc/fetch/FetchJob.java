package ofstedcsc.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import ofstedcsc.Progress;
import ofstedcsc.ingest.CsvLines;
import ofstedcsc.ingest.IndexStaging;
import ofstedcsc.ingest.ReportsStaging;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.reference.ReferenceTable;
import org.apache.hadoop.conf.Configuration;

/**
 * Brings an input directory up to date from the web: the scraped index, then every report it links that the
 * directory lacks, laid out as Ofsted's scrape lays them out ({@code reports/<urn>_<local_authority>/<pdf_filename>}),
 * which is how the ingest reads the corpus.
 *
 * <p>A report is present when some folder {@code reports/<urn>_*} holds a file named {@code pdf_filename} that is a
 * whole PDF: the URN and the file name (which carries the publication date) identify a report, and a folder renamed
 * with its authority does not cause a second download. A file of that name that is not a whole PDF (an HTML page
 * saved as .pdf, a truncated file) is fetched again and replaced only if the new download is good.
 */
public final class FetchJob {
  private FetchJob() {}

  /** The history CSV that Data to Insight's ILACS scrape tool publishes beside its summary page. */
  public static final String DEFAULT_INDEX_URL =
      "https://jt-39.github.io/ofsted-ilacs-scrape-tool/ofsted_csc_ilacs_history.csv";
  /** The index columns that locate a report, beyond those the ingest needs. */
  static final List<String> LINK_COLUMNS = List.of("urn", "local_authority", "inspection_link", "pdf_filename");

  /** A report that could not be fetched: its path under the directory, its link and why. */
  public record Failure(String report, String link, String reason) {}

  /** What a fetch did: index lines that name a report, and what became of each report. */
  public record Result(String index, int listed, List<String> skipped, List<String> fetched, int present,
      List<Failure> failed) {}

  /** A report the index lists: where it goes and where it comes from. */
  record Listed(String folder, String file, String urn, URI link) {}

  /**
   * Where a download may be redirected: Ofsted's own hosts and the index's. A report link that moves within them is
   * followed; one that leads anywhere else is a failure, so that a hijacked or mistaken link fetches nothing.
   */
  record Redirects(String indexHost) implements Downloader.Redirects {
    static final String OFSTED = "ofsted.gov.uk";

    @Override
    public boolean allowed(URI location) {
      String host = location.getHost() == null ? "" : location.getHost().toLowerCase(Locale.ROOT);
      return List.of("http", "https").contains(String.valueOf(location.getScheme()).toLowerCase(Locale.ROOT))
          && (host.equals(OFSTED) || host.endsWith("." + OFSTED) || host.equalsIgnoreCase(indexHost));
    }

    @Override
    public String toString() {
      return OFSTED + ", its subdomains and the index's host " + indexHost;
    }
  }

  /** Runs a fetch and prints its summary; false when anything failed. */
  public static boolean run(Path dir, URI indexUrl, Downloader.Settings settings) {
    try (Downloader downloader = new Downloader(settings)) {
      Result result = fetch(dir, indexUrl, downloader, new Progress());
      print(result, dir, System.out);
      return result.failed().isEmpty();
    } catch (Downloader.Failed e) {
      System.err.println("ofsted: fetch: the index " + indexUrl + " was not fetched: " + e.getMessage()
          + "; " + dir.resolve(IndexStaging.FILE) + " is as it was and no report was fetched");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("ofsted: fetch: interrupted; what was fetched is kept, nothing half-written is left");
      return false;
    }
  }

  /** Fetches the index (or throws, changing nothing), then the reports the directory lacks. */
  public static Result fetch(Path dir, URI indexUrl, Downloader downloader, Progress progress)
      throws Downloader.Failed, InterruptedException {
    try {
      Files.createDirectories(dir);
      Path index = dir.resolve(IndexStaging.FILE);
      Redirects redirects = new Redirects(indexUrl.getHost());
      String indexOutcome = fetchIndex(indexUrl, index, downloader, redirects);
      progress.note("index " + indexUrl + ": " + indexOutcome);
      List<String> skipped = new ArrayList<>();
      List<Failure> failed = new ArrayList<>();
      List<Listed> listed = listed(index, skipped, failed);
      Path reports = dir.resolve(ReportsStaging.DIR);
      List<String> fetched = new ArrayList<>();
      int present = 0;
      List<Listed> missing = new ArrayList<>();
      for (Listed r : listed) {
        if (existing(reports, r).map(FetchJob::pdfProblem).anyMatch(p -> p == null)) {
          present++;
        } else {
          missing.add(r);
        }
      }
      progress.note(listed.size() + " reports listed, " + present + " present, " + missing.size() + " to fetch");
      int lineFailures = failed.size();
      for (Listed r : missing) {
        // A bad file of the same name is replaced where it lies, so that the folder never holds two copies.
        Path target = existing(reports, r).findFirst().orElse(reports.resolve(r.folder()).resolve(r.file()));
        String name = dir.relativize(target).toString();
        try {
          folder(target.getParent());
          downloader.download(r.link(), target, redirects, FetchJob::pdfProblem);
          fetched.add(name);
          progress.note("fetched " + name + " (" + (fetched.size() + failed.size() - lineFailures) + "/"
              + missing.size() + ")");
        } catch (Downloader.Failed e) {
          failed.add(new Failure(name, r.link().toString(), e.getMessage()));
          progress.note("failed  " + name + ": " + e.getMessage());
        }
      }
      return new Result(indexOutcome, listed.size(), skipped, fetched, present, failed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report's folder; one the file system refuses (a name too long, say) fails that report alone. */
  private static void folder(Path dir) throws Downloader.Failed {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new Downloader.Failed("cannot create its folder: " + Downloader.reason(e));
    }
  }

  /** Downloads the index beside the current one and swaps it in atomically once its header checks out. */
  private static String fetchIndex(URI url, Path index, Downloader downloader, Redirects redirects)
      throws Downloader.Failed, InterruptedException, IOException {
    Path fresh = index.resolveSibling("." + index.getFileName() + ".new");
    try {
      downloader.download(url, fresh, redirects, FetchJob::indexProblem);
      if (Files.exists(index) && Files.mismatch(fresh, index) == -1) {
        return "unchanged";
      }
      Files.move(fresh, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return "updated " + index;
    } finally {
      Files.deleteIfExists(fresh);
    }
  }

  /** The index is what the ingest reads: a CSV whose header has its required columns, and the links. */
  static String indexProblem(Path file) {
    List<String> required = new ArrayList<>(IndexStaging.requiredColumns());
    LINK_COLUMNS.stream().filter(c -> !required.contains(c)).forEach(required::add);
    try {
      CsvLines.header(new Configuration(), file.toAbsolutePath().toString(), "the index", required);
      return null;
    } catch (StructuralError e) {
      return e.getMessage().replace(file.toAbsolutePath().toString(), "").replace("  ", " ");
    }
  }

  /**
   * The reports the index lists, once each; lines that cannot name a safe path and a link are skipped, and a line that
   * is not UTF-8 is a failure: its report, if it names one, cannot be told apart from a mangled name.
   */
  static List<Listed> listed(Path index, List<String> skipped, List<Failure> failed) throws IOException {
    List<byte[]> lines = lines(Files.readAllBytes(index));
    // The header passed the index check: its required names are ASCII whatever else it holds.
    List<String> header = ReferenceTable.splitCsvLine(new String(lines.get(0), StandardCharsets.UTF_8)
            .replace("\uFEFF", "")).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    Map<String, Listed> byKey = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String where = IndexStaging.FILE + ":" + (i + 1);
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
      ByteBuffer bytes = ByteBuffer.wrap(lines.get(i));
      CharBuffer text = CharBuffer.allocate(bytes.remaining());
      if (utf8.decode(bytes, text, true).isError()) {
        failed.add(new Failure(where, "", String.format("not UTF-8 (byte 0x%02X at byte %d of the line)",
            bytes.get(bytes.position()), bytes.position() + 1)));
        continue;
      }
      String line = text.flip().toString();
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = ReferenceTable.splitCsvLine(line);
      if (cells.size() != header.size()) {
        skipped.add(where + ": " + cells.size() + " fields, the header has " + header.size());
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (String c : LINK_COLUMNS) {
        row.put(c, cells.get(header.indexOf(c)).trim());
      }
      String urn = row.get("urn");
      String folder = urn + "_" + row.get("local_authority");
      String file = row.get("pdf_filename");
      URI link;
      try {
        link = URI.create(row.get("inspection_link"));
      } catch (IllegalArgumentException e) {
        link = null;
      }
      if (link == null || !List.of("http", "https").contains(String.valueOf(link.getScheme()).toLowerCase())) {
        skipped.add(where + ": no http(s) inspection_link");
      } else if (urn.isEmpty() || !safeName(folder) || !safeName(file)
          || !file.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
        skipped.add(where + ": no usable urn, local_authority or pdf_filename for a path");
      } else {
        byKey.putIfAbsent(urn + "/" + file, new Listed(folder, file, urn, link));
      }
    }
    return new ArrayList<>(byKey.values());
  }

  /** The file's lines as bytes, without their CR LF or LF: '\n' never occurs inside a UTF-8 sequence. */
  private static List<byte[]> lines(byte[] file) {
    List<byte[]> lines = new ArrayList<>();
    int from = 0;
    while (from < file.length) {
      int to = from;
      while (to < file.length && file[to] != '\n') to++;
      int end = to > from && file[to - 1] == '\r' ? to - 1 : to;
      lines.add(Arrays.copyOfRange(file, from, end));
      from = to + 1;
    }
    return lines;
  }

  /** One plain name: no separators, not hidden (the ingest skips hidden names), so never outside reports/. */
  private static boolean safeName(String name) {
    return !name.isBlank() && !name.startsWith(".") && !name.startsWith("_")
        && name.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20);
  }

  /** Files named as the report in any folder of its URN. */
  private static Stream<Path> existing(Path reports, Listed r) throws IOException {
    if (!Files.isDirectory(reports)) {
      return Stream.empty();
    }
    try (Stream<Path> folders = Files.list(reports)) {
      return folders.filter(f -> f.getFileName().toString().startsWith(r.urn() + "_"))
          .map(f -> f.resolve(r.file())).filter(Files::isRegularFile).toList().stream();
    }
  }

  private static final byte[] PDF_START = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  /** PDF readers look for the end-of-file marker within the last KiB. */
  private static final int TAIL = 1024;

  /**
   * A whole PDF starts with "%PDF-" and has "%%EOF" in its last KiB: an HTML error page saved under a report's name
   * fails the first test, and a body cut short without a Content-Length fails the second.
   */
  static String pdfProblem(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(PDF_START.length);
      if (!Arrays.equals(start, PDF_START)) {
        String begins = (new String(start, StandardCharsets.ISO_8859_1)
            + new String(in.readNBytes(80), StandardCharsets.ISO_8859_1)).replaceAll("\\s+", " ").trim();
        return "not a PDF (it begins '" + begins.substring(0, Math.min(40, begins.length())) + "')";
      }
      long size = Files.size(file);
      in.skipNBytes(Math.max(0, size - TAIL - PDF_START.length));
      byte[] tail = in.readAllBytes();
      for (int i = tail.length - PDF_END.length; i >= 0; i--) {
        if (Arrays.equals(tail, i, i + PDF_END.length, PDF_END, 0, PDF_END.length)) {
          return null;
        }
      }
      return "not a whole PDF (no %%EOF at its end: truncated?)";
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  static void print(Result r, Path dir, PrintStream out) {
    out.println("Fetched into " + dir + ":");
    out.printf("  index     %s%n", r.index());
    out.printf("  listed    %6d reports%n", r.listed());
    out.printf("  present   %6d%n", r.present());
    out.printf("  fetched   %6d%n", r.fetched().size());
    out.printf("  failed    %6d%n", r.failed().size());
    for (Failure f : r.failed()) {
      out.printf("    %s%s: %s%n", f.report(), f.link().isEmpty() ? "" : " <" + f.link() + ">", f.reason());
    }
    if (!r.skipped().isEmpty()) {
      out.printf("  skipped   %6d index lines that name no report:%n", r.skipped().size());
      r.skipped().forEach(s -> out.println("    " + s));
    }
  }
}
