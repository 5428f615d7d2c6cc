package ofstedcsc.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ofstedcsc.TestSpark;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The launcher's logging (jobs/src/main/launcher/log4j2.properties, which bin/ofsted uses) with a PDF that makes
 * PDFBox log an error and its stack trace: the console shows no trace, and the log file has the trace and the file.
 */
class HostilePdfLoggingTest {

  @Test
  void pdfBoxsTracesGoToTheLogFileUnderTheReportsNameAndTheConsoleGetsOneLinePerEvent(@TempDir Path tmp)
      throws Exception {
    Path log = tmp.resolve("ofsted.log");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream err = System.err;
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    URI before = context.getConfigLocation();
    ParsedReport parsed;
    System.setProperty("ofsted.log", log.toString());
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      context.setConfigLocation(TestSpark.projectRoot().resolve("jobs/src/main/launcher/log4j2.properties").toUri());
      parsed = new ReportParser().parseWithTimeout(unreadableToUnicode(), Duration.ofSeconds(30),
          "reports/80478_kirklees/hostile - 01 may 2020.pdf");
      LoggerFactory.getLogger("org.apache.spark.executor.Executor").error("Exception in task 0.0 in stage 3.0",
          new IOException("No space left on device"));
    } finally {
      context.setConfigLocation(before);
      System.setErr(err);
      System.clearProperty("ofsted.log");
    }

    assertEquals(ParsedReport.NO_JUDGEMENTS, parsed.status(), "PDFBox got past what it could not read");
    List<String> printed = console.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring(9)).toList();
    assertEquals(List.of("ERROR Executor: Exception in task 0.0 in stage 3.0 (No space left on device; trace in "
        + log + ")"), printed);
    String logged = Files.readString(log);
    assertTrue(logged.contains(" ERROR org.apache.pdfbox.pdmodel.font.PDFont [report-parser reports/80478_kirklees/"
        + "hostile - 01 may 2020.pdf]: Could not read ToUnicode CMap in font Helvetica\n"
        + "java.io.IOException: Invalid filter: COSName{NoSuchFilter}\n\tat org.apache.pdfbox."), logged);
    assertTrue(logged.contains(" ERROR org.apache.spark.executor.Executor [main]: Exception in task 0.0 in stage 3.0\n"
        + "java.io.IOException: No space left on device\n\tat "), logged);
    assertFalse(String.join("\n", printed).contains("\tat "));
  }

  /** One page whose font's ToUnicode stream names a filter that does not exist, which PDFBox logs with its trace. */
  private static byte[] unreadableToUnicode() {
    String text = "BT /F1 12 Tf 72 700 Td (Inspection of Kirklees) Tj ET";
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        "<< /Length 4 /Filter /NoSuchFilter >>\nstream\nxxxx\nendstream");
    StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
