package ofstedcsc.fetch;

import static ofstedcsc.fetch.FaultyServer.chunked;
import static ofstedcsc.fetch.FaultyServer.file;
import static ofstedcsc.fetch.FaultyServer.html;
import static ofstedcsc.fetch.FaultyServer.inTurn;
import static ofstedcsc.fetch.FaultyServer.redirect;
import static ofstedcsc.fetch.FaultyServer.slow;
import static ofstedcsc.fetch.FaultyServer.status;
import static ofstedcsc.fetch.FaultyServer.trickle;
import static ofstedcsc.fetch.FaultyServer.truncated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ofstedcsc.Progress;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.ingest.ReportsStaging;
import ofstedcsc.reports.ReportParser;
import org.apache.hadoop.conf.Configuration;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch against a local server that injects faults: what lands under the directory, and what never does. */
class FetchJobTest {
  private static final String HEADER = "urn,local_authority,inspection_link,pdf_filename,publication_date,"
      + "inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,"
      + "impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";
  private static final String KIRKLEES = "80478_kirklees";
  private static final String AUG_2024 = "children's services inspection - 28 august 2024.pdf";
  private static final String AUG_2019 = "children's services inspection - 05 august 2019.pdf";
  private static final String NOV_2016 = "children's services inspection - 25 november 2016.pdf";

  /** Fast settings: failures cost milliseconds, a time-out 700 ms; bodies up to 1 MiB. */
  private static final Downloader.Settings QUICK =
      new Downloader.Settings(Duration.ofSeconds(2), Duration.ofMillis(700), 3, Duration.ofMillis(20), Duration.ZERO,
          1 << 20);

  @TempDir Path temp;
  /** A directory whose name has a space and an apostrophe, as the corpus's names do. */
  private Path dir;
  private FaultyServer server;
  private final byte[] report2024 = pdf("Kirklees 2024", 3);
  private final byte[] report2019 = pdf("Kirklees 2019", 3);
  private final byte[] report2016 = pdf("Kirklees 2016", 3);

  @BeforeEach
  void start() throws IOException {
    dir = temp.resolve("input dir's");
    server = new FaultyServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fetchesTheIndexAndTheReportsTheDirectoryLacksWhereTheIngestReadsThem() throws Exception {
    byte[] index = serveIndex(line(AUG_2024, "/file/1"), line(AUG_2019, "/file/2"), line(NOV_2016, "/file/3"));
    server.answer("/file/1", file(report2024)).answer("/file/2", file(report2019)).answer("/file/3", file(report2016));
    write(KIRKLEES + "/" + AUG_2019, report2019);

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(report(AUG_2024), report(NOV_2016)), result.fetched());
    assertEquals(1, result.present());
    assertEquals(List.of(), result.failed());
    assertEquals(0, server.count("/file/2"), "a report already present is not asked for");
    assertArrayEquals(index, Files.readAllBytes(dir.resolve("ofsted_csc_ilacs_history.csv")));
    assertArrayEquals(report2024, read(AUG_2024));
    assertArrayEquals(report2016, read(NOV_2016));
    // The ingest's own listing finds exactly the three reports, nothing hidden or partial.
    assertEquals(List.of(AUG_2019, NOV_2016, AUG_2024), ReportsStaging.list(new Configuration(),
        dir.resolve("reports").toString()).stream().map(f -> f.getPath().getName()).sorted().toList());
    assertEquals(List.of("ofsted_csc_ilacs_history.csv", report(AUG_2019), report(NOV_2016), report(AUG_2024)),
        files());

    FetchJob.Result again = fetch(QUICK);
    assertEquals("unchanged", again.index());
    assertEquals(3, again.present());
    assertEquals(List.of(), again.fetched());
    assertEquals(1, server.count("/file/1"));
  }

