package ofstedcsc.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The authorities table of report.html as Chromium serialised it after the page's script ran. */
record ReportDom(String html) {
  private static final Pattern ROW = Pattern.compile("<tr class=\"authority\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
  /** The name alone: the improvement points that may follow it in its cell are no part of it. */
  private static final Pattern NAME =
      Pattern.compile("<th scope=\"row\">(.*?)(?:<details class=\"points\">.*?)?</th>", Pattern.DOTALL);
  private static final Pattern GRADE_CELL = Pattern.compile("<td class=\"(?:grade g(\\d)|none)\"");
  private static final Pattern COUNT = Pattern.compile("<span id=\"count\"[^>]*>(.*?)</span>");

  static ReportDom load(Path page, String fragment) {
    return new ReportDom(Chromium.dumpDom(page, fragment));
  }

  /** Each authority row's HTML, top to bottom. */
  List<String> rows() {
    List<String> rows = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      rows.add(m.group(1));
    }
    return rows;
  }

  List<String> names() {
    return rows().stream().map(r -> first(NAME, r)).toList();
  }

  /** The grade shown in one area column (0 = overall effectiveness) of every row, null where none is. */
  List<Integer> grades(int area) {
    return rows().stream().map(r -> {
      Matcher m = GRADE_CELL.matcher(r);
      for (int i = 0; i <= area; i++) {
        if (!m.find()) {
          throw new AssertionError("row without area column " + area + ": " + r);
        }
      }
      return m.group(1) == null ? null : Integer.valueOf(m.group(1));
    }).toList();
  }

  String count() {
    return first(COUNT, html);
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new AssertionError(pattern + " not found");
    }
    return m.group(1);
  }
}
