package ofstedcsc.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ofstedcsc.reference.Grades;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

class ReportParserTest {
  private static final ReportParser PARSER = new ReportParser();

  /** area -> "grade/label", in report order; the wording is checked where it matters. */
  private static Map<String, String> grades(ParsedReport report) {
    Map<String, String> out = new LinkedHashMap<>();
    report.judgements().forEach(j -> out.put(j.area(), j.grade() == null ? "unknown" : j.grade().grade() + "/"
        + j.grade().label()));
    return out;
  }

  private static TestPdf sifCover(TestPdf pdf, String la) {
    return pdf.page()
        .text(71, 120, 26, la)
        .text(71, 145, 14, "Inspection of services for children in need of help and")
        .text(71, 162, 14, "protection, children looked after and care leavers")
        .text(71, 185, 14, "and")
        .text(71, 208, 14, "Review of the effectiveness of the Local Safeguarding Children")
        .text(71, 224, 14, "Board")
        .text(71, 247, 14, "Inspection date: 12 September to 6 October 2016")
        .text(71, 270, 14, "Report published: 25 November 2016");
  }

  @Test
  void sifSummaryTableWithWrappedRowsAndGradesOnOtherLines() {
    byte[] pdf = sifCover(new TestPdf(), "Kirkton")
        .text(77, 323, 14, "Children\u2019s services in Kirkton are inadequate")
        .text(95, 350, 12, "1. Children who need help and protection").text(394, 350, 12, "Inadequate")
        // The grade sits between the two lines of its label, as in Kirklees 2016.
        .text(95, 377, 12, "2. Children looked after and achieving")
        .text(394, 384, 12, "Inadequate")
        .text(113, 391, 12, "permanence")
        .text(125, 418, 12, "2.1 Adoption performance").text(394, 418, 12, "Requires improvement")
        .text(125, 445, 12, "2.2 Experiences and progress of care leavers").text(394, 445, 12, "Good")
        // The grade itself wraps around its label, as in Bradford 2014.
        .text(410, 465, 12, "Requires")
        .text(95, 472, 12, "3. Leadership, management and governance")
        .text(410, 480, 12, "improvement")
        .text(71, 520, 14, "The effectiveness of the Local Safeguarding Children Board (LSCB) is")
        .text(71, 537, 14, "good")
        .prose(570, "The LSCB is not yet demonstrating the characteristics of outstanding.")
        .page().prose(100, "Contents is not needed: every judgement is on the first page.")
        .bytes();
    ParsedReport r = PARSER.parse(pdf);
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals("Kirkton", r.authorityName());
    assertEquals("sif", r.framework());
    assertEquals("full", r.inspectionType());
    assertEquals(LocalDate.of(2016, 9, 12), r.fieldworkStart());
    assertEquals(LocalDate.of(2016, 10, 6), r.fieldworkEnd());
    assertEquals(LocalDate.of(2016, 11, 25), r.publishedOn());
    assertEquals(Map.of(
        "overall_effectiveness", "4/inadequate",
        "help_and_protection", "4/inadequate",
        "children_in_care", "4/inadequate",
        "adoption", "3/requires improvement",
        "care_leavers", "2/good",
        "leadership", "3/requires improvement",
        "lscb", "2/good"), grades(r));
    assertEquals("2. Children looked after and achieving permanence", r.judgements().get(2).wording());
    assertEquals("Requires improvement", r.judgements().get(5).gradeText());
    assertEquals(2, r.pagesRead(), "the cover, and the next page looking for a contents page to the recommendations");
    assertNull(r.pointsStatus(), "no contents page lists recommendations");
  }

