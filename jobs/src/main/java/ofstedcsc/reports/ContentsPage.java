package ofstedcsc.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import ofstedcsc.reports.PageLines.Line;

/**
 * A report's table of contents: where the targeted search finds the page of a section (the SIF
 * review of the LSCB sits some 30 pages in) without extracting the pages in between.
 */
final class ContentsPage {
  record Entry(String key, int printedPage) {}

  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

  private ContentsPage() {}

  static boolean isContents(PageLines page) {
    return body(page).stream().limit(5).anyMatch(l -> Vocabulary.wordingKey(l.text()).equals("contents"));
  }

  /** Entries whose title may wrap over several lines, the last of which ends with the page number. */
  static List<Entry> entries(PageLines page) {
    List<Entry> entries = new ArrayList<>();
    List<String> title = new ArrayList<>();
    for (Line line : body(page)) {
      String last = line.segments().get(line.segments().size() - 1).text().trim();
      if (NUMBER.matcher(last).matches()) {
        line.segments().subList(0, line.segments().size() - 1).forEach(s -> title.add(s.text()));
        entries.add(new Entry(Vocabulary.wordingKey(JudgementFinder.joinWrapped(title)), Integer.parseInt(last)));
        title.clear();
      } else {
        title.add(line.text());
      }
    }
    return entries;
  }

  /** The page number printed in the page's header or footer, or null. */
  static Integer printedNumber(PageLines page) {
    for (Line line : page.lines()) {
      if (inBody(page, line)) continue;
      String last = line.segments().get(line.segments().size() - 1).text().trim();
      if (NUMBER.matcher(last).matches()) return Integer.valueOf(last);
    }
    return null;
  }

  private static List<Line> body(PageLines page) {
    return page.lines().stream().filter(l -> inBody(page, l)).toList();
  }

  private static boolean inBody(PageLines page, Line line) {
    return line.y() > 0.08f * page.height() && line.y() < 0.9f * page.height();
  }
}
