package ofstedcsc.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import ofstedcsc.reports.ImprovementPoints.Point;
import ofstedcsc.reports.ImprovementPoints.Section;
import ofstedcsc.reports.PageLines.Line;
import ofstedcsc.reports.PageLines.Segment;
import org.junit.jupiter.api.Test;

/** Improvement points sections from lines built here, laid out as the reports set them. */
class ImprovementPointsTest {
  private static final float HEIGHT = 842f;

  /** Lines of one page, each added below the last. */
  private static final class Page {
    final List<Line> lines = new ArrayList<>();

    Page line(float y, float x, float size, String... segments) {
      List<Segment> list = new ArrayList<>();
      float at = x;
      for (String s : segments) {
        list.add(new Segment(at, at + 5 * s.length(), s));
        at += 5 * s.length() + 40;
      }
      lines.add(new Line(y, x, at - 40, size, list));
      return this;
    }

    PageLines build(int number) {
      return new PageLines(number, HEIGHT, List.copyOf(lines));
    }
  }

  private static List<String> texts(Section section) {
    return section.points().stream().map(Point::text).toList();
  }

  @Test
  void bulletsWrappedOverLinesAndPagesUpToTheNextHeading() {
    PageLines first = new Page()
        .line(120, 70, 12, "quality of practice with children and their families.")
        .line(165, 70, 14, "What needs to improve?")
        .line(192, 70, 12, "\u25fc The quality of written child in need, child protection and care plans, so that")
        .line(206, 88, 12, "they are timebound, with clear and meaningful contingency plans.")
        .line(234, 70, 12, "\u25fc The timeliness of permanence for children placed with parents and the pre-")
        .line(248, 88, 12, "proceedings work that precedes it.")
        .line(276, 70, 12, "\u25fc The response to children who go missing from home and care, so that all")
        .line(759, 77, 9, "The areas for improvement have been cross-referenced with the outcomes")
        .line(802, 513, 8, "2")
        .build(2);
    PageLines second = new Page()
        .line(60, 70, 8, "Inspection of Northshire local authority children\u2019s services")
        .line(105, 88, 12, "children are offered return home interviews. (Outcome four, National")
        .line(120, 88, 12, "Framework)")
        .line(150, 70, 14, "The experiences and progress of children who need help and")
        .line(165, 70, 14, "protection: good")
        .line(190, 70, 12, "1. Overall, children receive effective help.")
        .build(3);
    Section section = ImprovementPoints.read(List.of(first, second), 1);

    assertEquals(ParsedReport.PARSED, section.status());
    assertTrue(section.ended());
    assertEquals(List.of(
        "The quality of written child in need, child protection and care plans, so that they are timebound, with "
            + "clear and meaningful contingency plans.",
        "The timeliness of permanence for children placed with parents and the pre-proceedings work that precedes it.",
        "The response to children who go missing from home and care, so that all children are offered return home "
            + "interviews."), texts(section));
    assertEquals("outcome 4", section.points().get(2).nationalFrameworkReference());
    assertNull(section.points().get(0).nationalFrameworkReference());
  }

  @Test
  void aHeadingInBoldOfTheBodySizeEndsTheList() {
    PageLines page = new Page()
        .line(100, 72, 12, "What needs to improve")
        .line(120, 72, 12, "\u25fc The effectiveness of management direction and challenge by leaders and")
        .line(135, 86, 12, "managers at all levels.")
        .line(165, 72, 12, "\u25fc The effectiveness of strategic partnerships.")
        .line(209, 72, 12, "The experiences and progress of children who need help and protection:")
        .line(224, 72, 12, "inadequate")
        .build(2);
    Section section = ImprovementPoints.read(List.of(page), 0);

    assertEquals(List.of("The effectiveness of management direction and challenge by leaders and managers at all "
        + "levels.", "The effectiveness of strategic partnerships."), texts(section));
    assertTrue(section.ended());
  }

