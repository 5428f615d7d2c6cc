package ofstedcsc.reports;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link ReportParser} read from one file. {@code status} is {@value #PARSED} or a quarantine
 * reason code; every other field may be null (or empty) for a quarantined file. {@code pointsStatus} is the same for
 * the report's improvement points, and null for a report that has no such section to give.
 */
public record ParsedReport(
    String status,
    String detail,
    String authorityName,
    String framework,
    String inspectionType,
    LocalDate fieldworkStart,
    LocalDate fieldworkEnd,
    LocalDate publishedOn,
    List<ReportJudgement> judgements,
    int pagesRead,
    String pointsStatus,
    String pointsDetail,
    List<ImprovementPoints.Point> points)
    implements Serializable {

  public static final String PARSED = "parsed";
  public static final String EMPTY_FILE = "empty_file";
  public static final String NOT_A_PDF = "not_a_pdf";
  public static final String TRUNCATED_PDF = "truncated_pdf";
  public static final String ENCRYPTED_PDF = "encrypted_pdf";
  public static final String UNPARSEABLE_PDF = "unparseable_pdf";
  public static final String NO_JUDGEMENTS = "no_judgements";
  public static final String TOO_LARGE = "too_large";
  public static final String TIMEOUT = "timeout";

  public ParsedReport {
    judgements = judgements == null ? List.of() : List.copyOf(judgements);
    points = points == null ? List.of() : List.copyOf(points);
  }

  ParsedReport(String status, String detail, String authorityName, String framework, String inspectionType,
      LocalDate fieldworkStart, LocalDate fieldworkEnd, LocalDate publishedOn, List<ReportJudgement> judgements,
      int pagesRead) {
    this(status, detail, authorityName, framework, inspectionType, fieldworkStart, fieldworkEnd, publishedOn,
        judgements, pagesRead, null, null, List.of());
  }

  /** This report with its improvement points section (null: none to give), and the pages that section cost. */
  ParsedReport withPoints(ImprovementPoints.Section section, int pagesRead) {
    return new ParsedReport(status, detail, authorityName, framework, inspectionType, fieldworkStart, fieldworkEnd,
        publishedOn, judgements, pagesRead, section == null ? null : section.status(),
        section == null ? null : section.detail(), section == null ? List.of() : section.points());
  }

  static ParsedReport quarantined(String status, String detail, int pagesRead) {
    return new ParsedReport(status, detail, null, null, null, null, null, null, List.of(), pagesRead);
  }

  public boolean isParsed() {
    return PARSED.equals(status);
  }
}
