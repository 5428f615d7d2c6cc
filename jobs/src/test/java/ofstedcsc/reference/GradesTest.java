package ofstedcsc.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GradesTest {
  private static final Grades GRADES = Grades.load();

  @Test
  void gradesKeepTheOldScaleApart() {
    assertEquals(new Grades.Grade(3, "adequate", null), GRADES.resolve("Adequate"));
    assertEquals(new Grades.Grade(3, "requires improvement", null), GRADES.resolve("require improvement"));
    assertEquals(new Grades.Grade(3, "requires improvement", null), GRADES.resolve("3"));
  }

  @Test
  void printedTextMeetsItsValueWhateverItsCaseQuotesDashesAndPunctuation() {
    assertEquals(new Grades.Grade(3, "requires improvement", null),
        GRADES.resolve("Requires Improvement to be good."));
    assertEquals(new Grades.Grade(3, "requires improvement", null), GRADES.resolve("Requires\u00a0improvement\u2013to be good"));
    assertEquals(new Grades.Grade(null, null, "not_judged"), GRADES.resolve("Not Judged"));
    assertEquals(new Grades.Grade(null, null, "data_unreadable"), GRADES.resolve("data_unreadable"));
    assertEquals(new Grades.Grade(4, "inadequate", null), GRADES.resolve("  INADEQUATE "));
  }

  @Test
  void theWordInBracketsIsTheGradeNotItsNumber() {
    assertEquals(new Grades.Grade(3, "adequate", null), GRADES.resolve("Grade 3 (Adequate)"));
    assertEquals(new Grades.Grade(4, "inadequate", null), GRADES.resolve("grade 4(inadequate)"));
    assertNull(GRADES.resolve("Grade 3 (satisfactory)"), "an unknown word is no grade, whatever the number says");
  }

  @Test
  void blankIsTheEmptyCellsSentinelButPunctuationAloneIsNoGrade() {
    assertEquals(new Grades.Grade(null, null, "blank"), GRADES.resolve(null));
    assertEquals(new Grades.Grade(null, null, "blank"), GRADES.resolve("  "));
    assertNull(GRADES.resolve("-"));
    assertNull(GRADES.resolve("?"));
    assertNull(GRADES.resolve("to requires improvement"));
    assertNull(GRADES.resolve("09/02/2024"));
  }
}
