package ofstedcsc.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ofstedcsc.reference.Grades;
import ofstedcsc.reports.PageLines.Line;
import ofstedcsc.reports.PageLines.Segment;

/**
 * Finds judgements on one page by two layout rules that cover every report generation seen:
 *
 * <ul>
 *   <li>Table rows: a label on the left, a grade in a column to its right. Labels and grades wrap
 *       independently (the grade may sit on the label's first, middle or last line, or be split
 *       itself: "Requires" / "improvement"), so lines are grouped into rows by vertical whitespace
 *       and each grade cell takes the label lines nearest to it.
 *   <li>Statements: a heading sentence "&lt;known wording&gt; [is|are|:] &lt;grade&gt;", possibly wrapped
 *       over up to three lines ("Children's services in X are inadequate", "The Local Safeguarding
 *       Children Board is good", "Overall effectiveness ... / Grade 4 (inadequate)").
 * </ul>
 */
final class JudgementFinder {

  /** A judgement as found, before its wording is resolved against the report's framework. */
  record Candidate(String wording, String key, String gradeText, boolean fromTable, float bottom) {}

  private static final Pattern GRADE_IN_BRACKETS =
      Pattern.compile("^(.*?)[\\s:]*\\b(" + Grades.BRACKETED.pattern() + ")[.\\s]*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONNECTOR = Pattern.compile("(?i)[\\s:,\\-\u2013]*(\\b(is|are)\\b[\\s:]*)?$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.;:!,]+$");

  private JudgementFinder() {}

  // ---- table rows ----

  private record Cell(float x0, float top, float bottom, String text) {}

  private record LabelPart(float y, String text) {}

