package ofstedcsc.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ofstedcsc.ingest.Inspections;
import ofstedcsc.reference.Eras;
import ofstedcsc.reference.ReferenceTable;
import ofstedcsc.schema.Table;
import ofstedcsc.schema.Tables;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Synthetic canonical tables, as many authorities and years as asked, in the shape ingest writes, so that aggregate
 * runs on them unchanged. Authorities are numbered; every row is generated on the executors from the seed and the
 * authority's number alone.
 */
public final class GenerateJob {
  private GenerateJob() {}

  /** Synthetic authority ids start here: nine digits, clear of Ofsted's URNs. */
  static final long FIRST_ID = 100_000_000L;
  static final int NEIGHBOURS = 10;
  /** About a million authority-years (some 1.3 million judgements) per Parquet file. */
  static final long AUTHORITY_YEARS_PER_FILE = 1_000_000L;

  public record Settings(long authorities, int years, long seed) {
    /** The span starts with the earliest framework era and runs for {@code years}. */
    public LocalDate start(List<Eras.Era> eras) {
      return eras.get(0).from();
    }

    public LocalDate end(List<Eras.Era> eras) {
      return start(eras).plusYears(years);
    }
  }

  private static final StructType INSPECTION = new StructType()
      .add("authority_id", DataTypes.StringType)
      .add("framework", DataTypes.StringType)
      .add("inspection_type", DataTypes.StringType)
      .add("fieldwork_start", DataTypes.DateType)
      .add("fieldwork_end", DataTypes.DateType)
      .add("published_on", DataTypes.DateType)
      .add("line", DataTypes.IntegerType);

  private static final StructType JUDGEMENT = new StructType()
      .add("authority_id", DataTypes.StringType)
      .add("framework", DataTypes.StringType)
      .add("published_on", DataTypes.DateType)
      .add("area", DataTypes.StringType)
      .add("grade", DataTypes.IntegerType)
      .add("grade_label", DataTypes.StringType)
      .add("not_graded_reason", DataTypes.StringType)
      .add("line", DataTypes.IntegerType);

  public static Map<Table, Dataset<Row>> build(SparkSession spark, Map<String, ReferenceTable> calibration,
      Settings settings) {
    List<Eras.Era> eras = Eras.ordered();
    AuthorityHistory history = new AuthorityHistory(calibration, eras);
    ReferenceTable regions = ReferenceTable.load("regions");
    int partitions = (int) Math.max(Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")),
        Math.ceil((double) settings.authorities() * settings.years() / AUTHORITY_YEARS_PER_FILE));
    Dataset<Long> numbers = spark.range(0, settings.authorities(), 1, partitions);

    LocalDate start = settings.start(eras);
    LocalDate end = settings.end(eras);
    Column inspectionId = Inspections.id(col("authority_id"), col("published_on"), lit("inspection"));
    Column sourceRef = concat(lit("generated/"), col("authority_id"), lit(".csv:"), col("line").cast("string"));
    Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(Tables.AUTHORITIES, Tables.AUTHORITIES.conform(
        numbers.map(authority(regions, settings.seed()), Encoders.row(Tables.AUTHORITIES.schema())).toDF()));
    tables.put(Tables.AUTHORITY_NEIGHBOURS, Tables.AUTHORITY_NEIGHBOURS.conform(
        numbers.flatMap(neighbours(settings.authorities(), regions.rows.size()),
            Encoders.row(Tables.AUTHORITY_NEIGHBOURS.schema())).toDF()));
    tables.put(Tables.INSPECTIONS, Tables.INSPECTIONS.conform(
        numbers.flatMap(inspections(history, settings.seed(), start, end), Encoders.row(INSPECTION)).toDF()
            .withColumn("inspection_id", inspectionId)
            .withColumn("source", lit("records"))
            .withColumn("source_ref", sourceRef)
            .withColumn("sources", lit("records"))));
    tables.put(Tables.JUDGEMENTS, Tables.JUDGEMENTS.conform(
        numbers.flatMap(judgements(history, settings.seed(), start, end), Encoders.row(JUDGEMENT)).toDF()
            .withColumn("inspection_id", inspectionId)
            .withColumn("area_label", col("area"))
            .withColumn("source", lit("records"))
            .withColumn("source_ref", sourceRef)));
    for (Table empty : List.of(Tables.IMPROVEMENT_POINTS, Tables.QUARANTINE, Tables.SOURCE_CONFLICTS,
        Tables.INGEST_COUNTS)) {
      tables.put(empty, spark.createDataFrame(List.of(), empty.schema()));
    }
    return tables;
  }

