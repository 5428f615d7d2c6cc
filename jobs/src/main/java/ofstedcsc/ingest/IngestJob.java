package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ofstedcsc.pipeline.Sizing;
import ofstedcsc.reference.Reference;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Ingest: reads the raw inputs of DIR (README, "Input layout") and produces the canonical tables. Every structural
 * check runs here, before a single table is computed, so a bad input directory stops the run with nothing written.
 */
public final class IngestJob {
  private IngestJob() {}

  /** The input files found in DIR, each checked for its required columns. */
  public record Inputs(String lookup, List<String> lookupHeader, String index, List<String> indexHeader,
      Map<String, List<String>> records, String reports) {

    /** The CSV inputs' total size: what decides whether the run is small (see Sizing). */
    public long csvBytes(Configuration conf) {
      List<String> files = new ArrayList<>(records.keySet());
      files.add(lookup);
      files.add(index);
      return Sizing.bytes(conf, files.toArray(String[]::new));
    }
  }

  /** Extract, part one: find the inputs and check their structure. Throws {@link StructuralError}. */
  public static Inputs locate(Configuration conf, String inputDir) {
    Path dir = new Path(inputDir);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.isDirectory(dir)) {
        throw new StructuralError("input directory not found: " + inputDir);
      }
      String lookup = new Path(dir, LookupStaging.FILE).toString();
      List<String> lookupHeader = CsvLines.header(conf, lookup, "authority lookup", LookupStaging.REQUIRED);
      Path indexPath = new Path(dir, IndexStaging.FILE);
      String index = fs.exists(indexPath) ? indexPath.toString() : null;
      List<String> indexHeader = index == null ? null
          : CsvLines.header(conf, index, "inspection index", IndexStaging.requiredColumns());
      Map<String, List<String>> records = new LinkedHashMap<>();
      Path recordsDir = new Path(dir, "records");
      if (fs.isDirectory(recordsDir)) {
        for (FileStatus f : fs.listStatus(recordsDir)) {
          if (f.isFile() && f.getPath().getName().toLowerCase().endsWith(".csv")) {
            String file = f.getPath().toString();
            records.put(file, CsvLines.header(conf, file, "records file", RecordsStaging.REQUIRED));
          }
        }
      }
      Path reportsDir = new Path(dir, ReportsStaging.DIR);
      String reports = fs.isDirectory(reportsDir) ? reportsDir.toString() : null;
      if (index == null && records.isEmpty() && reports == null) {
        throw new StructuralError("no inspection records in " + inputDir + ": expected " + IndexStaging.FILE
            + ", records/*.csv or reports/");
      }
      return new Inputs(lookup, lookupHeader, index, indexHeader, records, reports);
    } catch (IOException e) {
      throw new StructuralError("input directory cannot be read: " + inputDir + " (" + e.getMessage() + ")");
    }
  }

  /** Extract, part two, and transform: the canonical tables, by name, conformed to their declared schemas. */
  public static Map<Table, Dataset<Row>> build(SparkSession spark, Inputs inputs) {
    // Parsed once: the name match, the checks and the reconciliation all read the parsed reports. A local checkpoint
    // (see below) rather than a cache, so no later plan carries the parse; and filled now, not by the first query
    // that reads it, because that query's broadcast of the name matches runs as a second job beside it, whose tasks
    // would sit in the machine's few task slots waiting for the parse.
    return build(spark, inputs,
        inputs.reports() == null ? null : ReportsStaging.parse(spark, inputs.reports()).localCheckpoint());
  }

  /**
   * As {@link #build(SparkSession, Inputs)}, with the reports already parsed ({@link ReportsStaging#PARSED} rows, or
   * null when there are none): a refresh passes the parses it kept from earlier runs together with the new ones.
   */
  public static Map<Table, Dataset<Row>> build(SparkSession spark, Inputs inputs, Dataset<Row> parsedReports) {
    Dataset<Row> judgementAreas = Reference.dataset(spark, "judgement_areas");
    Dataset<Row> inspectionTypes = Reference.dataset(spark, "inspection_types");
    Dataset<Row> frameworks = Reference.dataset(spark, "frameworks");
    Dataset<Row> sources = Reference.dataset(spark, "sources");

    Dataset<Row> lookupLines = CsvLines.read(spark, inputs.lookup(), LookupStaging.FILE, inputs.lookupHeader());
    lookupLines = withOptional(lookupLines, LookupStaging.OPTIONAL);
    LookupStaging.Result lookup = LookupStaging.stage(lookupLines, Reference.dataset(spark, "regions"));
    // The results that several tables share (here, and each source's checked records, in Checks.apply) are local
    // checkpoints, not caches: a cached Dataset keeps its lineage, so every later query would plan again the nested
    // plans of every source's staging, which on the real corpus cost more than the data. Lazy ones: the first query
    // that reads each fills it, so none costs a query of its own.
    Dataset<Row> authorities = Tables.AUTHORITIES.conform(lookup.authorities()).localCheckpoint(false);

    List<Staged> staged = new ArrayList<>();
    Dataset<Row> indexNames = spark.emptyDataFrame().select(lit(null).cast("string").as("authority_id"),
        lit(null).cast("string").as("name"));
    if (inputs.index() != null) {
      Dataset<Row> indexLines = CsvLines.read(spark, inputs.index(), IndexStaging.FILE, inputs.indexHeader());
      staged.add(IndexStaging.stage(indexLines, authorities, judgementAreas, inspectionTypes));
      if (List.of(indexLines.columns()).contains("local_authority")) {
        indexNames = indexLines.select(col("urn").as("authority_id"), col("local_authority").as("name"))
            .join(authorities.select("authority_id"), "authority_id");
      }
    }
    if (parsedReports != null) {
      // The parse wants many tasks, as one report can take seconds; its output is a row per report, where each
      // partition more is one task more in every stage that reads it, for nothing.
      staged.add(ReportsStaging.stage(parsedReports.coalesce(spark.sparkContext().defaultParallelism()),
          ReportsStaging.qualified(spark.sparkContext().hadoopConfiguration(), inputs.reports()),
          AuthorityNames.keys(authorities, indexNames), inspectionTypes));
    }
    if (!inputs.records().isEmpty()) {
      Dataset<Row> recordLines = null;
      for (Map.Entry<String, List<String>> file : inputs.records().entrySet()) {
        String name = "records/" + new Path(file.getKey()).getName();
        Dataset<Row> one = withOptional(CsvLines.read(spark, file.getKey(), name, file.getValue()),
            RecordsStaging.OPTIONAL);
        recordLines = recordLines == null ? one : recordLines.unionByName(one, true);
      }
      staged.add(RecordsStaging.stage(recordLines, authorities, judgementAreas, inspectionTypes, frameworks));
    }

    Dataset<Row> stagedInspections = union(staged.stream().map(Staged::inspections).toList()).localCheckpoint(false);
    Dataset<Row> stagedJudgements = union(staged.stream().map(Staged::judgements).toList()).localCheckpoint(false);
    Dataset<Row> quarantine = union(staged.stream().map(Staged::quarantine).toList(), lookup.quarantine())
        .localCheckpoint(false);
    Dataset<Row> read = union(staged.stream().map(Staged::read).toList(), lookup.read());
    Dataset<Row> loaded = union(staged.stream().map(Staged::loaded).toList(), lookup.loaded());

    Dataset<Row> inspections = CanonicalTables.inspections(stagedInspections, sources).localCheckpoint(false);
    Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
    // The tables the marts read are checkpoints too: written first, they are filled by their own write.
    tables.put(Tables.AUTHORITIES, authorities);
    tables.put(Tables.AUTHORITY_NEIGHBOURS,
        Tables.AUTHORITY_NEIGHBOURS.conform(lookup.neighbours()).localCheckpoint(false));
    tables.put(Tables.INSPECTIONS, Tables.INSPECTIONS.conform(inspections).localCheckpoint(false));
    tables.put(Tables.JUDGEMENTS, Tables.JUDGEMENTS.conform(
        CanonicalTables.judgements(stagedJudgements, inspections, sources)).localCheckpoint(false));
    List<Dataset<Row>> points = staged.stream().map(Staged::improvementPoints).filter(p -> p != null).toList();
    tables.put(Tables.IMPROVEMENT_POINTS, points.isEmpty()
        ? spark.createDataFrame(List.of(), Tables.IMPROVEMENT_POINTS.schema())
        : Tables.IMPROVEMENT_POINTS.conform(ImprovementPointsStaging.themed(union(points),
            Reference.dataset(spark, "improvement_theme_rules"), Reference.dataset(spark, "improvement_themes")))
            .localCheckpoint(false));
    tables.put(Tables.QUARANTINE, Tables.QUARANTINE.conform(quarantine));
    tables.put(Tables.SOURCE_CONFLICTS, Tables.SOURCE_CONFLICTS.conform(
        CanonicalTables.conflicts(stagedInspections, stagedJudgements, inspections, sources)));
    tables.put(Tables.INGEST_COUNTS, Tables.INGEST_COUNTS.conform(
        counts(read, loaded, quarantine)));
    return tables;
  }

  /**
   * read = loaded + quarantined, per source file and unit, each side counted on its own. One aggregation over the three
   * lists of units, each row tagged with its list, rather than three aggregations joined: a single shuffle.
   */
  static Dataset<Row> counts(Dataset<Row> read, Dataset<Row> loaded, Dataset<Row> quarantine) {
    // "file:line[:column]" for CSV inputs; reports are counted together, under "reports/".
    Column file = when(col("source_ref").rlike("^.*?:\\d+"), regexp_extract(col("source_ref"), "^(.*?):\\d+", 1))
        .otherwise(regexp_extract(col("source_ref"), "^([^/]+/)", 1));
    Dataset<Row> units = tagged(read, "read").unionByName(tagged(loaded, "loaded"))
        .unionByName(tagged(quarantine, "quarantined"));
    return units.groupBy(col("source"), file.as("source_ref"), col("unit"))
        .agg(tally("read"), tally("loaded"), tally("quarantined"));
  }

  private static Dataset<Row> tagged(Dataset<Row> units, String list) {
    return units.select(col("source"), col("source_ref"), col("unit"), lit(list).as("_list"));
  }

  private static Column tally(String list) {
    return functions.count(when(col("_list").equalTo(list), lit(1))).as(list);
  }

  private static Dataset<Row> withOptional(Dataset<Row> lines, List<String> optional) {
    Dataset<Row> out = lines;
    for (String column : optional) {
      if (!List.of(out.columns()).contains(column)) {
        out = out.withColumn(column, lit(null).cast("string"));
      }
    }
    return out;
  }

  private static Dataset<Row> union(List<Dataset<Row>> parts, Dataset<Row> more) {
    List<Dataset<Row>> all = new ArrayList<>(parts);
    all.add(more);
    return union(all);
  }

  private static Dataset<Row> union(List<Dataset<Row>> parts) {
    return Sizing.coalesceToShufflePartitions(parts.stream().reduce((a, b) -> a.unionByName(b)).orElseThrow());
  }
}
