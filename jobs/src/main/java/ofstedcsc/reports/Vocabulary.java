package ofstedcsc.reports;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import ofstedcsc.reference.Grades;
import ofstedcsc.reference.PrintedText;
import ofstedcsc.reference.ReferenceTable;

/**
 * The report wordings of judgement_areas.csv (source=report) and the grade wordings of {@link Grades}, with what
 * lets a page's text meet them: besides {@link PrintedText}'s normalisation, list numbering, punctuation,
 * abbreviations in brackets and line wrapping do not count.
 */
final class Vocabulary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One wording row; {@code pattern} is set when the wording has a '*' standing for any words (a name, never a number). */
  record Wording(String framework, String key, String area, Pattern pattern) implements Serializable {
    int words() {
      return key.split(" ").length;
    }
  }

  private static final Pattern LIST_NUMBER = Pattern.compile("^(\\d+(\\.\\d+)*\\.?|[•◼▪●■-])\\s+");
  private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)");
  private static final Pattern WORD_HYPHEN = Pattern.compile("(?<=[a-z])-(?=[a-z])");

  private final List<Wording> wordings;
  private final Grades grades;
  /** Grade wordings that are words ("not judged" too), longest first, for finding a grade at the end of a sentence. */
  private final List<String> gradePhrases;
  /** Every run of consecutive words inside a grade wording: what a wrapped table cell can hold. */
  private final Set<String> gradeFragments;

  private Vocabulary(List<Wording> wordings, Grades grades) {
    this.wordings = List.copyOf(wordings);
    this.grades = grades;
    List<String> phrases = new ArrayList<>();
    Set<String> fragments = new HashSet<>();
    // Words only: "not judged" is printed in reports; the index's sentinels and digits are not.
    for (String value : grades.values().stream().filter(v -> v.matches("[A-Za-z]+( [A-Za-z]+)*"))
        .map(Grades::key).toList()) {
      phrases.add(value);
      String[] words = value.split(" ");
      for (int from = 0; from < words.length; from++) {
        for (int to = from + 1; to <= words.length; to++) {
          fragments.add(String.join(" ", Arrays.copyOfRange(words, from, to)));
        }
      }
    }
    phrases.sort(Comparator.comparingInt(String::length).reversed());
    this.gradePhrases = List.copyOf(phrases);
    this.gradeFragments = Set.copyOf(fragments);
  }

  static Vocabulary load() {
    ReferenceTable areas = ReferenceTable.load("judgement_areas");
    int source = areas.column("source");
    int framework = areas.column("framework");
    int wording = areas.column("wording");
    int area = areas.column("area");
    List<Wording> wordings = new ArrayList<>();
    for (List<String> row : areas.rows) {
      if (!row.get(source).equals("report")) continue;
      String key = wordingKey(row.get(wording).replace("*", " wildcardmark "));
      Pattern pattern = key.contains("wildcardmark")
          ? Pattern.compile(Pattern.quote(key).replace("wildcardmark", "\\E[^0-9]+\\Q"))
          : null;
      wordings.add(new Wording(row.get(framework), key, row.get(area), pattern));
    }
    return new Vocabulary(wordings, Grades.load());
  }

  /** The key a printed judgement label is looked up by. */
  static String wordingKey(String printed) {
    String s = PrintedText.plain(printed);
    s = BRACKETED.matcher(s).replaceAll(" ").trim();
    s = LIST_NUMBER.matcher(s).replaceFirst("");
    // A hyphen inside a word is dropped, so that "achiev-" wrapped before "ing" still reads "achieving".
    s = WORD_HYPHEN.matcher(s).replaceAll("");
    return PrintedText.words(s);
  }

  /**
   * The rows a label key matches, for one framework or (null) any: exact wordings first, then
   * wordings with '*', then, for wordings of five words or more, a unique nearest wording one word
   * away (a dropped or misprinted word, as in "the experiences and progress of children care leavers").
   */
  List<Wording> match(String key, String framework) {
    List<Wording> pool = framework == null
        ? wordings
        : wordings.stream().filter(w -> w.framework().equals(framework)).toList();
    List<Wording> exact = pool.stream().filter(w -> w.pattern() == null && w.key().equals(key)).toList();
    if (!exact.isEmpty()) return exact;
    List<Wording> wild = pool.stream().filter(w -> w.pattern() != null && w.pattern().matcher(key).matches()).toList();
    if (!wild.isEmpty()) return wild;
    String[] words = key.split(" ");
    List<Wording> near = pool.stream()
        .filter(w -> w.pattern() == null && w.words() >= 5 && wordDistanceAtMostOne(words, w.key().split(" ")))
        .toList();
    return near.stream().map(Wording::area).distinct().count() == 1 ? near : List.of();
  }

  private static boolean wordDistanceAtMostOne(String[] a, String[] b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    int i = 0;
    while (i < a.length && i < b.length && a[i].equals(b[i])) i++;
    int ja = a.length - 1;
    int jb = b.length - 1;
    while (ja >= i && jb >= i && a[ja].equals(b[jb])) {
      ja--;
      jb--;
    }
    return ja - i < 1 && jb - i < 1;
  }

  /** Wordings whose area is {@code area}, for finding a section in a table of contents. */
  List<String> keysFor(String framework, String area) {
    return wordings.stream()
        .filter(w -> w.pattern() == null && (framework == null || w.framework().equals(framework)))
        .filter(w -> area == null || w.area().equals(area))
        .map(Wording::key)
        .toList();
  }

  Grades.Grade grade(String gradeText) {
    return grades.resolve(gradeText);
  }

  boolean isGradeFragment(String text) {
    return gradeFragments.contains(Grades.key(text));
  }

  /** How many words at the end of the key form the longest grade wording there, or 0. */
  int gradeWordsAtEnd(String gradeKey) {
    for (String phrase : gradePhrases) {
      if (gradeKey.equals(phrase) || gradeKey.endsWith(" " + phrase)) return phrase.split(" ").length;
    }
    return 0;
  }
}
