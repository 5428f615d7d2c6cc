package ofstedcsc.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.junit.jupiter.api.Test;

class TextFontsTest {
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  /** A page in two embedded fonts, as Word writes reports: a simple TrueType font and a Type0 (CID) one. */
  private static byte[] embeddedFonts() throws IOException {
    try (PDDocument document = new PDDocument(); InputStream simple = PDFont.class.getResourceAsStream(FONT);
        InputStream cid = PDFont.class.getResourceAsStream(FONT)) {
      PDTrueTypeFont trueType = PDTrueTypeFont.load(document, simple, WinAnsiEncoding.INSTANCE);
      PDType0Font type0 = PDType0Font.load(document, cid);
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(trueType, 26);
        content.newLineAtOffset(71, 720);
        content.showText("Kirklees Council");
        content.setFont(type0, 12);
        content.newLineAtOffset(0, -40);
        content.showText("Overall effectiveness          Requires improvement to be good");
        content.newLineAtOffset(0, -16);
        content.showText("The experiences and progress of care leavers    Good");
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static List<PDFont> fonts(PDDocument document) throws IOException {
    PDResources resources = document.getPage(0).getResources();
    List<PDFont> fonts = new ArrayList<>();
    for (COSName name : resources.getFontNames()) fonts.add(resources.getFont(name));
    return fonts;
  }

  @Test
  void embeddedFontsAreOpenedWithoutTheirProgramsAndGiveTheSameLines() throws IOException {
    byte[] pdf = embeddedFonts();
    PageLines withPrograms;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document.setResourceCache(new DefaultResourceCache());
      withPrograms = new LineStripper(Deadline.NONE).read(document, 1);
      assertTrue(fonts(document).stream().allMatch(PDFont::isEmbedded));
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document.setResourceCache(new TextFonts());
      PageLines withoutPrograms = new LineStripper(Deadline.NONE).read(document, 1);
      List<PDFont> fonts = fonts(document);
      assertEquals(2, fonts.size());
      assertTrue(fonts.stream().noneMatch(PDFont::isEmbedded), "both fonts opened from their dictionaries alone");
      assertEquals(withPrograms, withoutPrograms);
      assertEquals("Kirklees Council", withoutPrograms.lines().get(0).text());
      assertEquals(List.of("Overall effectiveness", "Requires improvement to be good"),
          withoutPrograms.lines().get(1).segments().stream().map(PageLines.Segment::text).toList());
    }
  }

  @Test
  void aFontWhoseDictionaryCannotGiveEveryGlyphsTextOrWidthKeepsItsProgram() throws IOException {
    try (PDDocument document = Loader.loadPDF(embeddedFonts())) {
      COSDictionary trueType = null;
      COSDictionary type0 = null;
      COSDictionary fonts = document.getPage(0).getResources().getCOSObject().getCOSDictionary(COSName.FONT);
      for (COSName name : fonts.keySet()) {
        COSDictionary font = (COSDictionary) fonts.getDictionaryObject(name);
        if (COSName.TRUE_TYPE.equals(font.getCOSName(COSName.SUBTYPE))) trueType = font;
        if (COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) type0 = font;
      }
      assertNotNull(TextFonts.withoutProgram(trueType));
      assertNotNull(TextFonts.withoutProgram(type0));
      COSDictionary descriptor = trueType.getCOSDictionary(COSName.FONT_DESC);
      assertTrue(descriptor.containsKey(COSName.FONT_FILE2), "the document's own dictionary is left as it was");
      assertFalse(TextFonts.withoutProgram(trueType).getCOSDictionary(COSName.FONT_DESC)
          .containsKey(COSName.FONT_FILE2));

      // An encoding of differences with no base takes the other codes' glyphs from the program.
      COSDictionary differences = new COSDictionary(trueType);
      COSDictionary encoding = new COSDictionary();
      encoding.setItem(COSName.DIFFERENCES, new COSArray());
      differences.setItem(COSName.ENCODING, encoding);
      assertNull(TextFonts.withoutProgram(differences));

      // No width for the space: the stripper would measure word gaps with the stand-in font's.
      COSDictionary noSpace = new COSDictionary(trueType);
      int last = trueType.getInt(COSName.LAST_CHAR);
      COSArray widths = new COSArray();
      for (int code = 33; code <= last; code++) widths.add(COSInteger.get(500));
      noSpace.setInt(COSName.FIRST_CHAR, 33);
      noSpace.setItem(COSName.WIDTHS, widths);
      assertNull(TextFonts.withoutProgram(noSpace));

      // Not embedded: there is no program to leave out.
      COSDictionary notEmbedded = new COSDictionary(trueType);
      COSDictionary bareDescriptor = new COSDictionary(descriptor);
      bareDescriptor.removeItem(COSName.FONT_FILE2);
      notEmbedded.setItem(COSName.FONT_DESC, bareDescriptor);
      assertNull(TextFonts.withoutProgram(notEmbedded));

      // A glyph with a width but no ToUnicode entry: PDFBox would take its text from the program's own table.
      COSDictionary cidFont = (COSDictionary) type0.getCOSArray(COSName.DESCENDANT_FONTS).getObject(0);
      COSDictionary unmapped = new COSDictionary(cidFont);
      COSArray moreWidths = new COSArray();
      moreWidths.addAll(cidFont.getCOSArray(COSName.W));
      moreWidths.add(COSInteger.get(2000));
      COSArray one = new COSArray();
      one.add(COSInteger.get(500));
      moreWidths.add(one);
      unmapped.setItem(COSName.W, moreWidths);
      COSDictionary type0Unmapped = new COSDictionary(type0);
      COSArray descendants = new COSArray();
      descendants.add(unmapped);
      type0Unmapped.setItem(COSName.DESCENDANT_FONTS, descendants);
      assertNull(TextFonts.withoutProgram(type0Unmapped));

      // A hostile width list (a range of two billion glyphs) is refused, not checked glyph by glyph.
      COSArray huge = new COSArray();
      huge.add(COSInteger.get(1));
      huge.add(COSInteger.get(2_000_000_000));
      huge.add(COSInteger.get(500));
      unmapped.setItem(COSName.W, huge);
      assertNull(TextFonts.withoutProgram(type0Unmapped));
    }
  }
}
