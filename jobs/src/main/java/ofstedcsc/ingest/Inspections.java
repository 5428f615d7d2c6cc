package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Column;

/** What makes two records describe the same inspection, whichever source they come from. */
public final class Inspections {
  private Inspections() {}

  /**
   * A stable id from content: the authority, the publication date and whether it was a graded inspection or an
   * ungraded visit. Sources agree on these three far more often than on anything else (types and fieldwork dates
   * are missing or guessed in the index), and an authority never has two reports of one kind published the same day.
   */
  public static Column id(Column authorityId, Column publishedOn, Column kind) {
    return substring(sha2(concat_ws("|", authorityId, publishedOn.cast("string"),
        coalesce(kind, lit("inspection"))), 256), 1, 16);
  }
}