  @Test
  void lscbJudgementOnALaterPageIsFoundThroughTheContents() {
    TestPdf pdf = sifCover(new TestPdf(), "Kirkton")
        .text(71, 323, 14, "The overall judgement is that children\u2019s services require")
        .text(71, 340, 14, "improvement")
        .text(71, 380, 12, "1. Children who need help and protection").text(394, 380, 12, "Good")
        .text(71, 407, 12, "2. Children looked after and achieving permanence").text(394, 407, 12, "Good")
        .text(125, 434, 12, "2.1 Adoption performance").text(394, 434, 12, "Outstanding")
        .text(125, 461, 12, "2.2 Experiences and progress of care leavers").text(394, 461, 12, "Good")
        .text(71, 488, 12, "3. Leadership, management and governance").text(394, 488, 12, "Requires improvement")
        .page()
        .text(71, 110, 16, "Contents")
        .text(71, 140, 16, "The local authority").text(520, 140, 16, "3")
        .text(85, 165, 13, "Leadership, management and governance").text(520, 165, 13, "3")
        .text(71, 190, 16, "The Local Safeguarding Children Board (LSCB)").text(520, 190, 16, "5")
        .text(85, 215, 13, "Inspection findings \u2013 the Local Safeguarding Children Board").text(520, 215, 13, "5")
        .text(71, 240, 16, "Information about this inspection").text(520, 240, 16, "6")
        .text(513, 817, 20, "2");
    pdf.page().prose(100, "The local authority has improved.").text(513, 817, 20, "3");
    pdf.page().prose(100, "Leaders know their services well.").text(513, 817, 20, "4");
    pdf.page()
        .text(71, 110, 15, "The Local Safeguarding Children Board (LSCB)")
        .text(77, 144, 14, "The Local Safeguarding Children Board requires improvement")
        .text(77, 186, 14, "Executive summary")
        .prose(213, "Kirkton Safeguarding Children Board is judged to require improvement, as it",
            "is not yet good.")
        .text(513, 817, 20, "5");
    pdf.page().prose(100, "Information about this inspection.");
    ParsedReport r = PARSER.parse(pdf.bytes());
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals("3/requires improvement", grades(r).get("overall_effectiveness"));
    assertEquals("3/requires improvement", grades(r).get("lscb"));
    assertEquals("The Local Safeguarding Children Board", r.judgements().get(r.judgements().size() - 1).wording());
    assertEquals(7, r.judgements().size());
    assertEquals(3, r.pagesRead(), "cover, contents and the LSCB section only: " + r.detail());
  }

  /** A SIF report whose contents lists the local authority's sections only, over pages 3 and 4. */
  private static TestPdf sifWithoutLscbInContents() {
    TestPdf pdf = sifCover(new TestPdf(), "Kirkton")
        .text(71, 323, 14, "The overall judgement is that children\u2019s services require")
        .text(71, 340, 14, "improvement")
        .text(71, 380, 12, "1. Children who need help and protection").text(394, 380, 12, "Good")
        .text(71, 407, 12, "2. Children looked after and achieving permanence").text(394, 407, 12, "Good")
        .text(125, 434, 12, "2.2 Experiences and progress of care leavers").text(394, 434, 12, "Good")
        .text(71, 461, 12, "3. Leadership, management and governance").text(394, 461, 12, "Requires improvement")
        .page()
        .text(71, 110, 16, "Contents")
        .text(71, 140, 16, "The local authority").text(520, 140, 16, "3")
        .text(85, 165, 13, "Summary of findings").text(520, 165, 13, "3")
        .text(71, 190, 16, "Information about the local authority inspection").text(520, 190, 16, "4")
        .text(513, 817, 20, "2");
    pdf.page().prose(100, "The local authority has improved.").text(513, 817, 20, "3");
    pdf.page().prose(100, "Information about the local authority inspection.").text(513, 817, 20, "4");
    // Past the last listed section: a judgement of another area here is the review's prose, not the report's.
    pdf.page().text(71, 100, 14, "The inspection team").text(71, 140, 14, "Adoption performance is good")
        .text(513, 817, 20, "5");
    return pdf;
  }

