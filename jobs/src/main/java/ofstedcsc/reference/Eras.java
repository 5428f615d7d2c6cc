package ofstedcsc.reference;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

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

  public static Column frameworkPublishedOn(Column publishedOn) {
    ReferenceTable eras = ReferenceTable.load("frameworks");
    int name = eras.column("framework");
    int from = eras.column("published_from");
    int to = eras.column("published_to");
    List<List<String>> ordered = eras.rows.stream().sorted(Comparator.comparing(r -> r.get(from))).toList();
    Column framework = null;
    for (List<String> era : ordered) {
      Column inEra = publishedOn.geq(to_date(lit(era.get(from))));
      if (!era.get(to).isEmpty()) {
        inEra = inEra.and(publishedOn.leq(to_date(lit(era.get(to)))));
      }
      framework = framework == null ? when(inEra, lit(era.get(name))) : framework.when(inEra, lit(era.get(name)));
    }
    return framework;
  }
}
