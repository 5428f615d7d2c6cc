package ofstedcsc.pipeline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import ofstedcsc.aggregate.AggregateJob;
import ofstedcsc.ingest.IngestJob;
import ofstedcsc.schema.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The whole pipeline, reference → ingest → aggregate, as one set of lazily computed tables that the caller writes
 * once. {@code run}, {@code refresh} and the tests all come through here; the marts read the canonical tables as
 * ingest computed them, not as written and read back.
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * Every published table, canonical tables first. {@code parsedReports}: the reports already parsed (a refresh's
   * cache together with the new parses), or null to parse {@code inputs}' reports now.
   */
  public static Map<Table, Dataset<Row>> tables(SparkSession spark, IngestJob.Inputs inputs, Dataset<Row> parsedReports,
      LocalDate asOf, LocalDate publishedBy) {
    Map<Table, Dataset<Row>> tables = canonical(spark, inputs, parsedReports);
    tables.putAll(AggregateJob.build(tables::get, asOf, publishedBy));
    return tables;
  }

  /** The canonical tables alone (the {@code ingest} command). */
  public static Map<Table, Dataset<Row>> canonical(SparkSession spark, IngestJob.Inputs inputs,
      Dataset<Row> parsedReports) {
    boolean small = Sizing.apply(spark, inputs.csvBytes(spark.sparkContext().hadoopConfiguration()));
    Map<Table, Dataset<Row>> canonical = parsedReports == null
        ? IngestJob.build(spark, inputs) : IngestJob.build(spark, inputs, parsedReports);
    Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
    // A union of sources keeps each source's partitions: on small data, one task and one file per table is enough.
    canonical.forEach((table, rows) -> tables.put(table, small ? rows.coalesce(1) : rows));
    return tables;
  }
}