  @Test
  void retriesServerErrorsThenSucceeds() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", inTurn(List.of(status(500), status(503)), file(report2024)));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(report(AUG_2024)), result.fetched());
    assertEquals(3, server.count("/file/1"));
    assertArrayEquals(report2024, read(AUG_2024));
  }

  @Test
  void givesUpAfterItsAttemptsAndLeavesNoFile() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"), line(AUG_2019, "/file/2"));
    server.answer("/file/1", status(500)).answer("/file/2", file(report2019));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(3, server.count("/file/1"));
    assertEquals(List.of(new FetchJob.Failure(report(AUG_2024), server.uri("/file/1").toString(),
        "HTTP 500 (3 attempts)")), result.failed());
    assertEquals(List.of(report(AUG_2019)), result.fetched());
    assertEquals(List.of("ofsted_csc_ilacs_history.csv", report(AUG_2019)), files());
  }

  @Test
  void aMissingFileIsNotRetried() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", status(404));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(1, server.count("/file/1"));
    assertEquals("HTTP 404", result.failed().get(0).reason());
    assertEquals(List.of("ofsted_csc_ilacs_history.csv"), files());
  }

  @Test
  void anHtmlPageIsNeverSavedAsAReport() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", html());

    FetchJob.Result result = fetch(QUICK);

    assertEquals(1, server.count("/file/1"), "a whole body that is no PDF is not asked for again");
    assertEquals("not a PDF (it begins '<!DOCTYPE html> <html lang=\"en\"><head><t')",
        result.failed().get(0).reason());
    assertEquals(List.of("ofsted_csc_ilacs_history.csv"), files());
  }

  @Test
  void anHtmlPageSavedAsAReportIsReplacedByTheReport() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", file(report2024));
    write(KIRKLEES + "/" + AUG_2024, "<!DOCTYPE html><html><body>Error</body></html>".getBytes(StandardCharsets.UTF_8));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(0, result.present());
    assertEquals(List.of(report(AUG_2024)), result.fetched());
    assertArrayEquals(report2024, read(AUG_2024));
  }

  @Test
  void aSlowResponseTimesOutAndIsAskedForAgain() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", inTurn(List.of(slow(3_000, file(report2024))), file(report2024)));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(report(AUG_2024)), result.fetched());
    assertEquals(2, server.count("/file/1"));
    assertArrayEquals(report2024, read(AUG_2024));
  }

  @Test
  void aBodyThatTricklesPastTheTimeOutFailsAndLeavesNoFile() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", trickle(report2024, 50));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(3, server.count("/file/1"));
    assertEquals("not complete within 700 ms (3 attempts)", result.failed().get(0).reason());
    assertEquals(List.of("ofsted_csc_ilacs_history.csv"), files());
  }

  @Test
  void aTruncatedBodyIsResumedWithARangeRequest() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    int half = report2024.length / 2;
    server.answer("/file/1", inTurn(List.of(truncated(report2024, half)), file(report2024, true)));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(report(AUG_2024)), result.fetched());
    assertEquals(List.of("bytes=" + half + "-"), ranges("/file/1"));
    assertArrayEquals(report2024, read(AUG_2024));
  }

  @Test
  void aServerThatCannotResumeSendsTheWholeFileAgain() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", inTurn(List.of(truncated(report2024, 1000)), file(report2024, false)));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(report(AUG_2024)), result.fetched());
    assertEquals(List.of("bytes=1000-"), ranges("/file/1"));
    assertArrayEquals(report2024, read(AUG_2024));
  }

  @Test
  void aBodyAlwaysCutShortFailsAndLeavesNoFile() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", truncated(report2024, 1000));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(3, server.count("/file/1"));
    assertTrue(result.failed().get(0).reason().matches("(truncated: 1000|broken off at byte 1000) of "
        + report2024.length + ".*\\(3 attempts\\)"),
        result.failed().get(0).reason());
    assertEquals(List.of("ofsted_csc_ilacs_history.csv"), files());
  }

  @Test
  void aPartialFileLeftByAKilledFetchIsResumed() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"));
    server.answer("/file/1", file(report2024));
    write(KIRKLEES + "/." + AUG_2024 + ".part", java.util.Arrays.copyOf(report2024, 1500));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(report(AUG_2024)), result.fetched());
    assertEquals(List.of("bytes=1500-"), ranges("/file/1"));
    assertArrayEquals(report2024, read(AUG_2024));
    assertEquals(List.of("ofsted_csc_ilacs_history.csv", report(AUG_2024)), files());
  }

  @Test
  void anIndexThatIsNotTheIndexChangesNothing() throws Exception {
    byte[] before = (HEADER + "\n" + line(AUG_2024, "/file/1") + "\n").getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(dir);
    Files.write(dir.resolve("ofsted_csc_ilacs_history.csv"), before);
    server.answer("/index.csv", html());

    Downloader.Failed html = assertThrows(Downloader.Failed.class, () -> fetch(QUICK));
    assertTrue(html.getMessage().startsWith("the index lacks required column(s) urn, publication_date"),
        html.getMessage());

    server.answer("/index.csv", file(HEADER.replace(",pdf_filename", "").getBytes(StandardCharsets.UTF_8)));
    Downloader.Failed noFileNames = assertThrows(Downloader.Failed.class, () -> fetch(QUICK));
    assertTrue(noFileNames.getMessage().startsWith("the index lacks required column(s) pdf_filename"),
        noFileNames.getMessage());

    assertArrayEquals(before, Files.readAllBytes(dir.resolve("ofsted_csc_ilacs_history.csv")));
    assertEquals(0, server.count("/file/1"));
    assertEquals(List.of("ofsted_csc_ilacs_history.csv"), files());
  }

  @Test
  void indexLinesThatNameNoSafePathAreSkipped() throws Exception {
    serveIndex(line("../../../escaped.pdf", "/file/1"), "80478,kirklees,,x.pdf,,,,,,,,,,,1",
        "80478,kirklees,/file/1,x.pdf,,,,,,,,,,,1", "80478,kirklees,short line", line(AUG_2024, "/file/2"));
    server.answer("/file/2", file(report2024));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(
        "ofsted_csc_ilacs_history.csv:2: no usable urn, local_authority or pdf_filename for a path",
        "ofsted_csc_ilacs_history.csv:3: no http(s) inspection_link",
        "ofsted_csc_ilacs_history.csv:4: no http(s) inspection_link",
        "ofsted_csc_ilacs_history.csv:5: 3 fields, the header has 15"), result.skipped());
    assertEquals(1, result.listed());
    assertEquals(0, server.count("/file/1"));
    assertEquals(List.of(report(AUG_2024)), result.fetched());
    assertFalse(Files.exists(dir.resolve("escaped.pdf")));
  }

  @Test
  void requestsStartNoCloserThanTheInterval() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"), line(AUG_2019, "/file/2"));
    server.answer("/file/1", inTurn(List.of(status(500)), file(report2024))).answer("/file/2", file(report2019));
    Duration interval = Duration.ofMillis(300);
    long before = System.nanoTime();

    fetch(new Downloader.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ZERO, interval, 1 << 20));

    assertEquals(4, server.requests.size());
    // The server stamps a request when it gets round to it, never before the client sent it, so request i is
    // stamped at least i intervals after the fetch began however busy the machine is. Gaps between the server's
    // stamps would not do: a late first stamp shortens the next gap (CI saw 243 ms against 300).
    for (int i = 1; i < server.requests.size(); i++) {
      long since = server.requests.get(i).nanos() - before;
      assertTrue(since >= i * interval.toNanos(), "request " + i + " at " + since / 1_000_000 + " ms");
    }
  }

  @Test
  void theCommandExitsWithOneWhenAReportWasNotFetched() throws Exception {
    serveIndex(line(AUG_2024, "/file/1"), line(AUG_2019, "/file/2"));
    server.answer("/file/1", file(report2024)).answer("/file/2", status(404));
    String[] args = {"fetch", "--input", dir.toString(), "--index-url", server.uri("/index.csv").toString()};

    assertEquals(ExitCode.FAILURE, new Cli(Cli.PIPELINE).execute(args));
    assertArrayEquals(report2024, read(AUG_2024));

    server.answer("/file/2", file(report2019));
    assertEquals(ExitCode.OK, new Cli(Cli.PIPELINE).execute(args));
    assertArrayEquals(report2019, read(AUG_2019));

    assertEquals(ExitCode.USAGE, new Cli(Cli.PIPELINE).execute("fetch"), "fetch never defaults to the sample");
    assertEquals(ExitCode.USAGE, new Cli(Cli.PIPELINE).execute("fetch", "--input", dir.toString(), "--index-url", "x"));
  }

  @Test
  void anIndexLineThatIsNotUtf8IsOneFailureAndEveryOtherReportIsFetched() throws Exception {
    String latin1 = line(AUG_2019, "/file/2").replace("A Inspector", "Zo\u00eb Inspector");
    byte[] index = concat((HEADER + "\n" + line(AUG_2024, "/file/1") + "\n").getBytes(StandardCharsets.UTF_8),
        latin1.getBytes(StandardCharsets.ISO_8859_1),
        ("\n" + line(NOV_2016, "/file/3") + "\n").getBytes(StandardCharsets.UTF_8));
    server.answer("/index.csv", file(index));
    server.answer("/file/1", file(report2024)).answer("/file/2", file(report2019)).answer("/file/3", file(report2016));

    FetchJob.Result result = fetch(QUICK);

    int at = latin1.indexOf('\u00eb') + 1;
    assertEquals(List.of(new FetchJob.Failure("ofsted_csc_ilacs_history.csv:3", "",
        "not UTF-8 (byte 0xEB at byte " + at + " of the line)")), result.failed());
    assertEquals(List.of(report(AUG_2024), report(NOV_2016)), result.fetched());
    assertEquals(0, server.count("/file/2"));
    assertArrayEquals(index, Files.readAllBytes(dir.resolve("ofsted_csc_ilacs_history.csv")),
        "the index is swapped in: the ingest quarantines the line itself");
    assertEquals("    ofsted_csc_ilacs_history.csv:3: not UTF-8 (byte 0xEB at byte " + at + " of the line)",
        summary(result).lines().filter(l -> l.contains(":3")).findFirst().orElseThrow());
  }

  @Test
  void aNameLongerThanTheFileSystemAllowsIsOneFailureAndTheCommandStillSummarises() throws Exception {
    String longFolder = "k".repeat(300);
    String longFile = "children's services inspection " + "x".repeat(300) + " - 25 november 2016.pdf";
    serveIndex(line(AUG_2024, "/file/1").replace(",kirklees,", "," + longFolder + ","), line(longFile, "/file/2"),
        line(AUG_2019, "/file/3"));
    server.answer("/file/1", file(report2024)).answer("/file/2", file(report2016)).answer("/file/3", file(report2019));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(
        new FetchJob.Failure("reports/80478_" + longFolder + "/" + AUG_2024, server.uri("/file/1").toString(),
            "cannot create its folder: File name too long"),
        new FetchJob.Failure(report(longFile), server.uri("/file/2").toString(),
            "cannot write ." + longFile + ".part: File name too long")), result.failed());
    assertEquals(List.of(report(AUG_2019)), result.fetched());
    assertEquals(0, server.count("/file/1") + server.count("/file/2"), "nothing is asked for that cannot be kept");
    assertEquals(List.of("ofsted_csc_ilacs_history.csv", report(AUG_2019)), files());

    String[] args = {"fetch", "--input", dir.toString(), "--index-url", server.uri("/index.csv").toString()};
    assertEquals(ExitCode.FAILURE, new Cli(Cli.PIPELINE).execute(args));
  }

  @Test
  void aBodyOverTheCapIsRefusedWhetherItsLengthIsSentOrNot() throws Exception {
    assertEquals(ReportParser.MAX_BYTES, Downloader.Settings.polite().maxBytes(), "the parser's own limit");
    byte[] small = pdf("Kirklees", 1);
    long cap = small.length;
    assertTrue(report2024.length > cap && report2016.length > cap);
    serveIndex(line(AUG_2024, "/file/1"), line(NOV_2016, "/file/2"), line(AUG_2019, "/file/3"));
    server.answer("/file/1", file(report2024)).answer("/file/2", chunked(report2016)).answer("/file/3", file(small));

    FetchJob.Result result = fetch(new Downloader.Settings(Duration.ofSeconds(2), Duration.ofMillis(700), 3,
        Duration.ofMillis(20), Duration.ZERO, cap));

    assertEquals(List.of(
        new FetchJob.Failure(report(AUG_2024), server.uri("/file/1").toString(),
            report2024.length + " bytes, over the " + cap + " bytes a download may have"),
        new FetchJob.Failure(report(NOV_2016), server.uri("/file/2").toString(),
            "over the " + cap + " bytes a download may have")), result.failed());
    assertEquals(1, server.count("/file/1"), "a body too large is not asked for again");
    assertEquals(1, server.count("/file/2"));
    assertEquals(List.of(report(AUG_2019)), result.fetched(), "a body of exactly the cap is kept");
    assertArrayEquals(small, read(AUG_2019));
    assertEquals(List.of("ofsted_csc_ilacs_history.csv", report(AUG_2019)), files());
  }

  @Test
  void redirectsAreFollowedOnlyWithinOfstedsHostsAndTheIndexs() throws Exception {
    String elsewhere = "http://localhost:" + server.uri("/").getPort() + "/file/elsewhere";
    serveIndex(line(AUG_2024, "/file/1"), line(AUG_2019, "/file/2"), line(NOV_2016, "/file/3"));
    server.answer("/file/1", redirect(302, "/moved/1")).answer("/moved/1", redirect(301, server.uri("/final/1")
        .toString())).answer("/final/1", file(report2024))
        .answer("/file/2", redirect(302, elsewhere)).answer("/file/elsewhere", file(report2019))
        .answer("/file/3", redirect(307, "/file/3"));

    FetchJob.Result result = fetch(QUICK);

    assertEquals(List.of(report(AUG_2024)), result.fetched());
    assertArrayEquals(report2024, read(AUG_2024));
    assertEquals(List.of(
        new FetchJob.Failure(report(AUG_2019), server.uri("/file/2").toString(), "redirected to " + elsewhere
            + ", outside ofsted.gov.uk, its subdomains and the index's host 127.0.0.1: not followed"),
        new FetchJob.Failure(report(NOV_2016), server.uri("/file/3").toString(), "more than 5 redirects")),
        result.failed());
    assertEquals(0, server.count("/file/elsewhere"));
    assertEquals(1, server.count("/file/2"), "a refused redirect is not tried again");
    assertEquals(6, server.count("/file/3"));

    FetchJob.Redirects hosts = new FetchJob.Redirects("jt-39.github.io");
    for (String ok : List.of("https://files.ofsted.gov.uk/v1/file/50245391", "https://reports.ofsted.gov.uk/x",
        "https://OFSTED.gov.uk/x", "https://jt-39.github.io/ofsted-ilacs-scrape-tool/x.csv")) {
      assertTrue(hosts.allowed(java.net.URI.create(ok)), ok);
    }
    for (String no : List.of("https://evilofsted.gov.uk/x", "https://files.ofsted.gov.uk.example.com/x",
        "ftp://files.ofsted.gov.uk/x", "https://github.io/x", "https://example.com/files.ofsted.gov.uk")) {
      assertFalse(hosts.allowed(java.net.URI.create(no)), no);
    }
  }

  // ---- helpers ----

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  private String summary(FetchJob.Result result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FetchJob.print(result, dir, new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private FetchJob.Result fetch(Downloader.Settings settings) throws Exception {
    try (Downloader downloader = new Downloader(settings)) {
      return FetchJob.fetch(dir, server.uri("/index.csv"), downloader, new Progress());
    }
  }

  private byte[] serveIndex(String... lines) {
    byte[] index = (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    server.answer("/index.csv", file(index));
    return index;
  }

  private String line(String pdfFile, String path) {
    String link = path.startsWith("/") ? server.uri(path).toString() : path;
    return "80478,kirklees," + link + "," + pdfFile + ",28/08/24,standard,A Inspector,08/07/2024,19/07/2024,"
        + "good,good,good,good,requires improvement,1";
  }

  private static String report(String file) {
    return "reports/" + KIRKLEES + "/" + file;
  }

  private byte[] read(String file) throws IOException {
    return Files.readAllBytes(dir.resolve(report(file)));
  }

  private void write(String underReports, byte[] bytes) throws IOException {
    Path p = dir.resolve("reports").resolve(underReports);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  /** Every file under the directory, hidden ones included, relative and sorted. */
  private List<String> files() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  private List<String> ranges(String path) {
    List<String> out = new ArrayList<>();
    server.requests.stream().filter(r -> r.path().equals(path) && r.range() != null).forEach(r -> out.add(r.range()));
    return out;
  }

  /** A small real PDF, distinct per title, a few KB. */
  private static byte[] pdf(String title, int pages) {
    try (PDDocument d = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage();
        d.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(d, page)) {
          s.beginText();
          s.setFont(font, 12);
          s.newLineAtOffset(72, 700);
          s.showText(title + ", page " + i + ": " + "Children's services inspection. ".repeat(3));
          s.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      d.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
