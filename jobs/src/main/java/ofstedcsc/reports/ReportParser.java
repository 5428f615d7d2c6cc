package ofstedcsc.reports;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ofstedcsc.reference.Eras;
import ofstedcsc.reports.JudgementFinder.Candidate;
import ofstedcsc.reports.PageLines.Line;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads the judgements, dates, authority and framework of one Ofsted children's services report
 * from the PDF's bytes, extracting only the pages it needs: the first page (cover, dates and the
 * summary table or headline), the next page only when the summary table runs into it, and for a SIF
 * report whose LSCB judgement is not on the first page, the contents page and the section it points
 * to, or the few pages past the contents' last section when the review is bound in behind the report
 * it does not list. Never throws for a bad file: every failure becomes a quarantine status.
 *
 * <p>Built once (it reads the reference tables) and serializable, so a Spark job can ship one
 * instance to its executors.
 */
public final class ReportParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The largest file read as a report; fetch downloads nothing larger, since it would only be quarantined. */
  public static final long MAX_BYTES = 64L << 20;
  /** Why a file over {@link #MAX_BYTES} is quarantined, whether the parser or a listing of file sizes finds it. */
  public static final String OVER_MAX_BYTES = "over " + (MAX_BYTES >> 20) + " MiB";
  static final int MAX_PAGES = 1000;
  /**
   * The most pages one report may cost, whatever its contents page says: ten for the grades and the improvement
   * points, and room for the search past a SIF report's contents (MAX_PAGES_PAST_CONTENTS), so that a report with no
   * review bound in behind it keeps the pages its points need.
   */
  static final int MAX_PAGES_READ = 14;
  /** How far into a report its contents page may be (SIF puts it after the executive summary). */
  static final int LAST_CONTENTS_PAGE = 6;
  /** How far into an ILACS report its "What needs to improve?" may begin (after the summary, on page 2 or 3). */
  static final int LAST_POINTS_PAGE = 4;
  /** The most pages one improvement points section may run over. */
  static final int MAX_POINTS_PAGES = 3;
  /**
   * How far past the start of the last section its contents page lists a SIF report's own part may end (that section,
   * the inspection team, the back cover), for a review bound in behind it to begin.
   */
  static final int MAX_PAGES_PAST_CONTENTS = 4;

  private static final Pattern FIELDWORK =
      Pattern.compile("(?i)^\\s*(?:inspection\\s+dates?|dates?\\s+of\\s+(?:the\\s+)?inspection)\\s*:?\\s*(.*)$");
  private static final Pattern PUBLISHED =
      Pattern.compile("(?i)^\\s*(?:report\\s+published|published|publication\\s+date|date\\s+published)\\s*:?\\s*(.*)$");
  /** A range is complete when it ends with a year; otherwise it wrapped onto the next line. */
  private static final Pattern ENDS_WITH_YEAR = Pattern.compile("(\\d{4}|\\d{1,2}/\\d{1,2}/\\d{2,4})\\W*$");
  /** Covers set the authority and the title in 16 pt or more; body text is 11-12 pt, headlines 14-15. */
  private static final float COVER_TYPE = 16f;
  private static final Pattern TITLE_WORDS =
      Pattern.compile("(?i)^(inspection|re-?inspection|single inspection|review|monitoring visit|focused visit|contents)\\b.*");
  private static final Pattern INSPECTION_OF =
      Pattern.compile("(?i)^inspection of (.+?)(?:\\s+local authority)?(?:\\s+children['\u2019]s services)?$");
  private static final Pattern VISIT =
      Pattern.compile("(?i)\\b(monitoring|focused) visit (?:to|of) (.+?)(?:\\s+local authority)?\\s+children['\u2019]s services");
  private static final Pattern ILACS_TYPE = Pattern.compile("(?i)\\b(short|standard) inspection\\b");

  private static final ExecutorService TIMED = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "report-parser");
    t.setDaemon(true);
    return t;
  });

  static {
    PdfBoxLogging.quiet();
  }

  private final Vocabulary vocabulary;
  private final List<Eras.Era> eras;

  public ReportParser() {
    this.vocabulary = Vocabulary.load();
    this.eras = Eras.ordered();
  }

  public ParsedReport parse(byte[] content) {
    return parse(content, Deadline.NONE);
  }

  /**
   * As {@link #parse}, but gives up with status {@code timeout} once {@code limit} has passed. The worker thread bears
   * {@code source}'s name while it parses: PDFBox's own log lines name no file, and the thread ties them to one.
   */
  public ParsedReport parseWithTimeout(byte[] content, Duration limit, String source) {
    Deadline deadline = Deadline.after(limit);
    Future<ParsedReport> future = TIMED.submit(() -> {
      Thread.currentThread().setName("report-parser " + source);
      try {
        return parse(content, deadline);
      } finally {
        Thread.currentThread().setName("report-parser");
      }
    });
    try {
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // The worker stops at its next deadline check (every byte read and glyph), not mid-call.
      future.cancel(true);
      return ParsedReport.quarantined(ParsedReport.TIMEOUT, "no result within " + limit, 0);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return ParsedReport.quarantined(ParsedReport.TIMEOUT, "interrupted", 0);
    } catch (ExecutionException e) {
      return ParsedReport.quarantined(ParsedReport.UNPARSEABLE_PDF, String.valueOf(e.getCause()), 0);
    }
  }

  ParsedReport parse(byte[] content, Deadline deadline) {
    if (content == null || content.length == 0) {
      return ParsedReport.quarantined(ParsedReport.EMPTY_FILE, "the file has no bytes", 0);
    }
    if (content.length > MAX_BYTES) {
      return ParsedReport.quarantined(ParsedReport.TOO_LARGE, OVER_MAX_BYTES, 0);
    }
    if (indexOf(content, "%PDF-", 0, 1024) < 0) {
      return ParsedReport.quarantined(ParsedReport.NOT_A_PDF, "no %PDF- header; starts with: " + start(content), 0);
    }
    // A PDF ends with %%EOF; without it the download was cut short and later pages may be missing.
    if (indexOf(content, "%%EOF", Math.max(0, content.length - 2048), content.length) < 0) {
      return ParsedReport.quarantined(ParsedReport.TRUNCATED_PDF, "no %%EOF marker at the end of the file", 0);
    }
    Reading reading = null;
    try (PDDocument document = Loader.loadPDF(new DeadlineBuffer(content, deadline), "", null, null,
        MemoryUsageSetting.setupTempFileOnly().streamCache)) {
      document.setResourceCache(new TextFonts());
      int pages = document.getNumberOfPages();
      if (pages > MAX_PAGES) {
        return ParsedReport.quarantined(ParsedReport.TOO_LARGE, pages + " pages, over " + MAX_PAGES, 0);
      }
      if (pages == 0) {
        return ParsedReport.quarantined(ParsedReport.UNPARSEABLE_PDF, "the document has no pages", 0);
      }
      reading = new Reading(document, deadline);
      return reading.run();
    } catch (InvalidPasswordException e) {
      return ParsedReport.quarantined(ParsedReport.ENCRYPTED_PDF, "needs a password: " + e.getMessage(), 0);
    } catch (Deadline.TimedOut e) {
      return ParsedReport.quarantined(ParsedReport.TIMEOUT, "time limit reached", pagesRead(reading));
    } catch (LimitExceeded e) {
      return ParsedReport.quarantined(ParsedReport.TOO_LARGE, e.getMessage(), pagesRead(reading));
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // One hostile file (deep nesting, a decompression bomb) must not end the whole batch.
      return ParsedReport.quarantined(ParsedReport.UNPARSEABLE_PDF, e.toString(), pagesRead(reading));
    }
  }

  private static int pagesRead(Reading reading) {
    return reading == null ? 0 : reading.pages.size();
  }

  /** The state of reading one document. */
  private final class Reading {
    final PDDocument document;
    final Deadline deadline;
    final LineStripper stripper;
    final Map<Integer, PageLines> pages = new TreeMap<>();
    final List<Candidate> candidates = new ArrayList<>();

    Reading(PDDocument document, Deadline deadline) {
      this.document = document;
      this.deadline = deadline;
      this.stripper = new LineStripper(deadline);
    }

    ParsedReport run() throws IOException {
      PageLines first = page(1);
      collect(first);
      boolean tableRunsOn = candidates.stream()
          .anyMatch(c -> c.fromTable() && c.bottom() > 0.85f * first.height());
      if (tableRunsOn && document.getNumberOfPages() > 1) collect(page(2));

      LocalDate[] fieldwork = fieldwork(first);
      LocalDate published = published(first);
      LocalDate dated = published != null ? published : fieldwork != null ? fieldwork[1] : null;

      String framework = framework(dated);
      if ("sif".equals(framework) && !hasArea("sif", "lscb")) {
        // SIF reports review the LSCB in a section of their own after the local authority's.
        searchContents(vocabulary.keysFor("sif", "lscb"), () -> hasArea("sif", "lscb"));
        if (!hasArea("sif", "lscb")) searchPastContents("sif", "lscb");
        framework = framework(dated);
      } else if (candidates.isEmpty()) {
        // Pre-SIF reports give their judgements in later sections only.
        searchContents(vocabulary.keysFor(null, null), () -> !candidates.isEmpty());
        framework = framework(dated);
      }

      List<ReportJudgement> judgements = resolve(framework);
      String visit = judgements.isEmpty() ? visitType(first) : null;
      String pagesList = pages.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
      if (judgements.isEmpty() && visit == null) {
        return new ParsedReport(ParsedReport.NO_JUDGEMENTS, "no judgement table or statement on pages " + pagesList,
            authorityName(first), framework, "unknown", start(fieldwork), end(fieldwork), published, List.of(),
            pages.size());
      }
      String type = visit != null ? visit : inspectionType(framework, judgements);
      ImprovementPoints.Section points = visit == null ? points(framework, judgements) : null;
      return new ParsedReport(ParsedReport.PARSED, judgements.size() + " judgements from pages " + pagesList,
          authorityName(first), framework, type, start(fieldwork), end(fieldwork), published, judgements,
          pages.size()).withPoints(points, pages.size());
    }

    /**
     * The section listing what must improve, read from its heading to its end: an ILACS report's on its first pages,
     * a SIF report's where its contents page puts it. Null for a report that has none to give: an older report, a SIF
     * report whose contents list no recommendations, or an ILACS report judged outstanding throughout.
     */
    ImprovementPoints.Section points(String framework, List<ReportJudgement> judgements) throws IOException {
      List<Integer> candidates = new ArrayList<>();
      if ("ilacs".equals(framework)) {
        for (int p = 1; p <= Math.min(LAST_POINTS_PAGE, document.getNumberOfPages()); p++) candidates.add(p);
      } else if ("sif".equals(framework)) {
        // The local authority's recommendations come first; the LSCB's own, later, are the board's.
        for (int target : contentsTargets(ImprovementPoints.SIF_CONTENTS).stream().limit(1).toList()) {
          for (int p = target; p <= Math.min(target + 1, document.getNumberOfPages()); p++) candidates.add(p);
        }
        if (candidates.isEmpty()) return null;
      } else {
        return null;
      }
      for (int start : candidates) {
        if (!canRead(start)) break;
        int heading = ImprovementPoints.heading(page(start), framework);
        if (heading < 0) continue;
        List<PageLines> span = new ArrayList<>(List.of(page(start)));
        ImprovementPoints.Section section = ImprovementPoints.read(span, heading);
        while (!section.ended() && start + span.size() <= document.getNumberOfPages()) {
          int next = start + span.size();
          if (span.size() >= MAX_POINTS_PAGES || !canRead(next)) {
            return new ImprovementPoints.Section(ImprovementPoints.UNREADABLE, "the section starting on page " + start
                + " does not end within " + span.size() + " pages", List.of(), false);
          }
          span.add(page(next));
          section = ImprovementPoints.read(span, heading);
        }
        return section;
      }
      boolean outstanding = !judgements.isEmpty()
          && judgements.stream().allMatch(j -> Integer.valueOf(1).equals(j.grade()));
      if (outstanding) return null;
      return new ImprovementPoints.Section(ImprovementPoints.MISSING, "no '" + ("sif".equals(framework)
          ? "Recommendations" : "What needs to improve") + "' heading on pages " + candidates, List.of(), false);
    }

    /** Whether page {@code number} is read already or the bound on pages leaves room for it. */
    boolean canRead(int number) {
      return pages.containsKey(number) || pages.size() < MAX_PAGES_READ;
    }

    PageLines page(int number) throws IOException {
      PageLines page = pages.get(number);
      if (page != null) return page;
      if (pages.size() >= MAX_PAGES_READ) throw new LimitExceeded("more than " + MAX_PAGES_READ + " pages needed");
      deadline.check();
      page = stripper.read(document, number);
      pages.put(number, page);
      return page;
    }

    /** Adds the page's judgements in reading order. */
    void collect(PageLines page) {
      collect(page, c -> true);
    }

    void collect(PageLines page, Predicate<Candidate> wanted) {
      List<Candidate> found = new ArrayList<>(JudgementFinder.tableRows(page, vocabulary));
      found.addAll(JudgementFinder.statements(page, vocabulary));
      found.sort(Comparator.comparingDouble(Candidate::bottom));
      found.stream().filter(wanted).forEach(candidates::add);
    }

    /**
     * Reads the first pages of the sections the contents page lists under one of the wordings (a
     * heading may fall one page later than listed) until {@code found}.
     */
    void searchContents(List<String> keys, BooleanSupplier found) throws IOException {
      // Two sections at most: the contents may list a wording again for a sub-section.
      for (int target : contentsTargets(keys).stream().limit(2).toList()) {
        for (int p = target; p <= Math.min(target + 1, document.getNumberOfPages()) && !found.getAsBoolean(); p++) {
          // Pages up to the contents page are read (and collected, if they could be) by now.
          if (!pages.containsKey(p)) collect(page(p));
        }
      }
    }

    /**
     * Reads the pages past the start of the last section the contents page lists, collecting the area's judgements
     * only, until one is found: a review the contents does not list may be bound in behind the report as a report of
     * its own, whose cover states its judgement (Hull, 2015). The report's own closing pages grade nothing.
     */
    void searchPastContents(String framework, String area) throws IOException {
      int last = contentsTargets(List.of("")).stream().max(Integer::compare).orElse(document.getNumberOfPages());
      int end = Math.min(last + MAX_PAGES_PAST_CONTENTS, document.getNumberOfPages());
      for (int p = last + 1; p <= end && canRead(p) && !hasArea(framework, area); p++) {
        collect(page(p), c -> isArea(c, framework, area));
      }
    }

    /**
     * The pages (in the document's numbering) of the sections the contents page lists under
     * one of the wordings (the empty wording lists every section), in the contents' order; empty
     * without a contents page.
     */
    Set<Integer> contentsTargets(List<String> keys) throws IOException {
      int last = Math.min(LAST_CONTENTS_PAGE, document.getNumberOfPages());
      for (int number = 2; number <= last; number++) {
        PageLines page = page(number);
        if (!ContentsPage.isContents(page)) continue;
        Integer printed = ContentsPage.printedNumber(page);
        int offset = printed == null ? 0 : number - printed;
        Set<Integer> targets = new LinkedHashSet<>();
        for (ContentsPage.Entry entry : ContentsPage.entries(page)) {
          int target = entry.printedPage() + offset;
          if (keys.stream().anyMatch(k -> entry.key().contains(k))) targets.add(target);
        }
        return targets;
      }
      return Set.of();
    }

    /**
     * The framework whose wordings most of the found judgements use; the report's date settles ties (or the lack of
     * judgements) by {@link Eras}' rule.
     */
    String framework(LocalDate dated) {
      Map<String, Integer> votes = new HashMap<>();
      for (Candidate c : candidates) {
        vocabulary.match(c.key(), null).stream().map(Vocabulary.Wording::framework).distinct()
            .forEach(f -> votes.merge(f, 1, Integer::sum));
      }
      int best = votes.values().stream().max(Integer::compare).orElse(0);
      Set<String> leaders = votes.entrySet().stream().filter(e -> e.getValue() == best)
          .map(Map.Entry::getKey).collect(Collectors.toSet());
      if (leaders.size() == 1) return leaders.iterator().next();
      if (dated == null) return null;
      return Eras.frameworkOn(eras.stream().filter(e -> leaders.isEmpty() || leaders.contains(e.framework())).toList(),
          dated);
    }

    boolean hasArea(String framework, String area) {
      return candidates.stream().anyMatch(c -> isArea(c, framework, area));
    }

    boolean isArea(Candidate c, String framework, String area) {
      return vocabulary.match(c.key(), framework).stream().anyMatch(w -> w.area().equals(area));
    }

    /**
     * Resolves wordings against the report's framework. A table row with an unknown wording is
     * kept with a null area; a statement is only recognised through a known wording, so one known
     * to another framework alone is prose that happens to look like a judgement.
     */
    List<ReportJudgement> resolve(String framework) {
      List<ReportJudgement> judgements = new ArrayList<>();
      Set<String> seenAreas = new HashSet<>();
      Set<String> seenKeys = new HashSet<>();
      for (Candidate c : candidates) {
        List<Vocabulary.Wording> rows = framework == null ? List.of() : vocabulary.match(c.key(), framework);
        String area = rows.isEmpty() ? null : rows.get(0).area();
        if (area == null && !c.fromTable()) continue;
        if (!seenKeys.add(c.key()) || (area != null && !seenAreas.add(area))) continue;
        judgements.add(new ReportJudgement(c.wording(), area, c.gradeText(), vocabulary.grade(c.gradeText())));
      }
      return judgements;
    }

    String inspectionType(String framework, List<ReportJudgement> judgements) {
      if ("ilacs".equals(framework)) {
        for (PageLines page : pages.values()) {
          for (Line line : page.lines()) {
            Matcher m = ILACS_TYPE.matcher(line.text());
            if (m.find()) return m.group(1).toLowerCase(Locale.ROOT);
          }
        }
        return "unknown";
      }
      boolean lscbOnly = judgements.stream().allMatch(j -> "lscb".equals(j.area()));
      return framework == null || lscbOnly ? "unknown" : "full";
    }
  }

  private static LocalDate[] fieldwork(PageLines page) {
    List<Line> lines = page.lines();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = FIELDWORK.matcher(lines.get(i).text());
      if (!m.matches()) continue;
      String text = m.group(1);
      if (!ENDS_WITH_YEAR.matcher(text).find() && i + 1 < lines.size()) text += " " + lines.get(i + 1).text();
      LocalDate[] range = ReportDates.range(text);
      if (range != null) return range;
    }
    return null;
  }

  private static LocalDate published(PageLines page) {
    for (Line line : page.lines()) {
      Matcher m = PUBLISHED.matcher(line.text());
      if (m.matches()) {
        LocalDate date = ReportDates.date(m.group(1));
        if (date != null) return date;
      }
    }
    return null;
  }

  /**
   * The authority as the cover names it: the large-type block that is not the report's title
   * ("Kirklees", "Isle of Wight Council"), else the name inside the title ("Inspection of Norfolk
   * local authority children's services"), else the name a visit letter gives, else the cover's first line.
   */
  private static String authorityName(PageLines page) {
    List<Line> lines = page.lines();
    List<String> blocks = new ArrayList<>();
    List<String> block = new ArrayList<>();
    Line previous = null;
    for (Line line : lines) {
      boolean large = line.fontSize() >= COVER_TYPE;
      boolean continues = previous != null && large && Math.abs(previous.fontSize() - line.fontSize()) < 0.5f
          && line.y() - previous.y() < 1.6f * line.fontSize();
      if (!continues && !block.isEmpty()) {
        blocks.add(JudgementFinder.joinWrapped(block));
        block.clear();
      }
      if (large) block.add(line.text());
      previous = large ? line : null;
    }
    if (!block.isEmpty()) blocks.add(JudgementFinder.joinWrapped(block));
    for (String b : blocks) {
      // A page number or list number set in large type is no name.
      if (!TITLE_WORDS.matcher(b).matches() && b.chars().anyMatch(Character::isLetter)) return b;
    }
    for (String b : blocks) {
      Matcher m = INSPECTION_OF.matcher(b);
      if (m.matches()) return m.group(1);
    }
    String text = lines.stream().map(Line::text).collect(Collectors.joining(" "));
    Matcher visit = VISIT.matcher(text);
    if (visit.find()) return visit.group(2);
    // Some covers set the name in body type: it is then the cover's first line that is not the title.
    return lines.stream().map(Line::text).map(String::strip)
        .filter(t -> t.chars().anyMatch(Character::isLetter) && !TITLE_WORDS.matcher(t).matches())
        .findFirst().orElse(null);
  }

  /** An ungraded visit letter names itself near its top: "Monitoring visit to X children's services". */
  private static String visitType(PageLines page) {
    String top = page.lines().stream().limit(15).map(Line::text).collect(Collectors.joining(" "));
    Matcher m = VISIT.matcher(top);
    if (!m.find()) return null;
    return m.group(1).toLowerCase(Locale.ROOT) + "_visit";
  }

  private static LocalDate start(LocalDate[] range) {
    return range == null ? null : range[0];
  }

  private static LocalDate end(LocalDate[] range) {
    return range == null ? null : range[1];
  }

  private static int indexOf(byte[] content, String marker, int from, int to) {
    byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
    int last = Math.min(to, content.length) - m.length;
    outer:
    for (int i = from; i <= last; i++) {
      for (int j = 0; j < m.length; j++) {
        if (content[i + j] != m[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  private static String start(byte[] content) {
    String head = new String(content, 0, Math.min(40, content.length), StandardCharsets.ISO_8859_1);
    return head.replaceAll("\\s+", " ").replaceAll("[^\\x20-\\x7e]", "?").trim();
  }

  /** Checks the deadline on every read, so that a stuck parse of a hostile file ends in time. */
  private static final class DeadlineBuffer extends RandomAccessReadBuffer {
    private final Deadline deadline;

    DeadlineBuffer(byte[] content, Deadline deadline) {
      super(content);
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      deadline.check();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      deadline.check();
      return super.read(b, off, len);
    }
  }
}
