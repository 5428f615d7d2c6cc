package ofstedcsc.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDFontFactory;

/**
 * A document's fonts as text extraction needs them. PDFBox reads every embedded font program when it meets the font:
 * it inflates the program, copies it and parses its tables (on the national corpus some fifteen fonts a report, a third
 * of the parse's time). The text and the glyph positions come from the font's dictionary alone when the dictionary
 * gives every glyph's text and width: a simple TrueType font with its widths (the space's among them) and an encoding
 * that names each code's glyph; a Type0 font whose ToUnicode map gives the text of every glyph its widths list. Such
 * fonts are opened from a copy of their dictionary without the program; any other font is opened as PDFBox opens it.
 * Without the program, PDFBox takes metrics it cannot find in the dictionary from the font {@link LastResort} gives,
 * which is also where any font a report does not embed goes: the same on every machine, whatever fonts it has.
 */
final class TextFonts extends DefaultResourceCache {
  // Before any document of this JVM opens a font: a font whose program is left out is mapped to LastResort.
  static {
    FontMappers.set(new LastResort());
  }

  @Override
  public PDFont getFont(COSObject indirect) {
    PDFont cached = super.getFont(indirect);
    if (cached != null || !(indirect.getObject() instanceof COSDictionary font)) return cached;
    COSDictionary textOnly = withoutProgram(font);
    if (textOnly == null) return null;
    try {
      PDFont opened = PDFontFactory.createFont(textOnly);
      put(indirect, opened);
      return opened;
    } catch (Deadline.TimedOut e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // PDFBox opens it the usual way next, and says what is wrong with it as it always does.
      return null;
    }
  }

  /** A copy of the font's dictionary without its embedded program, or null when the dictionary alone is not enough. */
  static COSDictionary withoutProgram(COSDictionary font) {
    COSName subtype = font.getCOSName(COSName.SUBTYPE);
    if (COSName.TRUE_TYPE.equals(subtype)) {
      return simpleTextOnly(font) ? withoutFile(font) : null;
    }
    if (COSName.TYPE0.equals(subtype)) {
      COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
      if (descendants == null || descendants.size() != 1
          || !(descendants.getObject(0) instanceof COSDictionary cidFont)) {
        return null;
      }
      COSDictionary cidTextOnly = cidTextOnly(font, cidFont) ? withoutFile(cidFont) : null;
      if (cidTextOnly == null) return null;
      COSDictionary copy = new COSDictionary(font);
      COSArray descendant = new COSArray();
      descendant.add(cidTextOnly);
      copy.setItem(COSName.DESCENDANT_FONTS, descendant);
      return copy;
    }
    return null;
  }

  /** Widths for every code from the first to the last, the space among them, and an encoding naming every glyph. */
  private static boolean simpleTextOnly(COSDictionary font) {
    COSArray widths = font.getCOSArray(COSName.WIDTHS);
    int first = font.getInt(COSName.FIRST_CHAR, -1);
    int last = font.getInt(COSName.LAST_CHAR, -1);
    if (widths == null || first < 0 || last < first || widths.size() != last - first + 1 || first > ' '
        || last < ' ') {
      return false;
    }
    COSBase encoding = font.getDictionaryObject(COSName.ENCODING);
    // A dictionary without a base encoding takes the rest of its codes from the program's built-in encoding.
    return encoding instanceof COSName
        || encoding instanceof COSDictionary d && d.getDictionaryObject(COSName.BASE_ENCODING) instanceof COSName;
  }

  /**
   * An Identity-encoded CID TrueType font whose ToUnicode map gives the text of every glyph its widths list: without
   * the map PDFBox would look a glyph's text up in the program's own table, which the program's absence would make
   * wrong rather than missing.
   */
  private static boolean cidTextOnly(COSDictionary font, COSDictionary cidFont) {
    if (!(font.getDictionaryObject(COSName.ENCODING) instanceof COSName encoding)
        || !encoding.getName().startsWith("Identity-")
        || !COSName.CID_FONT_TYPE2.equals(cidFont.getCOSName(COSName.SUBTYPE))
        || !(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream toUnicodeStream)) {
      return false;
    }
    COSArray widths = cidFont.getCOSArray(COSName.W);
    if (widths == null) return false;
    CMap toUnicode;
    // Parsed as PDFBox parses it, so that a code maps here exactly when it maps there.
    try (RandomAccessRead view = toUnicodeStream.createView()) {
      toUnicode = new CMapParser().parse(view);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    // /W lists "c [w1 w2 ...]" (widths from c on) and "c_first c_last w" (one width for a range). Two-byte codes
    // name glyphs 0 to 65,535; a list outside them, or of more, is no font a report embeds, and is not worth checking
    // glyph by glyph (nothing here checks the parse's time limit).
    int listed = 0;
    for (int i = 0; i < widths.size(); ) {
      if (!(widths.getObject(i) instanceof COSNumber start) || i + 1 >= widths.size()) return false;
      int from = start.intValue();
      int to;
      if (widths.getObject(i + 1) instanceof COSArray each) {
        to = from + each.size() - 1;
        i += 2;
      } else if (widths.getObject(i + 1) instanceof COSNumber end && i + 2 < widths.size()) {
        to = end.intValue();
        i += 3;
      } else {
        return false;
      }
      if (from < 0 || to > 0xFFFF) return false;
      listed += Math.max(0, to - from + 1);
      if (listed > 0x10000 || !mapped(toUnicode, from, to)) return false;
    }
    return true;
  }

  private static boolean mapped(CMap toUnicode, int first, int last) {
    for (int cid = first; cid <= last; cid++) {
      // Glyph 0 is .notdef, drawn for a missing character: no program gives it text either.
      if (cid != 0 && toUnicode.toUnicode(cid) == null) return false;
    }
    return true;
  }

  /** The font's dictionary with a descriptor that names no program; null when there was no program to leave out. */
  private static COSDictionary withoutFile(COSDictionary font) {
    if (!(font.getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor)
        || !descriptor.containsKey(COSName.FONT_FILE2) || descriptor.containsKey(COSName.FONT_FILE)
        || descriptor.containsKey(COSName.FONT_FILE3)) {
      return null;
    }
    COSDictionary withoutFile = new COSDictionary(descriptor);
    withoutFile.removeItem(COSName.FONT_FILE2);
    COSDictionary copy = new COSDictionary(font);
    copy.setItem(COSName.FONT_DESC, withoutFile);
    return copy;
  }

  /**
   * PDFBox's own last-resort font (Liberation Sans, in its jar) for every font without a program. PDFBox's default
   * mapper would first scan the machine's font folders and keep what it found in a cache file (pdfbox.fontcache, by
   * default in the user's home directory).
   */
  private static final class LastResort implements FontMapper {
    private static final class Font {
      static final TrueTypeFont INSTANCE = load();

      private static TrueTypeFont load() {
        try (InputStream in = PDFont.class.getResourceAsStream(
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
          return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
      return new FontMapping<>(Font.INSTANCE, true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
      return new FontMapping<>(Font.INSTANCE, true);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
      return new CIDFontMapping(null, Font.INSTANCE, true);
    }
  }
}
