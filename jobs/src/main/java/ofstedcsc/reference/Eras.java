package ofstedcsc.reference;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The framework in force for a publication date, from data/reference/frameworks.csv, for sources that do not name
 * it. Where eras overlap (SIF reports were still published in 2018 after ILACS began) the earlier era wins: a source
 * that says nothing of the framework in that overlap is describing an old-style report.
 */
public final class Eras {
  private Eras() {}

  /** One framework's publication dates; {@code to} is null while the framework is in force. */
  public record Era(String framework, LocalDate from, LocalDate to) implements Serializable {
    boolean covers(LocalDate day) {
      return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
  }

  /** The eras, earliest first: the order in which they win an overlap. */
  public static List<Era> ordered() {
    ReferenceTable eras = ReferenceTable.load("frameworks");
    int name = eras.column("framework");
    int from = eras.column("published_from");
    int to = eras.column("published_to");
    return eras.rows.stream()
        .map(r -> new Era(r.get(name), LocalDate.parse(r.get(from)), r.get(to).isEmpty() ? null : LocalDate.parse(r.get(to))))
        .sorted(Comparator.comparing(Era::from))
        .toList();
  }

  public static Column frameworkPublishedOn(Column publishedOn) {
    Column framework = null;
    for (Era era : ordered()) {
      Column inEra = publishedOn.geq(to_date(lit(era.from().toString())));
      if (era.to() != null) {
        inEra = inEra.and(publishedOn.leq(to_date(lit(era.to().toString()))));
      }
      framework = framework == null ? when(inEra, lit(era.framework())) : framework.when(inEra, lit(era.framework()));
    }
    return framework;
  }

  /** The same rule for one date outside Spark (generated data): null before the first era. */
  public static String frameworkOn(List<Era> ordered, LocalDate publishedOn) {
    return ordered.stream().filter(e -> e.covers(publishedOn)).map(Era::framework).findFirst().orElse(null);
  }
}