  static String authorityId(long number) {
    return Long.toString(FIRST_ID + number);
  }

  /**
   * One row per inspection, placed where a hand-entered records file would have it: one file per authority, one line
   * per judgement (a line for an inspection with none), so the inspection's line is its first judgement's.
   */
  private static FlatMapFunction<Long, Row> inspections(AuthorityHistory history, long seed, LocalDate start,
      LocalDate end) {
    return number -> {
      List<Row> rows = new ArrayList<>();
      int line = 2;
      for (AuthorityHistory.Inspection i : history.walk(seed, number, start, end)) {
        rows.add(RowFactory.create(authorityId(number), i.framework(), i.type(), date(i.fieldworkStart()),
            date(i.fieldworkEnd()), date(i.publishedOn()), line));
        line += Math.max(1, i.judgements().size());
      }
      return rows.iterator();
    };
  }

  private static FlatMapFunction<Long, Row> judgements(AuthorityHistory history, long seed, LocalDate start,
      LocalDate end) {
    return number -> {
      List<Row> rows = new ArrayList<>();
      int line = 2;
      for (AuthorityHistory.Inspection i : history.walk(seed, number, start, end)) {
        for (AuthorityHistory.Judgement j : i.judgements()) {
          rows.add(RowFactory.create(authorityId(number), i.framework(), date(i.publishedOn()), j.area(), j.grade(),
              j.gradeLabel(), j.notGradedReason(), line++));
        }
        line += i.judgements().isEmpty() ? 1 : 0;
      }
      return rows.iterator();
    };
  }

  private static java.sql.Date date(LocalDate day) {
    return day == null ? null : java.sql.Date.valueOf(day);
  }

  /** Regions in turn; a population drawn from the seed. Codes and types of authority are left null. */
  private static MapFunction<Long, Row> authority(ReferenceTable regions, long seed) {
    int code = regions.column("region_code");
    int name = regions.column("region_name");
    List<List<String>> rows = regions.rows;
    return number -> {
      List<String> region = rows.get((int) (number % rows.size()));
      long population = 20_000 + new SplittableRandom(AuthorityHistory.mix(seed ^ ~number)).nextLong(400_000);
      return RowFactory.create(authorityId(number), null, null, "Synthetic authority " + authorityId(number), null,
          region.get(code), region.get(name), null, population);
    };
  }

  /**
   * Up to ten statistical neighbours in the same region, closest first: the authorities next in number on either
   * side within the region (authority n is in region n mod regions), wrapping round.
   */
  private static FlatMapFunction<Long, Row> neighbours(long authorities, int regionCount) {
    return number -> {
      long region = number % regionCount;
      long position = number / regionCount;
      long inRegion = (authorities - region + regionCount - 1) / regionCount;
      List<Row> rows = new ArrayList<>();
      List<Long> seen = new ArrayList<>();
      for (int step = 1; rows.size() < Math.min(NEIGHBOURS, inRegion - 1); step++) {
        for (long offset : new long[] {step, -step}) {
          long other = Math.floorMod(position + offset, inRegion);
          if (other != position && !seen.contains(other) && rows.size() < NEIGHBOURS) {
            seen.add(other);
            rows.add(RowFactory.create(authorityId(number), authorityId(other * regionCount + region),
                rows.size() + 1));
          }
        }
      }
      return rows.iterator();
    };
  }
}
