package ofstedcsc.refresh;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import ofstedcsc.io.ParquetRows;
import ofstedcsc.io.TableStore;
import ofstedcsc.refresh.InputFiles.InputFile;
import ofstedcsc.schema.Tables;

/**
 * What one refresh did: read from the JSON beside the tables (`runs/RUN_ID.json`, and `_manifest.json` inside the
 * version it published) and flattened into the run_manifest table.
 */
public record RunManifest(String runId, String outcome, String version, Instant startedAt, Instant endedAt,
    LocalDate asOf, LocalDate publishedBy, String input, String projectVersion, String codeVersion,
    String sparkVersion, List<InputFile> inputs, List<SourceCount> sources, Map<String, Long> tables,
    Map<String, Double> stages, Map<String, Long> reports, Map<String, Long> failedChecks) {

  public static final String PUBLISHED = "published";
  public static final String UNCHANGED = "unchanged";
  /** A data check failed on the new version: it was not published and current stayed as it was. */
  public static final String REJECTED = "rejected";

  /** Manifests written before the data checks ran in a refresh have none: none failed. */
  public RunManifest {
    failedChecks = failedChecks == null ? Map.of() : failedChecks;
  }

  /** One row of ingest_counts: a source file's units read, loaded and quarantined. */
  public record SourceCount(String source, String sourceRef, String unit, long read, long loaded, long quarantined) {

    /** The ingest_counts table under {@code store}, in order: a row per input file and unit. */
    public static List<SourceCount> read(TableStore store) {
      return ParquetRows.read(store.hadoopConfiguration(), store.path(Tables.INGEST_COUNTS), Tables.INGEST_COUNTS)
          .stream()
          .map(r -> new SourceCount((String) r[0], (String) r[1], (String) r[2], (Long) r[3], (Long) r[4], (Long) r[5]))
          .sorted(Comparator.comparing(SourceCount::source).thenComparing(SourceCount::sourceRef)
              .thenComparing(SourceCount::unit))
          .toList();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** Whether a run of these inputs, dates and code would repeat this one's work. */
  public boolean sameWork(List<InputFile> inputs, LocalDate asOf, LocalDate publishedBy, String codeVersion) {
    return this.inputs.equals(inputs) && this.asOf.equals(asOf) && this.publishedBy.equals(publishedBy)
        && this.codeVersion.equals(codeVersion);
  }

  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** A manifest that cannot be read back: the message says in one line which file and why. */
  public static final class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads a manifest back; throws {@link Unreadable} when the file is missing, cut short, not JSON or lacks a field,
   * since a refresh decides from it what it may skip and must not half-trust it.
   */
  public static RunManifest read(Path file) {
    RunManifest manifest;
    try {
      manifest = JSON.readValue(file.toFile(), RunManifest.class);
    } catch (FileNotFoundException e) {
      throw new Unreadable(file + " does not exist", e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new Unreadable(file + " is not a whole run manifest: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
    } catch (IOException e) {
      throw new Unreadable("cannot read " + file + ": " + e.getMessage(), e);
    }
    String missing = manifest == null ? "everything" : manifest.missingField();
    if (missing != null) {
      throw new Unreadable(file + " is not a whole run manifest: it lacks " + missing, null);
    }
    return manifest;
  }

  /** The first field, as the JSON spells it, that is absent or null. */
  private String missingField() {
    Iterator<Map.Entry<String, JsonNode>> fields = JSON.valueToTree(this).fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) return field.getKey();
    }
    return null;
  }

  /** The run_manifest rows: one per input, source, table, stage and report count, in the table's column order. */
  public List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (InputFile f : inputs) rows.add(row("input", f.path(), f.bytes(), f.sha256(), null, null, null, null, null));
    for (SourceCount s : sources) {
      rows.add(row("source", s.source() + ":" + s.sourceRef() + ":" + s.unit(), null, null, s.read(), s.loaded(),
          s.quarantined(), null, null));
    }
    tables.forEach((t, n) -> rows.add(row("table", t, null, null, null, null, null, n, null)));
    stages.forEach((s, seconds) -> rows.add(row("stage", s, null, null, null, null, null, null, seconds)));
    reports.forEach((k, n) -> rows.add(row("reports", k, null, null, null, null, null, n, null)));
    failedChecks.forEach((c, n) -> rows.add(row("failed_check", c, null, null, null, null, null, n, null)));
    return rows;
  }

  private Object[] row(String kind, String item, Long bytes, String sha256, Long read, Long loaded, Long quarantined,
      Long count, Double seconds) {
    return new Object[] {runId, outcome, version, Timestamp.from(startedAt), Timestamp.from(endedAt),
        Date.valueOf(asOf), Date.valueOf(publishedBy), projectVersion, sparkVersion, kind, item, bytes, sha256, read,
        loaded, quarantined, count, seconds};
  }
}
