package ofstedcsc.reports;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PDFBox logs a warning per page for every font it has to substitute and for every small defect it
 * repairs; over a corpus that drowns the job's own log. PDFBox 3 logs through commons-logging,
 * which goes to java.util.logging on a plain JVM and to Log4j 2 inside Spark.
 */
final class PdfBoxLogging {
  private static final String[] PACKAGES = {"org.apache.pdfbox", "org.apache.fontbox"};
  /** java.util.logging keeps loggers weakly: the configured ones must stay referenced. */
  private static final Logger[] KEPT = new Logger[PACKAGES.length];

  private PdfBoxLogging() {}

  static synchronized void quiet() {
    for (int i = 0; i < PACKAGES.length; i++) {
      KEPT[i] = Logger.getLogger(PACKAGES[i]);
      KEPT[i].setLevel(Level.SEVERE);
    }
    quietLog4j();
  }

  /** Through reflection, because Log4j comes with Spark at run time and this module must not depend on it. */
  private static void quietLog4j() {
    try {
      Class<?> level = Class.forName("org.apache.logging.log4j.Level");
      Object error = level.getField("ERROR").get(null);
      Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator");
      for (String name : PACKAGES) {
        configurator.getMethod("setLevel", String.class, level).invoke(null, name, error);
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      // No Log4j core on the classpath: java.util.logging, configured above, is in use.
    }
  }
}
