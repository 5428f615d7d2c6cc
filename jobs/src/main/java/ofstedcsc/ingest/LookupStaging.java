package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Stages la_lookup.csv into authorities and their statistical neighbours. */
public final class LookupStaging {
  private LookupStaging() {}

  public static final String SOURCE = "lookup";
  public static final String FILE = "la_lookup.csv";
  public static final List<String> REQUIRED = List.of(
      "urn", "la_code", "la_code_new", "local_authority_ons_name", "rgn22cd", "rgn22nm", "stat_neighbours");
  public static final List<String> OPTIONAL = List.of("also_known_as", "ons_la_type", "ons_population_0-25");

  /** Authorities and their neighbours; the rejected lines and neighbour codes; the units read and loaded. */
  public record Result(Dataset<Row> authorities, Dataset<Row> neighbours, Dataset<Row> quarantine,
      Dataset<Row> read, Dataset<Row> loaded) {}

  /**
   * {@code regions} (data/reference/regions.csv) gives each region's code and spelling by its name: the lookup's
   * rgn22cd contradicts its rgn22nm for some authorities, and spells one region two ways.
   */
  public static Result stage(Dataset<Row> lines, Dataset<Row> regions) {
    Dataset<Row> checked = Checks.ofLines()
        .check(col("urn").isNull(), "missing_value", lit("no urn"))
        .check(col("urn").rlike("^\\d+$").equalTo(false), "invalid_value",
            concat(lit("urn '"), col("urn"), lit("' is not a number")))
        .check(col("local_authority_ons_name").isNull(), "missing_value", lit("no local_authority_ons_name"))
        .check(row_number().over(Window.partitionBy("urn").orderBy(col(CsvLines.LINE))).gt(1), "duplicate_row",
            lit("an earlier line has the same urn"))
        .apply(lines);
    Dataset<Row> loaded = Checks.passed(checked);

    Dataset<Row> namedRegions = broadcast(regions.select(lower(col("region_name")).as("_region_key"),
        col("region_code").as("_region_code"), col("region_name").as("_region_name")));
    Dataset<Row> authorities = loaded
        .join(namedRegions, lower(trim(col("rgn22nm"))).equalTo(col("_region_key")), "left")
        .select(
        col("urn").as("authority_id"),
        col("la_code"),
        col("la_code_new").as("ons_code"),
        col("local_authority_ons_name").as("name"),
        trim(regexp_replace(col("also_known_as"), "^\\[|\\]$", "")).as("aliases"),
        coalesce(col("_region_code"), col("rgn22cd")).as("region_code"),
        coalesce(col("_region_name"), col("rgn22nm")).as("region_name"),
        col("ons_la_type").as("la_type"),
        col("`ons_population_0-25`").try_cast("long").as("population_0_25"));

    Dataset<Row> codes = broadcast(loaded.select(col("la_code").as("_code"), col("urn").as("neighbour_id")));
    Dataset<Row> listed = loaded
        .select(col("urn").as("authority_id"), col(CsvLines.REF), col("stat_neighbours"),
            posexplode(split(col("stat_neighbours"), ",")).as(new String[] {"_pos", "_code_text"}))
        .withColumn("neighbour_rank", col("_pos").plus(1))
        .withColumn("_code_text", trim(col("_code_text")))
        .filter(col("_code_text").notEqual(""))
        .join(codes, col("_code_text").equalTo(col("_code")), "left");
    Dataset<Row> checkedNeighbours = new Checks()
        .check(col("neighbour_id").isNull(), "unknown_neighbour",
            concat(lit("statistical neighbour code '"), col("_code_text"), lit("' is no la_code in the lookup")))
        .apply(listed);
    Dataset<Row> neighbours = Checks.passed(checkedNeighbours)
        .select(col("authority_id"), col("neighbour_id"), col("neighbour_rank"));

    Column cellRef = concat(col(CsvLines.REF), lit(":stat_neighbours:"), col("neighbour_rank"));
    Dataset<Row> quarantine = Checks.failed(checked, SOURCE, "row", col(CsvLines.REF), col(CsvLines.RAW))
        .unionByName(Checks.failed(checkedNeighbours, SOURCE, "cell", cellRef, col("_code_text")));
    Dataset<Row> read = Staged.units(lines, SOURCE, col(CsvLines.REF), "row")
        .unionByName(Staged.units(listed, SOURCE, cellRef, "cell"));
    Dataset<Row> loadedUnits = Staged.units(loaded, SOURCE, col(CsvLines.REF), "row")
        .unionByName(Staged.units(Checks.passed(checkedNeighbours), SOURCE, cellRef, "cell"));
    return new Result(authorities, neighbours, quarantine, read, loadedUnits);
  }
}