  @Test
  void lscbReviewBoundInBehindAReportWhoseContentsOmitsItIsFoundOnItsCover() {
    TestPdf pdf = sifWithoutLscbInContents();
    pdf.page()
        .text(71, 120, 26, "Kirkton Safeguarding Children Board")
        .text(71, 160, 14, "Inspection of the effectiveness of the local safeguarding children board")
        .text(77, 250, 14, "The Local Safeguarding Children Board is inadequate")
        .prose(290, "The arrangements in place to evaluate the effectiveness of what is done are inadequate.");
    pdf.page().prose(100, "Summary of findings of the board's review.");
    ParsedReport r = PARSER.parse(pdf.bytes());
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals(Map.of(
        "overall_effectiveness", "3/requires improvement",
        "help_and_protection", "2/good",
        "children_in_care", "2/good",
        "care_leavers", "2/good",
        "leadership", "3/requires improvement",
        "lscb", "4/inadequate"), grades(r));
    assertEquals("The Local Safeguarding Children Board", r.judgements().get(r.judgements().size() - 1).wording());
    assertEquals("full", r.inspectionType());
    assertEquals(4, r.pagesRead(), "cover, contents and the two pages past its last section: " + r.detail());
  }

  @Test
  void searchPastTheContentsStopsAFewPagesOn() {
    TestPdf pdf = sifWithoutLscbInContents();
    for (int p = 6; p <= 9; p++) pdf.page().prose(100, "Appendix page " + p + ".");
    pdf.page().text(77, 250, 14, "The Local Safeguarding Children Board is inadequate");
    ParsedReport r = PARSER.parse(pdf.bytes());
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertNull(grades(r).get("lscb"), "page 10 lies past the bound");
    assertEquals(2 + ReportParser.MAX_PAGES_PAST_CONTENTS, r.pagesRead(), r.detail());
  }

  private static TestPdf ilacsCover(TestPdf pdf, String dates) {
    return pdf.page()
        .text(71, 155, 26, "Inspection of Northshire local authority")
        .text(71, 187, 26, "children\u2019s services")
        .text(71, 216, 12, dates)
        .text(71, 243, 12, "Lead inspector: A Inspector, His Majesty\u2019s Inspector")
        .text(77, 282, 12, "Judgement").text(300, 282, 12, "Grade");
  }

  @Test
  void ilacsTableWithFourJudgements() {
    byte[] pdf = ilacsCover(new TestPdf(), "Dates of inspection: 10 June 2019 to 21 June 2019")
        .text(77, 315, 12, "The impact of leaders on social work").text(300, 315, 12, "Requires improvement to")
        .text(77, 329, 12, "practice with children and families").text(300, 329, 12, "be good")
        .text(77, 356, 12, "The experiences and progress of").text(300, 356, 12, "Inadequate")
        .text(77, 370, 12, "children who need help and protection")
        .text(77, 398, 12, "The experiences and progress of").text(300, 398, 12, "Good")
        .text(77, 412, 12, "children in care and care leavers")
        .text(77, 439, 12, "Overall effectiveness").text(300, 439, 12, "Requires improvement to be good")
        .prose(472, "Services for children in Northshire have declined since the last inspection, and",
            "this short inspection found that leaders have been slow to act.")
        .bytes();
    ParsedReport r = PARSER.parse(pdf);
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals("Northshire", r.authorityName());
    assertEquals("ilacs", r.framework());
    assertEquals("short", r.inspectionType());
    assertEquals(LocalDate.of(2019, 6, 10), r.fieldworkStart());
    assertEquals(LocalDate.of(2019, 6, 21), r.fieldworkEnd());
    assertNull(r.publishedOn());
    assertEquals(Map.of(
        "leadership", "3/requires improvement",
        "help_and_protection", "4/inadequate",
        "children_in_care", "2/good",
        "overall_effectiveness", "3/requires improvement"), grades(r));
    assertEquals("The impact of leaders on social work practice with children and families",
        r.judgements().get(0).wording());
    assertEquals("Requires improvement to be good", r.judgements().get(0).gradeText());
    assertEquals(1, r.pagesRead());
    assertEquals(ImprovementPoints.MISSING, r.pointsStatus(), "graded below outstanding, yet nothing to improve");
  }

