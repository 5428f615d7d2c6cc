package ofstedcsc.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static final Vocabulary VOCABULARY = Vocabulary.load();

  private static List<String> areas(String printed, String framework) {
    return VOCABULARY.match(Vocabulary.wordingKey(printed), framework).stream().map(Vocabulary.Wording::area).toList();
  }

  @Test
  void printedLabelsMeetTheirWordings() {
    assertEquals(List.of("leadership"), areas("3. Leadership, management and governance", "sif"));
    assertEquals(List.of("adoption"), areas("2.1   Adoption  performance", "sif"));
    assertEquals(List.of("lscb"), areas("The effectiveness of the Local Safeguarding Children Board (LSCB)", "sif"));
    assertEquals(List.of("overall_effectiveness"), areas("Children\u2019s services in the Royal Borough of Greenwich", "sif"));
    assertEquals(List.of("children_in_care"),
        areas(JudgementFinder.joinWrapped(List.of("The experiences and progress of chil-", "dren in care")), "ilacs"));
  }

  @Test
  void oneMissingOrMisprintedWordInALongWordingIsTolerated() {
    assertEquals(List.of("care_leavers"), areas("The experiences and progress of children care leavers", "ilacs"));
    assertEquals(List.of("lscb"), areas("The Local Safeguarding Children", "sif"));
    assertTrue(areas("Overall efficiency", "ilacs").isEmpty(), "short wordings must match exactly");
  }

  @Test
  void gradesKeepTheOldScaleApart() {
    assertEquals(new Vocabulary.Grade(3, "adequate"), VOCABULARY.grade("Adequate"));
    assertEquals(new Vocabulary.Grade(3, "requires improvement"), VOCABULARY.grade("Requires Improvement to be good."));
    assertEquals(new Vocabulary.Grade(3, "requires improvement"), VOCABULARY.grade("require improvement"));
    assertEquals(new Vocabulary.Grade(null, null), VOCABULARY.grade("Not Judged"));
  }
}
