package ofstedcsc.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.ProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Writes small report-like PDFs: text placed at points measured from the top-left of A4 pages. */
final class TestPdf {
  private final PDDocument document = new PDDocument();
  private final PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private PDPageContentStream content;

  TestPdf page() {
    try {
      closePage();
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TestPdf text(float x, float top, float size, String text) {
    try {
      content.beginText();
      content.setFont(helvetica, size);
      content.newLineAtOffset(x, PDRectangle.A4.getHeight() - top);
      content.showText(text);
      content.endText();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Body text in 12 pt lines from the left margin, as report prose runs. */
  TestPdf prose(float top, String... lines) {
    for (int i = 0; i < lines.length; i++) text(71, top + 14.5f * i, 12, lines[i]);
    return this;
  }

  byte[] bytes() {
    return bytes(null);
  }

  byte[] bytes(ProtectionPolicy protection) {
    try (PDDocument d = document) {
      closePage();
      if (protection != null) d.protect(protection);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      d.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closePage() throws IOException {
    if (content != null) content.close();
    content = null;
  }
}