  @Test
  void ilacsTableRunningOntoTheNextPage() {
    TestPdf pdf = new TestPdf().page()
        .text(71, 155, 26, "Inspection of Northshire local authority")
        .text(71, 187, 26, "children\u2019s services")
        .text(71, 216, 12, "Inspection dates: 7 to 18 November 2022")
        .prose(260, "Northshire has a long introduction that pushes its judgement table down the page.",
            "Leaders asked for it to be set out in full, and it was.")
        .text(77, 690, 12, "Judgement").text(300, 690, 12, "Grade")
        .text(77, 725, 12, "The impact of leaders on social work").text(300, 725, 12, "Good")
        .text(77, 739, 12, "practice with children and families")
        .text(77, 766, 12, "The experiences and progress of").text(300, 766, 12, "Good")
        .text(77, 780, 12, "children who need help and protection");
    pdf.page()
        .text(77, 80, 12, "The experiences and progress of").text(300, 80, 12, "Good")
        .text(77, 94, 12, "children in care and care leavers")
        .text(77, 121, 12, "Overall effectiveness").text(300, 121, 12, "Good")
        .text(71, 160, 14, "What needs to improve?")
        .text(71, 187, 12, "\u2022 The quality of plans for children in need, so that they are")
        .text(89, 201, 12, "timebound. (Outcome four, National Framework)")
        .text(71, 229, 12, "\u2022 The sufficiency of homes for children in care.")
        .text(71, 260, 14, "The experiences and progress of children who need help and")
        .prose(290, "1. Children in Northshire are well served.");
    pdf.page().prose(100, "Not read.");
    ParsedReport r = PARSER.parse(pdf.bytes());
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals(List.of("leadership", "help_and_protection", "children_in_care", "overall_effectiveness"),
        r.judgements().stream().map(ReportJudgement::area).toList());
    assertEquals(ParsedReport.PARSED, r.pointsStatus(), r.pointsDetail());
    assertEquals(List.of("The quality of plans for children in need, so that they are timebound.",
        "The sufficiency of homes for children in care."), r.points().stream().map(p -> p.text()).toList());
    assertEquals("outcome 4", r.points().get(0).nationalFrameworkReference());
    assertEquals(2, r.pagesRead(), "the section ends on the page where the table does");
  }

  @Test
  void ilacsFrom2023JudgesCareLeaversSeparatelyAndKeepsUnknownRows() {
    byte[] pdf = ilacsCover(new TestPdf(), "Inspection dates: 7 to 18 November 2022")
        .text(77, 315, 12, "The impact of leaders on social work").text(300, 315, 12, "Outstanding")
        .text(77, 329, 12, "practice with children and families")
        .text(77, 356, 12, "The experiences and progress of").text(300, 356, 12, "Good")
        .text(77, 370, 12, "children who need help and protection")
        .text(77, 398, 12, "The experiences and progress of").text(300, 398, 12, "Good")
        .text(77, 412, 12, "children in care")
        .text(77, 439, 12, "The experiences and progress of care").text(300, 439, 12, "Requires improvement to be good")
        .text(77, 453, 12, "leavers")
        .text(77, 480, 12, "The sparkle of the front door").text(300, 480, 12, "Good")
        .text(77, 507, 12, "Overall effectiveness").text(300, 507, 12, "Good")
        .bytes();
    ParsedReport r = PARSER.parse(pdf);
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals(LocalDate.of(2022, 11, 7), r.fieldworkStart());
    assertEquals(LocalDate.of(2022, 11, 18), r.fieldworkEnd());
    assertEquals("unknown", r.inspectionType());
    assertEquals(Arrays.asList("leadership", "help_and_protection", "children_in_care", "care_leavers", null,
        "overall_effectiveness"), r.judgements().stream().map(ReportJudgement::area).toList());
    assertEquals("3/requires improvement", grades(r).get("care_leavers"));
    ReportJudgement unknown = r.judgements().get(4);
    assertEquals("The sparkle of the front door", unknown.wording());
    assertEquals(2, unknown.grade().grade());
  }

