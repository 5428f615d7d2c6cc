package ofstedcsc.reference;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation printed text goes through before it meets the wordings of data/reference: grades in
 * {@link Grades}, judgement areas in the report parser's vocabulary. PDF text and hand-typed cells differ from the
 * reference tables in Unicode forms, case, curly quotes and dashes, none of which changes what they say.
 */
public final class PrintedText {
  private PrintedText() {}

  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9' ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Compatibility forms (ligatures, non-breaking spaces) resolved, lower case, straight quotes, ASCII hyphens. */
  public static String plain(String printed) {
    return Normalizer.normalize(printed, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace('\u2013', '-')
        .replace('\u2014', '-')
        .replace('\u2010', '-')
        .replace('\u2011', '-');
  }

  /** Plain text as its words: anything but letters, digits and apostrophes separates words, single-spaced. */
  public static String words(String plain) {
    return SPACES.matcher(NOT_WORD.matcher(plain).replaceAll(" ")).replaceAll(" ").trim();
  }
}
