package ofstedcsc.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void gradeCellsAreFoundByTheWordsOfGradeValues() {
    assertTrue(VOCABULARY.isGradeFragment("Requires"), "a grade wrapped in its cell");
    assertTrue(VOCABULARY.isGradeFragment("improvement to\u00a0be good"));
    assertTrue(VOCABULARY.isGradeFragment("Not judged"));
    assertFalse(VOCABULARY.isGradeFragment("data_unreadable"), "the index's sentinels are never printed");
    assertFalse(VOCABULARY.isGradeFragment("3"));
    assertEquals(5, VOCABULARY.gradeWordsAtEnd("children's services in northshire require improvement to be good"));
    assertEquals(0, VOCABULARY.gradeWordsAtEnd("the local authority's services for children"));
  }
}
