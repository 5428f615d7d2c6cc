package ofstedcsc.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportDatesTest {
  private static void range(String text, String start, String end) {
    assertArrayEquals(new LocalDate[] {LocalDate.parse(start), LocalDate.parse(end)}, ReportDates.range(text), text);
  }

  @Test
  void rangesAsReportsPrintThem() {
    range("12 September to 6 October 2016", "2016-09-12", "2016-10-06");
    range("16 September 2014 \u2013 8 October 2014", "2014-09-16", "2014-10-08");
    range("18 Feb 2014 \u2013 12 March 2014", "2014-02-18", "2014-03-12");
    range("8 \u2013 12 July 2013", "2013-07-08", "2013-07-12");
    range("7 to 18 November 2022", "2022-11-07", "2022-11-18");
    range("5 to 9 December 2022 and 14 to 15 February 2023", "2022-12-05", "2023-02-15");
    range("15 December to 9 January 2015", "2014-12-15", "2015-01-09");
    range("19 November-11 December 2013 and 28 \u2013 30 January 2014", "2013-11-19", "2014-01-30");
    range("12/01/2015 \u2013 04/02/2015", "2015-01-12", "2015-02-04");
    range("28 July 2016", "2016-07-28", "2016-07-28");
  }

  @Test
  void noDate() {
    assertNull(ReportDates.range("to be confirmed"));
    assertNull(ReportDates.range("12 to 14"));
  }
}
