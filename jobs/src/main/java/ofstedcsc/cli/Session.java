package ofstedcsc.cli;

import org.apache.spark.sql.SparkSession;

/** The Spark session a command starts, with the settings every command shares. */
final class Session {
  private Session() {}

  static SparkSession start(String appName, String master, boolean progress) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        .config("spark.ui.showConsoleProgress", Boolean.toString(progress))
        .config("spark.sql.session.timeZone", "UTC")
        // A batch run's web UI (Jetty, its servlets) costs a second of start-up that nobody looks at; the event log
        // (spark.eventLog.enabled) keeps what it shows. --conf spark.ui.enabled=true brings it back.
        .config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"))
        // Spark's ICU case mappings build their tables at the first lower() or upper(): two seconds of a cold JVM on
        // this machine, for text (English authority names and report wording) that the JVM's own mappings case alike.
        .config("spark.sql.icu.caseMappings.enabled",
            System.getProperty("spark.sql.icu.caseMappings.enabled", "false"))
        // Spark sizes its memory pages (sorts, hash aggregations, broadcast hash tables) from the heap: 64 MB each
        // with the launcher's 6 GB. Every aggregation or join task takes a fresh page, which G1 allocates outside the
        // young generation and zeroes; on the national data that was over a gigabyte of such pages and a stream of
        // concurrent collections they set off. 1 MB pages cut a corpus run's CPU by some 6%; at 10 million judgements
        // aggregate was some 12% slower with them (docs/benchmarks.md, third look). A row larger than a page still
        // gets a page of its own size.
        .config("spark.buffer.pageSize", System.getProperty("spark.buffer.pageSize", "1m"))
        // INT96, Spark's default, is deprecated in Parquet; micros with a UTC flag is what DuckDB and BI tools expect.
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // Spark's 200 shuffle partitions cost seconds of empty tasks per stage on inspection-sized data; adaptive
        // execution still splits skewed or large partitions. The pipeline's commands size it to their data (Sizing).
        .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "8"))
        // The reports sit in a folder per authority (130 and more): past 32 folders Spark lists them with a job of a
        // task per folder, which on local disk costs more than listing them here.
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold",
            System.getProperty("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024"))
        // Cached intermediate results are read once or twice straight after: compressing them column by column
        // cost aggregate more time than anything else (docs/benchmarks.md).
        .config("spark.sql.inMemoryColumnarStorage.compressed",
            System.getProperty("spark.sql.inMemoryColumnarStorage.compressed", "false"))
        // Aggregate keeps its tables partitioned by authority; joins on authority and area may then use that
        // partitioning as it is instead of shuffling both sides again by the two keys.
        .config("spark.sql.requireAllClusterKeysForCoPartition",
            System.getProperty("spark.sql.requireAllClusterKeysForCoPartition", "false"));
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
