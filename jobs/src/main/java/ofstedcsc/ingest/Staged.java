package ofstedcsc.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one source contributes, before sources are merged: its inspections (one row per inspection it describes), its
 * judgements (one row per inspection and area, keyed by the same inspection_id), the records it could not load, and
 * one row per unit it did load ({@code source}, {@code source_ref}, {@code unit}) for the reconciliation.
 */
public record Staged(Dataset<Row> inspections, Dataset<Row> judgements, Dataset<Row> quarantine, Dataset<Row> loaded) {}