  static List<Candidate> tableRows(PageLines page, Vocabulary vocabulary) {
    List<Line> lines = page.lines();
    float left = page.left();
    float width = page.right() - left;
    List<Cell> cellOfLine = new ArrayList<>();
    List<Float> cellXs = new ArrayList<>();
    for (Line line : lines) {
      Cell cell = trailingGradeCell(line, vocabulary, left + 0.4f * width);
      cellOfLine.add(cell);
      if (cell != null) cellXs.add(cell.x0());
    }
    if (cellXs.isEmpty()) return List.of();
    cellXs.sort(null);
    float column = cellXs.get(cellXs.size() / 2);

    List<Candidate> rows = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      boolean breaks = i == lines.size()
          || (cellOfLine.get(i) == null && lines.get(i).x1() > column - 2)
          || (i > start && gap(lines.get(i - 1), lines.get(i)) > 1.45f * Math.max(lines.get(i - 1).fontSize(), lines.get(i).fontSize()));
      if (!breaks) continue;
      rows.addAll(rowsOfCluster(lines.subList(start, i), cellOfLine.subList(start, i), vocabulary));
      // A line wider than the label column (prose) belongs to no row; a gap starts the next cluster at i.
      start = i < lines.size() && cellOfLine.get(i) == null && lines.get(i).x1() > column - 2 ? i + 1 : i;
    }
    // Layout alone also fits the odd justified prose line ending in "good"; a judgement table shows
    // itself by at least one known wording, and then its unknown rows are kept for quarantine.
    boolean known = rows.stream().anyMatch(r -> !vocabulary.match(r.key(), null).isEmpty());
    return known ? rows : List.of();
  }

  /** The line's last one to three segments when they read as (part of) a grade, in the grade column. */
  private static Cell trailingGradeCell(Line line, Vocabulary vocabulary, float minAloneX) {
    List<Segment> segments = line.segments();
    int n = segments.size();
    for (int k = Math.min(3, n); k >= 1; k--) {
      List<Segment> tail = segments.subList(n - k, n);
      String text = String.join(" ", tail.stream().map(Segment::text).toList());
      if (!vocabulary.isGradeFragment(text)) continue;
      if (k == n && tail.get(0).x0() < minAloneX) return null;
      return new Cell(tail.get(0).x0(), line.y() - line.fontSize(), line.y(), text.trim());
    }
    return null;
  }

  private static List<Candidate> rowsOfCluster(List<Line> lines, List<Cell> cellOfLine, Vocabulary vocabulary) {
    List<Cell> cells = new ArrayList<>();
    List<LabelPart> labels = new ArrayList<>();
    List<Integer> labelCell = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      Cell fragment = cellOfLine.get(i);
      List<Segment> labelSegments = line.segments();
      if (fragment != null) {
        Cell last = cells.isEmpty() ? null : cells.get(cells.size() - 1);
        String merged = last == null ? null : last.text() + " " + fragment.text();
        if (merged != null && vocabulary.isGradeFragment(merged)) {
          cells.set(cells.size() - 1, new Cell(last.x0(), last.top(), fragment.bottom(), merged));
        } else {
          cells.add(fragment);
        }
        labelSegments = labelSegments.stream().filter(s -> s.x1() <= fragment.x0() - 1).toList();
      }
      if (labelSegments.isEmpty()) continue;
      labels.add(new LabelPart(line.y(), String.join(" ", labelSegments.stream().map(Segment::text).toList())));
      labelCell.add(fragment != null ? cells.size() - 1 : -1);
    }
    if (cells.isEmpty() || labels.isEmpty() || labels.size() > 6) return List.of();

    List<List<String>> labelsOfCell = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) labelsOfCell.add(new ArrayList<>());
    for (int l = 0; l < labels.size(); l++) {
      int c = labelCell.get(l) >= 0 ? labelCell.get(l) : nearestCell(cells, labels.get(l).y());
      labelsOfCell.get(c).add(labels.get(l).text());
    }
    List<Candidate> rows = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      if (labelsOfCell.get(c).isEmpty()) continue;
      String wording = joinWrapped(labelsOfCell.get(c));
      if (!Character.isLetterOrDigit(wording.codePointAt(0))) continue;
      Cell cell = cells.get(c);
      rows.add(new Candidate(wording, Vocabulary.wordingKey(wording), cell.text(), true, cell.bottom()));
    }
    return rows;
  }

  /** Ties go to the cell above: a continuation line belongs to the row it continues. */
  private static int nearestCell(List<Cell> cells, float y) {
    int best = 0;
    float bestDistance = Float.MAX_VALUE;
    for (int c = 0; c < cells.size(); c++) {
      Cell cell = cells.get(c);
      float distance = y < cell.top() ? cell.top() - y : y > cell.bottom() ? y - cell.bottom() : 0;
      if (distance < bestDistance) {
        best = c;
        bestDistance = distance;
      }
    }
    return best;
  }

  // ---- statements ----

  static List<Candidate> statements(PageLines page, Vocabulary vocabulary) {
    List<Line> lines = page.lines();
    float shortLine = page.left() + 0.7f * (page.right() - page.left());
    List<Candidate> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!startsParagraph(lines, i, shortLine)) continue;
      // Shortest block first: a headline followed closely by a table row must not swallow the row.
      for (int j = i; j <= Math.min(i + 2, lines.size() - 1); j++) {
        if (!close(lines, i, j) || !endsParagraph(lines, j, shortLine)) continue;
        List<String> texts = new ArrayList<>();
        for (int k = i; k <= j; k++) texts.add(lines.get(k).text());
        Candidate statement = statement(joinWrapped(texts), vocabulary, lines.get(j).y());
        if (statement != null) {
          found.add(statement);
          i = j;
          break;
        }
      }
    }
    return found;
  }

  /** "Subject [is|are|:] grade", where the subject is a known wording for some framework. */
  static Candidate statement(String text, Vocabulary vocabulary, float bottom) {
    String sentence = TRAILING_PUNCTUATION.matcher(text.trim()).replaceAll("");
    String subject;
    String gradeText;
    Matcher bracketed = GRADE_IN_BRACKETS.matcher(sentence);
    if (bracketed.matches()) {
      subject = bracketed.group(1);
      gradeText = bracketed.group(2);
    } else {
      String[] words = sentence.split("\\s+");
      int gradeWords = vocabulary.gradeWordsAtEnd(Grades.key(sentence));
      if (gradeWords == 0 || gradeWords >= words.length) return null;
      // Grade keys drop punctuation words such as "–", so count grade words from the end on letters.
      int cut = words.length;
      for (int counted = 0; counted < gradeWords && cut > 0; ) {
        cut--;
        if (!Grades.key(words[cut]).isEmpty()) counted++;
      }
      subject = String.join(" ", Arrays.copyOfRange(words, 0, cut));
      gradeText = String.join(" ", Arrays.copyOfRange(words, cut, words.length));
    }
    subject = CONNECTOR.matcher(subject).replaceAll("").trim();
    if (subject.isEmpty()) return null;
    String key = Vocabulary.wordingKey(subject);
    if (vocabulary.match(key, null).isEmpty()) return null;
    return new Candidate(subject, key, gradeText, false, bottom);
  }

  private static boolean startsParagraph(List<Line> lines, int i, float shortLine) {
    if (i == 0) return true;
    Line previous = lines.get(i - 1);
    Line line = lines.get(i);
    String text = previous.text().trim();
    return gap(previous, line) > 1.3f * Math.max(previous.fontSize(), line.fontSize())
        || Math.abs(previous.fontSize() - line.fontSize()) > 1
        || previous.x1() < shortLine
        || text.endsWith(".") || text.endsWith(":");
  }

  private static boolean endsParagraph(List<Line> lines, int j, float shortLine) {
    Line line = lines.get(j);
    if (j == lines.size() - 1 || line.x1() < shortLine) return true;
    Line next = lines.get(j + 1);
    int first = next.text().trim().codePointAt(0);
    return gap(line, next) > 1.3f * Math.max(line.fontSize(), next.fontSize())
        || Math.abs(line.fontSize() - next.fontSize()) > 1
        || !Character.isLowerCase(first);
  }

  /** Lines i..j follow each other as one wrapped sentence would (a heading may be larger than its grade). */
  private static boolean close(List<Line> lines, int i, int j) {
    for (int k = i + 1; k <= j; k++) {
      if (gap(lines.get(k - 1), lines.get(k)) > 2f * Math.max(lines.get(k - 1).fontSize(), lines.get(k).fontSize())) {
        return false;
      }
    }
    return true;
  }

  private static float gap(Line above, Line below) {
    return below.y() - above.y();
  }

  /** Joins wrapped lines; a line ending in a hyphen before a lower-case word was a word broken in two. */
  static String joinWrapped(List<String> parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      if (out.length() > 0) {
        boolean broken = out.charAt(out.length() - 1) == '-' && Character.isLowerCase(p.codePointAt(0));
        if (!broken) out.append(' ');
      }
      out.append(p);
    }
    return out.toString().replaceAll("\\s+", " ").trim();
  }
}
