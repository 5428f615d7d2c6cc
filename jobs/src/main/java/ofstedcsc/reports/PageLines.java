package ofstedcsc.reports;

import java.util.List;
import java.util.stream.Collectors;

/** The text lines of one page, top to bottom, with the geometry the judgement rules need. */
record PageLines(int number, float height, List<Line> lines) {

  /** A run of text on one line; a wide horizontal gap (a table column, a tab stop) starts a new one. */
  record Segment(float x0, float x1, String text) {}

  record Line(float y, float x0, float x1, float fontSize, List<Segment> segments) {
    String text() {
      return segments.stream().map(Segment::text).collect(Collectors.joining(" "));
    }
  }

  float left() {
    return (float) lines.stream().mapToDouble(Line::x0).min().orElse(0);
  }

  float right() {
    return (float) lines.stream().mapToDouble(Line::x1).max().orElse(0);
  }
}
