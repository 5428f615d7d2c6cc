package ofstedcsc.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts one page at a time as positioned lines. PDFTextStripper groups glyphs into lines (sorted
 * by position, because Word's tables are not written in reading order); this class keeps the glyph
 * geometry that the stripper's plain text throws away, so that table columns can be told apart.
 */
final class LineStripper extends PDFTextStripper {
  /** A page with more glyphs than this is not an inspection report page; it bounds memory and time. */
  static final int MAX_GLYPHS_PER_PAGE = 200_000;

  private final Deadline deadline;
  private final List<TextPosition> pending = new ArrayList<>();
  private final List<PageLines.Line> lines = new ArrayList<>();
  private int glyphs;

  LineStripper(Deadline deadline) {
    this.deadline = deadline;
    setSortByPosition(true);
    // Reports come from Word, which draws each glyph once; the overlap check for fake-bold
    // overprinting cost some 15% of the time and changed no result on the corpus.
    setSuppressDuplicateOverlappingText(false);
  }

  PageLines read(PDDocument document, int pageNumber) throws IOException {
    lines.clear();
    pending.clear();
    glyphs = 0;
    setStartPage(pageNumber);
    setEndPage(pageNumber);
    writeText(document, Writer.nullWriter());
    flushLine();
    PDRectangle box = document.getPage(pageNumber - 1).getCropBox();
    return new PageLines(pageNumber, box.getHeight(), List.copyOf(lines));
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    deadline.check();
    if (++glyphs > MAX_GLYPHS_PER_PAGE) {
      throw new LimitExceeded("more than " + MAX_GLYPHS_PER_PAGE + " glyphs on one page");
    }
    super.processTextPosition(text);
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    pending.addAll(positions);
  }

  @Override
  protected void writeLineSeparator() {
    flushLine();
  }

  @Override
  protected void writeWordSeparator() {
    // Word gaps are measured from the glyph positions in flushLine.
  }

  private void flushLine() {
    if (pending.isEmpty()) return;
    float fontSize = dominantFontSize(pending);
    List<PageLines.Segment> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    float segmentStart = 0;
    float previousEnd = Float.NaN;
    float y = Float.NaN;
    boolean spaceSeen = false;
    for (TextPosition t : pending) {
      String unicode = t.getUnicode();
      if (unicode == null || unicode.isEmpty()) continue;
      if (isSpace(unicode)) {
        spaceSeen = true;
        continue;
      }
      // Footnote markers are small raised digits glued to a word ("Board1"); they are not wording.
      if (Character.isDigit(unicode.charAt(0)) && t.getFontSizeInPt() < 0.8f * fontSize) continue;
      float x = t.getXDirAdj();
      float space = spaceWidth(t, fontSize);
      if (Float.isNaN(previousEnd)) {
        segmentStart = x;
        y = t.getYDirAdj();
      } else {
        float gap = x - previousEnd;
        if (gap > 2.5f * space) {
          segments.add(new PageLines.Segment(segmentStart, previousEnd, text.toString()));
          text.setLength(0);
          segmentStart = x;
        } else if (spaceSeen || gap > 0.35f * space) {
          text.append(' ');
        }
      }
      text.append(unicode);
      previousEnd = x + t.getWidthDirAdj();
      spaceSeen = false;
    }
    pending.clear();
    if (text.length() == 0) return;
    segments.add(new PageLines.Segment(segmentStart, previousEnd, text.toString()));
    lines.add(new PageLines.Line(y, segments.get(0).x0(), previousEnd, fontSize, List.copyOf(segments)));
  }

  /** Word pads no-break spaces after numbers in contents pages; they separate like any space. */
  private static boolean isSpace(String unicode) {
    return unicode.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  private static float spaceWidth(TextPosition t, float fontSize) {
    float width = t.getWidthOfSpace();
    return width > 0 && Float.isFinite(width) ? width : 0.25f * fontSize;
  }

  /** The font size most of the line's glyphs use, so that one superscript does not skew it. */
  private static float dominantFontSize(List<TextPosition> positions) {
    float[] sizes = new float[positions.size()];
    for (int i = 0; i < sizes.length; i++) sizes[i] = positions.get(i).getFontSizeInPt();
    Arrays.sort(sizes);
    return sizes[sizes.length / 2];
  }
}
