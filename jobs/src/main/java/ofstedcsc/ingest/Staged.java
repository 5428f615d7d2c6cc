package ofstedcsc.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one source contributes, before sources are merged: its inspections (one row per inspection it describes), its
 * judgements (one row per inspection and area, keyed by the same inspection_id) and the records it could not load.
 * {@code read} and {@code loaded} list the units ({@code source}, {@code source_ref}, {@code unit}) it read and loaded,
 * counted apart from the quarantine so that read = loaded + quarantined is a real check. {@code improvementPoints} are
 * the points only reports give ({@link ImprovementPointsStaging#stage}), null for the other sources.
 */
public record Staged(Dataset<Row> inspections, Dataset<Row> judgements, Dataset<Row> quarantine, Dataset<Row> read,
    Dataset<Row> loaded, Dataset<Row> improvementPoints) {

  Staged(Dataset<Row> inspections, Dataset<Row> judgements, Dataset<Row> quarantine, Dataset<Row> read,
      Dataset<Row> loaded) {
    this(inspections, judgements, quarantine, read, loaded, null);
  }

  static Dataset<Row> units(Dataset<Row> rows, String source, org.apache.spark.sql.Column ref, String unit) {
    return rows.select(org.apache.spark.sql.functions.lit(source).as("source"), ref.as("source_ref"),
        org.apache.spark.sql.functions.lit(unit).as("unit"));
  }
}
