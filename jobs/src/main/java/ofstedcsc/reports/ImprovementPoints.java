package ofstedcsc.reports;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ofstedcsc.reports.PageLines.Line;

/**
 * The points a report says must improve: an ILACS report's "What needs to improve?" list, a SIF report's
 * "Recommendations". A section is read from its heading to the next heading (a line in larger type), the next list of
 * another kind (the numbered paragraphs that follow an ILACS bullet list) or the end of the document, over as many
 * pages as it runs on; the running headers, footers and footnotes in smaller type on the way are no part of it.
 */
public final class ImprovementPoints {

  /** One point: its text, and the National Framework reference the report gives it, or null. */
  public record Point(String text, String nationalFrameworkReference) implements Serializable {}

  /**
   * What was read: {@code status} is {@link ParsedReport#PARSED} or a quarantine reason code; {@code ended} says
   * whether the section's end was seen, rather than the end of the pages given.
   */
  record Section(String status, String detail, List<Point> points, boolean ended) implements Serializable {}

  public static final String UNREADABLE = "unreadable_improvement_points";
  public static final String MISSING = "missing_improvement_points";

  private static final Pattern ILACS_HEADING =
      Pattern.compile("(?i)^\\s*what needs to improve\\b[^.]{0,25}$");
  private static final Pattern SIF_HEADING =
      Pattern.compile("(?i)^\\s*(?:recommendations|what does the local authority need to improve\\??)\\s*[:.]?\\s*$");
  /** The contents page's entries for the SIF section, as {@link Vocabulary#wordingKey} gives them. */
  static final List<String> SIF_CONTENTS = List.of("recommendations", "what does the local authority need to improve");
  /** A bullet glyph: Word's symbol fonts give private-use or "other symbol" characters, or the usual punctuation. */
  private static final Pattern BULLET = Pattern.compile("^[\\p{S}\\p{Co}\\p{Mn}\u2022\u2023\u2043\u00b7*\\-\u2013\u2014]\\s*");
  private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,3}");
  private static final Pattern ENDS_CLAUSE = Pattern.compile("[:;,.]$");
  /** Marks a sub-item's first line while a point's lines are gathered. */
  private static final String SUB_ITEM = "\u0000";
  /** How far (in points) a marker or line must sit from the list's markers to count as further in or out. */
  private static final float INDENT = 4f;
  /** The most lines a sub-heading inside a list may take. */
  private static final int SUB_HEADING_LINES = 3;
  private static final Pattern NUMBER = Pattern.compile("^\\(?(\\d{1,2})[.)]\\s+");
  /** A reference in brackets anywhere, or as the point's last sentence: "Enabler three: National Framework." */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?i)\\s*\\(([^()]*national\\s+framework[^()]*)\\)"
          + "|(?<=[.;])\\s*((?:outcomes?|enablers?|principles?)\\b[^.;()]{0,80}\\bnational\\s+framework"
          + "|national\\s+framework\\W{0,3}(?:outcomes?|enablers?|principles?)\\b[^.;()]{0,80})\\.?\\s*$");
  private static final Map<String, String> NUMBER_WORDS = Map.of("one", "1", "two", "2", "three", "3", "four", "4",
      "five", "5", "six", "6", "seven", "7", "eight", "8", "nine", "9");
  /** Lines this much smaller than the section's text are running headers, footers and footnotes. */
  private static final float SMALLER = 1.5f;
  /** Without bullets or numbers, a gap this many times the type size between two lines starts a new point. */
  private static final float PARAGRAPH_GAP = 1.6f;

  private ImprovementPoints() {}

  /** The index of the section's heading among the page's lines, or -1. */
  static int heading(PageLines page, String framework) {
    Pattern heading = "sif".equals(framework) ? SIF_HEADING : ILACS_HEADING;
    List<Line> lines = page.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (heading.matcher(lines.get(i).text()).matches()) return i;
    }
    return -1;
  }

  private enum Marker { NONE, BULLET, NUMBER }

  /** A line of the section, with the page it is on and how it starts. */
  private record Placed(Line line, int page, String text, Marker marker, int number, int textStart) {}

  /**
   * Reads the section whose heading is line {@code headingIndex} of the first of {@code pages}, the pages following
   * one another. A list's points start at its markers (bullets, or numbers counting on) and a marker further in
   * starts a sub-item of the point above. A line level with the markers that the list resumes after is a sub-heading
   * ("Areas for improvement"), left out; otherwise a line further left, or one level with the markers that starts a
   * paragraph or that a list wrapping its points indented cannot hold, ends the list. Without markers, a paragraph is
   * a point.
   */
  static Section read(List<PageLines> pages, int headingIndex) {
    Line heading = pages.get(0).lines().get(headingIndex);
    float body = bodySize(pages.get(0));
    List<Placed> placed = placed(pages, body, headingIndex);
    List<List<String>> points = new ArrayList<>();
    List<String> current = null;
    Marker kind = null;
    float markerX = Float.NaN;
    boolean hanging = false;
    int lastNumber = 0;
    boolean ended = false;
    for (int i = 0; i < placed.size() && !ended; i++) {
      Placed at = placed.get(i);
      Line line = at.line();
      Placed previous = i == 0 || placed.get(i - 1).page() != at.page() ? null : placed.get(i - 1);
      boolean listed = kind == Marker.BULLET || kind == Marker.NUMBER;
      if (line.fontSize() > body + 1) {
        ended = true;
      } else if (at.marker() == Marker.BULLET && listed && current != null && line.x0() > markerX + INDENT) {
        current.add(SUB_ITEM + at.text().substring(at.textStart()));
      } else if (at.marker() != Marker.NONE && (kind == null || kind == at.marker())) {
        if (at.marker() == Marker.NUMBER && kind != null && at.number() != lastNumber + 1) {
          // A numbered list counts on (from 1, or where the report's numbered paragraphs stand); a number out of turn
          // belongs to the paragraphs after it.
          ended = true;
          continue;
        }
        if (kind == null) markerX = line.x0();
        kind = at.marker();
        lastNumber = at.number();
        current = new ArrayList<>();
        points.add(current);
        current.add(at.text().substring(at.textStart()));
      } else if (at.marker() != Marker.NONE) {
        ended = true;
      } else if ((kind == null || line.x0() < markerX + INDENT) && resumes(placed, i, kind, lastNumber)) {
        continue;
      } else {
        boolean gap = previous != null && line.y() - previous.line().y()
            > PARAGRAPH_GAP * Math.max(line.fontSize(), previous.line().fontSize());
        boolean level = line.x0() < markerX + INDENT;
        if (listed && (line.x0() < markerX - INDENT || level && (gap || hanging))) {
          ended = true;
          continue;
        }
        if (listed && !level) hanging = true;
        if (current == null || !listed && gap) {
          kind = Marker.NONE;
          current = new ArrayList<>();
          points.add(current);
        }
        current.add(at.text());
      }
    }
    List<Point> out = new ArrayList<>();
    for (List<String> lines : points) {
      Point point = point(joinItems(lines));
      if (!point.text().isEmpty()) out.add(point);
    }
    if (out.isEmpty()) {
      return new Section(UNREADABLE, "no points under the heading '" + heading.text().strip() + "'", List.of(), ended);
    }
    return new Section(ParsedReport.PARSED, out.size() + " points", List.copyOf(out), ended);
  }

  /** The type size most of the page's lines are set in: the report's running text. */
  private static float bodySize(PageLines page) {
    Map<Float, Integer> lines = new TreeMap<>();
    page.lines().forEach(l -> lines.merge(l.fontSize(), 1, Integer::sum));
    int most = lines.values().stream().max(Integer::compare).orElse(0);
    return lines.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).findFirst().orElse(0f);
  }

  /**
   * The section's lines after its heading, without page numbers and the running headers, footers and footnotes
   * in smaller type than the running text.
   */
  private static List<Placed> placed(List<PageLines> pages, float body, int headingIndex) {
    List<Placed> out = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      List<Line> lines = pages.get(p).lines();
      for (int i = p == 0 ? headingIndex + 1 : 0; i < lines.size(); i++) {
        Line line = lines.get(i);
        String text = line.text().strip();
        if (text.isEmpty() || PAGE_NUMBER.matcher(text).matches()) continue;
        if (line.fontSize() < body - SMALLER) continue;
        Matcher bullet = BULLET.matcher(text);
        Matcher number = NUMBER.matcher(text);
        if (bullet.find()) {
          out.add(new Placed(line, p, text, Marker.BULLET, 0, bullet.end()));
        } else if (number.find()) {
          out.add(new Placed(line, p, text, Marker.NUMBER, Integer.parseInt(number.group(1)), number.end()));
        } else {
          out.add(new Placed(line, p, text, Marker.NONE, 0, 0));
        }
      }
    }
    return out;
  }

  /** Whether the list goes on (or, before any point, begins) within the few lines after line i, a sub-heading. */
  private static boolean resumes(List<Placed> placed, int i, Marker kind, int lastNumber) {
    if (kind == Marker.NONE) return false;
    for (int j = i + 1; j < Math.min(placed.size(), i + 1 + SUB_HEADING_LINES); j++) {
      Placed next = placed.get(j);
      if (next.marker() == Marker.NONE) continue;
      if (kind == null) return true;
      return next.marker() == kind && (kind == Marker.BULLET || next.number() == lastNumber + 1);
    }
    return false;
  }

  /** A point's wrapped lines as one text; each sub-item is set off by a semicolon unless it ends in punctuation. */
  private static String joinItems(List<String> lines) {
    List<String> parts = new ArrayList<>();
    List<String> item = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(SUB_ITEM) && !item.isEmpty()) {
        parts.add(JudgementFinder.joinWrapped(item));
        item.clear();
      }
      item.add(line.startsWith(SUB_ITEM) ? line.substring(SUB_ITEM.length()) : line);
    }
    parts.add(JudgementFinder.joinWrapped(item));
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty()) continue;
      if (out.length() > 0) {
        if (!ENDS_CLAUSE.matcher(out).find()) out.append(';');
        out.append(' ');
      }
      out.append(part);
    }
    return out.toString();
  }

  /** The point's text without its National Framework reference, which it returns apart. */
  static Point point(String text) {
    Matcher m = REFERENCE.matcher(text);
    String reference = null;
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      String r = reference(m.group(1) != null ? m.group(1) : m.group(2));
      reference = reference == null ? r : reference + "; " + r;
      m.appendReplacement(rest, "");
    }
    m.appendTail(rest);
    String cleaned = rest.toString().replaceAll("\\s+([.;,])", "$1").replaceAll("\\s+", " ").strip();
    return new Point(cleaned, reference);
  }

  /** "Outcome four, National Framework" and "National Framework, outcome 4" both read "outcome 4". */
  static String reference(String inside) {
    String r = inside.toLowerCase(Locale.ROOT).replaceAll("national\\s+framework", " ");
    for (Map.Entry<String, String> word : NUMBER_WORDS.entrySet()) {
      r = r.replaceAll("\\b" + word.getKey() + "\\b", word.getValue());
    }
    return r.replaceAll("\\s+", " ").replaceAll("^[\\s,:;.]+|[\\s,:;.]+$", "").replaceAll("\\s+([,:;])", "$1");
  }
}
