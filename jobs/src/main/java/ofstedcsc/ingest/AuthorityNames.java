package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import java.util.Comparator;
import java.util.stream.Collectors;
import ofstedcsc.reference.ReferenceTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Matches an authority's name as a report prints it ("Kirklees Metropolitan Borough Council", "Bristol City of") to
 * the lookup's ("Kirklees", "Bristol, City of"), through a key that drops the words of data/reference/
 * authority_name_noise.csv and all punctuation.
 */
public final class AuthorityNames {
  private AuthorityNames() {}

  public static Column key(Column name) {
    ReferenceTable noise = ReferenceTable.load("authority_name_noise");
    // Longest phrases first, so "metropolitan borough council" goes before "council".
    String phrases = noise.rows.stream().map(r -> r.get(0))
        .sorted(Comparator.comparingInt(String::length).reversed())
        .collect(Collectors.joining("|"));
    Column words = regexp_replace(regexp_replace(lower(name), "&", " and "), "[^a-z0-9]+", " ");
    Column denoised = regexp_replace(regexp_replace(words, "\\b(" + phrases + ")\\b", " "), "\\s+", " ");
    return trim(denoised);
  }

  /**
   * Every name key that points to exactly one authority: its name, its aliases and any other names the sources use
   * for it ({@code otherNames}: authority_id, name). A key shared by two authorities matches neither.
   */
  public static Dataset<Row> keys(Dataset<Row> authorities, Dataset<Row> otherNames) {
    Dataset<Row> names = authorities.select(col("authority_id"), col("name"))
        .unionByName(authorities.select(col("authority_id"),
            explode(split(regexp_replace(col("aliases"), "[\\[\\]]", ""), ",")).as("name")))
        .unionByName(otherNames.select(col("authority_id"), col("name")));
    return names.select(col("authority_id"), key(col("name")).as("name_key"))
        .filter(col("name_key").notEqual(lit("")))
        .distinct()
        .groupBy("name_key")
        .agg(first("authority_id").as("authority_id"), count(lit(1)).as("_authorities"))
        .filter(col("_authorities").equalTo(1))
        .drop("_authorities");
  }

  /**
   * The authority of each printed name key in {@code printed} (column {@code _name_key}): the authority with that key,
   * or else the one authority whose key begins with it ("east riding" for "east riding of yorkshire", "newcastle"
   * for "newcastle upon tyne"). Returns {@code _name_key}, {@code authority_id}.
   */
  public static Dataset<Row> resolve(Dataset<Row> printed, Dataset<Row> keys) {
    Dataset<Row> wanted = printed.select("_name_key").filter(col("_name_key").notEqual("")).distinct();
    Dataset<Row> exact = wanted.join(keys, col("_name_key").equalTo(col("name_key")))
        .select("_name_key", "authority_id");
    Dataset<Row> byPrefix = wanted.join(exact, new String[] {"_name_key"}, "left_anti")
        .join(keys, col("name_key").startsWith(concat(col("_name_key"), lit(" "))))
        .groupBy("_name_key")
        .agg(first("authority_id").as("authority_id"), count(lit(1)).as("_authorities"))
        .filter(col("_authorities").equalTo(1))
        .drop("_authorities");
    return exact.unionByName(byPrefix);
  }
}