  @Test
  void subBulletsJoinTheirPoint() {
    PageLines page = new Page()
        .line(100, 70, 14, "What needs to improve?")
        .line(125, 70, 12, "\u25fc The quality of oversight and monitoring of:")
        .line(140, 88, 12, "\u2212 the pre-proceedings process in the Public Law Outline (PLO)")
        .line(155, 88, 12, "\u2212 private fostering.")
        .line(180, 70, 12, "\u25fc Caseloads in the assessment teams.")
        .build(2);
    Section section = ImprovementPoints.read(List.of(page), 0);

    assertEquals(List.of("The quality of oversight and monitoring of: the pre-proceedings process in the Public Law "
        + "Outline (PLO); private fostering.", "Caseloads in the assessment teams."), texts(section));
    assertFalse(section.ended(), "the page ended, not the section");
  }

  @Test
  void aNumberedListGoesOnPastSubHeadingsFromWhereTheParagraphsStand() {
    PageLines page = new Page()
        .line(105, 70, 14, "What does the local authority need to improve?")
        .line(131, 70, 12, "Priority and immediate action")
        .line(158, 78, 12, "24.", "Strengthen operational and senior management arrangements so that there")
        .line(172, 106, 12, "is sufficient capacity.")
        .line(199, 70, 12, "Areas for improvement")
        .line(225, 78, 12, "25.", "Ensure that all children looked after are registered with a dentist.")
        .line(260, 78, 12, "3.", "A paragraph of the findings, numbered out of turn.")
        .build(4);
    Section section = ImprovementPoints.read(List.of(page), 0);

    assertEquals(List.of("Strengthen operational and senior management arrangements so that there is sufficient "
        + "capacity.", "Ensure that all children looked after are registered with a dentist."), texts(section));
    assertTrue(section.ended());
  }

  @Test
  void withoutMarkersEachParagraphIsAPoint() {
    PageLines page = new Page()
        .line(100, 70, 14, "What needs to improve")
        .line(125, 70, 12, "The quality and oversight of children subject to pre-proceedings plans.")
        .line(155, 70, 12, "The response to 16- and 17-year-olds who are homeless. Enabler three: National")
        .line(170, 70, 12, "Framework.")
        .line(200, 70, 14, "The experiences and progress of children in care: good")
        .build(2);
    Section section = ImprovementPoints.read(List.of(page), 0);

    assertEquals(List.of("The quality and oversight of children subject to pre-proceedings plans.",
        "The response to 16- and 17-year-olds who are homeless."), texts(section));
    assertEquals("enabler 3", section.points().get(1).nationalFrameworkReference());
  }

  @Test
  void aHeadingWithNothingReadableUnderItIsUnreadable() {
    PageLines page = new Page()
        .line(100, 70, 14, "What needs to improve?")
        .line(130, 70, 14, "The experiences and progress of children in care: good")
        .line(155, 70, 12, "1. Children in care live in stable homes, and most of them")
        .line(170, 88, 12, "see their social workers often.")
        .build(2);
    Section section = ImprovementPoints.read(List.of(page), 0);

    assertEquals(ImprovementPoints.UNREADABLE, section.status());
    assertEquals(List.of(), section.points());
  }

  @Test
  void referencesInTheirPrintedForms() {
    assertEquals("outcome 4", ImprovementPoints.reference("Outcome four, National Framework"));
    assertEquals("outcome 2", ImprovementPoints.reference("National Framework, Outcome 2"));
    assertEquals("enabler 2", ImprovementPoints.reference("National Framework enabler two"));
    assertEquals("outcome 3", ImprovementPoints.reference("outcome 3: national framework"));
    assertEquals("enabler: the workforce is equipped and effective",
        ImprovementPoints.reference("enabler: the workforce is equipped and effective, national framework"));
    Point point = ImprovementPoints.point("The quality of plans (outcome 1, national framework) for children.");
    assertEquals("The quality of plans for children.", point.text());
    assertEquals("outcome 1", point.nationalFrameworkReference());
  }

  @Test
  void theHeadingIsFoundByItsWordsAndFramework() {
    PageLines page = new Page()
        .line(100, 70, 12, "Contents")
        .line(120, 70, 12, "Recommendations", "8")
        .line(140, 70, 14, "What needs to improve?")
        .build(2);
    assertEquals(2, ImprovementPoints.heading(page, "ilacs"));
    assertEquals(-1, ImprovementPoints.heading(page, "sif"), "a contents line is no heading");
  }
}