  @Test
  void ilacsFromApril2026HasNoOverallEffectiveness() {
    byte[] pdf = ilacsCover(new TestPdf(), "Inspection dates: 11 to 22 May 2026")
        .text(77, 315, 12, "The impact of leaders on practice with").text(300, 315, 12, "Outstanding")
        .text(77, 329, 12, "children and families")
        .text(77, 356, 12, "The experiences and progress of").text(300, 356, 12, "Good")
        .text(77, 370, 12, "children who need help and protection")
        .text(77, 398, 12, "The experiences and progress of").text(300, 398, 12, "Good")
        .text(77, 412, 12, "children in care")
        .text(77, 439, 12, "The experiences and progress of care").text(300, 439, 12, "Inadequate")
        .text(77, 453, 12, "leavers")
        .prose(490, "The experiences of children in Northshire have improved since 2022.")
        .bytes();
    ParsedReport r = PARSER.parse(pdf);
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals("ilacs", r.framework());
    assertEquals(Map.of(
        "leadership", "1/outstanding",
        "help_and_protection", "2/good",
        "children_in_care", "2/good",
        "care_leavers", "4/inadequate"), grades(r));
    assertEquals(1, r.pagesRead());
  }

  @Test
  void preSifReportOnTheAdequateScale() {
    TestPdf pdf = new TestPdf().page()
        .text(85, 190, 26, "Inspection of looked after children")
        .text(85, 221, 26, "services")
        .text(85, 248, 18, "Northshire County Council")
        .text(85, 574, 9, "Inspection dates:").text(160, 574, 9, "8 \u2013 12 July 2013")
        .text(85, 739, 9, "Published:").text(160, 739, 9, "16 August 2013");
    pdf.page().text(85, 705, 9, "\u00a9 Crown copyright 2013");
    pdf.page()
        .text(85, 44, 8, "Northshire County Council Inspection of looked after children services").text(510, 44, 8, "1")
        .text(85, 92, 12, "Contents")
        .text(85, 118, 12, "About this inspection").text(510, 118, 12, "2")
        .text(85, 198, 12, "Overall effectiveness of services for looked after children and")
        .text(85, 212, 12, "young people").text(510, 212, 12, "4")
        .text(85, 239, 12, "Capacity to improve").text(510, 239, 12, "4")
        .text(85, 344, 12, "Record of main findings").text(510, 344, 12, "21");
    pdf.page().prose(100, "About this inspection.");
    pdf.page().prose(100, "Service information.");
    pdf.page()
        .text(85, 98, 18, "Overall effectiveness of services for looked")
        .text(85, 119, 18, "after children and young people")
        .text(85, 149, 14, "Grade 3 (adequate)")
        .text(85, 176, 12, "8. The overall effectiveness of services for looked after children is adequate.");
    ParsedReport r = PARSER.parse(pdf.bytes());
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals("pre_sif", r.framework());
    assertEquals("full", r.inspectionType());
    assertEquals("Northshire County Council", r.authorityName());
    assertEquals(LocalDate.of(2013, 7, 8), r.fieldworkStart());
    assertEquals(LocalDate.of(2013, 7, 12), r.fieldworkEnd());
    assertEquals(LocalDate.of(2013, 8, 16), r.publishedOn());
    assertEquals(1, r.judgements().size());
    ReportJudgement overall = r.judgements().get(0);
    assertEquals("children_in_care", overall.area());
    assertEquals("Grade 3 (adequate)", overall.gradeText());
    assertEquals(new Grades.Grade(3, "adequate", null), overall.grade(),
        "the pre-2013 scale's grade 3 stays distinguishable");
    assertEquals(4, r.pagesRead(), r.detail());
  }

  @Test
  void monitoringVisitLetterIsParsedWithoutJudgements() {
    byte[] pdf = new TestPdf().page()
        .prose(100, "12 March 2019", "Dear Ms Director,",
            "Monitoring visit to Northshire local authority children\u2019s services",
            "This letter summarises the findings of the monitoring visit on 5 and 6 February 2019.")
        .bytes();
    ParsedReport r = PARSER.parse(pdf);
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    assertEquals("monitoring_visit", r.inspectionType());
    assertEquals("Northshire", r.authorityName());
    assertTrue(r.judgements().isEmpty());
  }

  @Test
  void emptyFile() {
    assertEquals(ParsedReport.EMPTY_FILE, PARSER.parse(new byte[0]).status());
  }

  @Test
  void htmlSavedAsPdf() {
    byte[] html = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Report not found</title></head></html>"
        .getBytes(StandardCharsets.UTF_8);
    ParsedReport r = PARSER.parse(html);
    assertEquals(ParsedReport.NOT_A_PDF, r.status());
    assertTrue(r.detail().contains("<!DOCTYPE html>"), r.detail());
  }

