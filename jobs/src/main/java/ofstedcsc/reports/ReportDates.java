package ofstedcsc.reports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as reports print them: "12 September to 6 October 2016", "8 – 12 July 2013",
 * "18 Feb 2014 – 12 March 2014", "1 to 5 December 2014 and 2 to 6 February 2015", "25/11/2016".
 * A day without a month or year takes them from the next date that has them.
 */
final class ReportDates {
  private static final Pattern TOKEN = Pattern.compile(
      "(\\d{1,2})/(\\d{1,2})/(\\d{2}(?:\\d{2})?)\\b|\\b(\\d{4})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\b|\\b([A-Za-z]{3,})\\b");
  private static final String[] MONTHS = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"
  };

  private ReportDates() {}

  /** The first and last date in the text, or null when it holds no complete date. */
  static LocalDate[] range(String text) {
    List<int[]> dates = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        int year = Integer.parseInt(m.group(3));
        dates.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year < 100 ? 2000 + year : year});
      } else if (m.group(4) != null) {
        if (!dates.isEmpty()) dates.get(dates.size() - 1)[2] = Integer.parseInt(m.group(4));
      } else if (m.group(5) != null) {
        dates.add(new int[] {Integer.parseInt(m.group(5)), 0, 0});
      } else {
        int month = month(m.group(6));
        if (month > 0 && !dates.isEmpty()) dates.get(dates.size() - 1)[1] = month;
      }
    }
    for (int i = dates.size() - 2; i >= 0; i--) {
      int[] date = dates.get(i);
      int[] next = dates.get(i + 1);
      if (date[1] == 0) date[1] = next[1];
      if (date[2] == 0) {
        // A range across New Year ("15 December to 9 January 2015") starts in the year before.
        date[2] = date[1] > next[1] ? next[2] - 1 : next[2];
      }
    }
    if (dates.isEmpty()) return null;
    LocalDate first = toDate(dates.get(0));
    LocalDate last = toDate(dates.get(dates.size() - 1));
    return first == null || last == null ? null : new LocalDate[] {first, last};
  }

  static LocalDate date(String text) {
    LocalDate[] range = range(text);
    return range == null ? null : range[0];
  }

  private static int month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].startsWith(w)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static LocalDate toDate(int[] date) {
    if (date[1] == 0 || date[2] == 0) return null;
    try {
      return LocalDate.of(date[2], date[1], date[0]);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
