package ofstedcsc.reference;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

  /**
   * Each area that no framework judges any longer, with the last publication date on which one did
   * (data/reference/framework_areas.csv; an empty judged_until is the framework's own published_to). An area that a
   * framework still in force judges, or that the table does not list, is absent.
   */
  public static Map<String, LocalDate> areasNoLongerJudged() {
    Map<String, Era> eras = new TreeMap<>();
    ordered().forEach(e -> eras.put(e.framework(), e));
    Map<String, LocalDate> until = new TreeMap<>();
    Set<String> stillJudged = new TreeSet<>();
    for (Map<String, String> row : ReferenceTable.load("framework_areas").records()) {
      Era era = eras.get(row.get("framework"));
      if (era == null) {
        throw new IllegalStateException("framework_areas.csv names a framework not in frameworks.csv: " + row);
      }
      LocalDate last = row.get("judged_until").isEmpty() ? era.to() : LocalDate.parse(row.get("judged_until"));
      if (last == null) {
        stillJudged.add(row.get("area"));
      } else {
        until.merge(row.get("area"), last, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    until.keySet().removeAll(stillJudged);
    return until;
  }
}