  @Test
  void truncatedPdf() {
    byte[] whole = new TestPdf().page().prose(100, "A report cut short in the download.").bytes();
    assertEquals(ParsedReport.TRUNCATED_PDF, PARSER.parse(Arrays.copyOf(whole, whole.length / 2)).status());
  }

  @Test
  void encryptedPdf() {
    StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
    byte[] pdf = new TestPdf().page().prose(100, "Secret.").bytes(policy);
    assertEquals(ParsedReport.ENCRYPTED_PDF, PARSER.parse(pdf).status());
  }

  @Test
  void unparseablePdf() {
    byte[] junk = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
    assertEquals(ParsedReport.UNPARSEABLE_PDF, PARSER.parse(junk).status());
  }

  @Test
  void pdfWithoutJudgements() {
    byte[] pdf = new TestPdf().page()
        .text(71, 120, 26, "Annual report of the safeguarding partnership")
        .prose(200, "Partners met four times this year and agreed a new plan.",
            "The plan is good and leaders expect it to work.")
        .bytes();
    ParsedReport r = PARSER.parse(pdf);
    assertEquals(ParsedReport.NO_JUDGEMENTS, r.status(), r.detail());
    assertTrue(r.judgements().isEmpty());
  }

  @Test
  void wordingsThatFitTwoFrameworksAreSettledByTheEraOfTheDate() {
    assertEquals("sif", overallOnly("1 March 2018").framework(),
        "SIF and ILACS reports were both published in 2018: the earlier era wins, as everywhere (reference/Eras)");
    assertEquals("ilacs", overallOnly("5 August 2019").framework());
  }

  /** A report whose one judgement, overall effectiveness, is worded alike in SIF and ILACS. */
  private static ParsedReport overallOnly(String published) {
    ParsedReport r = PARSER.parse(new TestPdf().page()
        .text(71, 155, 26, "Northshire")
        .text(71, 216, 12, "Report published: " + published)
        .text(77, 282, 12, "Judgement").text(300, 282, 12, "Grade")
        .text(77, 315, 12, "Overall effectiveness").text(300, 315, 12, "Good")
        .bytes());
    assertEquals(ParsedReport.PARSED, r.status(), r.detail());
    return r;
  }

  @Test
  void tooLarge() {
    byte[] huge = new byte[(int) ReportParser.MAX_BYTES + 1];
    System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
    ParsedReport oversized = PARSER.parse(huge);
    assertEquals(ParsedReport.TOO_LARGE, oversized.status());
    assertEquals("over 64 MiB", oversized.detail(), "as ReportsStaging says of a file it lists over the limit");
    TestPdf manyPages = new TestPdf();
    for (int i = 0; i <= ReportParser.MAX_PAGES; i++) manyPages.page();
    ParsedReport r = PARSER.parse(manyPages.bytes());
    assertEquals(ParsedReport.TOO_LARGE, r.status());
    assertEquals(0, r.pagesRead(), "refused before reading any page");
  }

  @Test
  void timeoutInsteadOfHanging() {
    byte[] pdf = new TestPdf().page().prose(100, "Any report.").bytes();
    ParsedReport r = PARSER.parseWithTimeout(pdf, Duration.ofNanos(1), "any report.pdf");
    assertEquals(ParsedReport.TIMEOUT, r.status());
    assertEquals(ParsedReport.NO_JUDGEMENTS, PARSER.parseWithTimeout(pdf, Duration.ofSeconds(30), "any report.pdf").status());
  }

  @Test
  void parserAndResultsTravelToSparkExecutors() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(PARSER);
      out.writeObject(PARSER.parse(new byte[0]));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ReportParser copy = (ReportParser) in.readObject();
      assertEquals(ParsedReport.EMPTY_FILE, ((ParsedReport) in.readObject()).status());
      assertEquals(ParsedReport.NOT_A_PDF, copy.parse("<html>".getBytes(StandardCharsets.US_ASCII)).status());
    }
  }
}
