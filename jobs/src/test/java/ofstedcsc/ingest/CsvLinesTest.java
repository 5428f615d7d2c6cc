package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.reference.Reference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV lines as RFC 4180 writes them, whatever their length, line endings and header. */
class CsvLinesTest {
  private static final String RECORDS_HEADER =
      "urn,local_authority,framework,inspection_type,published_on,area,grade,fieldwork_start,fieldwork_end,note";
  private static final String LOOKUP_HEADER = "urn,la_code,la_code_new,stat_neighbours,local_authority_ons_name,"
      + "also_known_as,rgn22cd,rgn22nm,ons_population_0-25,ons_la_type";

  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> header(Path file, List<String> required) {
    return CsvLines.header(TestSpark.session().sparkContext().hadoopConfiguration(), file.toString(), "test file",
        required);
  }

  private static Dataset<Row> read(Path file, List<String> required) {
    return CsvLines.read(TestSpark.session(), file.toString(), file.getFileName().toString(),
        header(file, required));
  }

  private static Staged stageRecords(Dataset<Row> lines) {
    SparkSession spark = TestSpark.session();
    Dataset<Row> authorities = TestSpark.rows(TestSpark.schema("authority_id string"), new Object[] {"80478"});
    return RecordsStaging.stage(lines, authorities, Reference.dataset(spark, "judgement_areas"), Reference.dataset(spark, "inspection_types"),
        Reference.dataset(spark, "frameworks"));
  }

  private static Map<String, String> problems(Dataset<Row> lines) {
    return lines.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(CsvLines.REF),
        r -> String.valueOf(r.<String>getAs(CsvLines.LINE_PROBLEM))));
  }

  @Test
  void aQuotedNoteOfTwentyThousandCharactersLoadsWhole() throws Exception {
    String note = "Analyst's note, \"verbatim\": " + "the authority's leaders, partners and staff. ".repeat(450);
    assertTrue(note.length() > 20_000);
    Path file = write("kirklees.csv", RECORDS_HEADER + "\n"
        + "80478,Kirklees,sif,full,2016-11-25,overall_effectiveness,inadequate,,,\""
        + note.replace("\"", "\"\"") + "\"\n"
        + "80478,Kirklees,ilacs,standard,2019-08-05,overall_effectiveness,requires improvement,,,short\n");

    Dataset<Row> lines = read(file, RecordsStaging.REQUIRED);
    Row first = lines.filter(col(CsvLines.LINE).equalTo(2)).first();
    assertNull(first.getAs(CsvLines.LINE_PROBLEM));
    assertEquals(note.strip(), first.getAs("note"));
    assertEquals("inadequate", first.getAs("grade"));

    Staged staged = stageRecords(lines);
    assertEquals(0, staged.quarantine().count());
    assertEquals(List.of("2016-11-25 4", "2019-08-05 3"), staged.judgements()
        .join(staged.inspections().select("inspection_id", "published_on"), "inspection_id")
        .orderBy("published_on").collectAsList().stream()
        .map(r -> r.getAs("published_on") + " " + r.getAs("grade")).toList());
  }

  @Test
  void doubledQuotesInsideAQuotedFieldAreOneQuoteAndShiftNoColumn() throws Exception {
    Path file = write("la_lookup.csv", LOOKUP_HEADER + "\n"
        + "80478,382,E08000034,\"901, 902\",\"Kirklees \"\"the borough\"\", West Yorkshire\",,E12000003,"
        + "Yorkshire and The Humber,139021,Metropolitan District\n"
        + "9900001,901,E06099901,382,Fenmoor,\"[Fenmoor \"\"Borough\"\"]\",E12000003,Yorkshire and The Humber,"
        + "52000,Unitary Authority\n"
        + "9900002,902,E06099902,382,\"\"\"Wyvern\"\" Vale\",,E12000003,Yorkshire and The Humber,61000,"
        + "Unitary Authority\n");
    Dataset<Row> lines = read(file, LookupStaging.REQUIRED);
    Map<String, Row> byUrn = LookupStaging.stage(lines, Reference.dataset(TestSpark.session(), "regions"))
        .authorities().collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("authority_id"), r -> r));

    Row kirklees = byUrn.get("80478");
    assertEquals("Kirklees \"the borough\", West Yorkshire", kirklees.getAs("name"));
    assertEquals("382", kirklees.getAs("la_code"));
    assertEquals("E08000034", kirklees.getAs("ons_code"));
    assertEquals("E12000003", kirklees.getAs("region_code"));
    assertEquals(139021L, kirklees.<Long>getAs("population_0_25"));
    assertEquals("Fenmoor \"Borough\"", byUrn.get("9900001").getAs("aliases"));
    assertEquals("\"Wyvern\" Vale", byUrn.get("9900002").getAs("name"));
    assertEquals("Unitary Authority", byUrn.get("9900002").getAs("la_type"));
    assertEquals(Map.of("la_lookup.csv:2", "null", "la_lookup.csv:3", "null", "la_lookup.csv:4", "null"),
        problems(lines));
  }

  @Test
  void quotesThatDoNotEncloseAWholeFieldMakeTheLineMalformed() throws Exception {
    Path file = write("fictional.csv", RECORDS_HEADER + "\n"
        + "80478,Kirklees,sif,full,2016-11-25,lscb,inadequate,,,\"a \"\"quoted\"\" note, with a comma\"\n"
        + "80478,Kirklees,sif,full,2016-11-25,adoption,good,,,a 6\" ruler\n"
        + "80478,Kirklees,sif,full,2016-11-25,adoption,good,,,a \"quoted, word\" inside\n"
        + "80478,Kirklees,sif,full,2016-11-25,adoption,good,,, \"a, b\"\n"
        + "80478,Kirklees,sif,full,2016-11-25,adoption,good,,,\"a, b\" \n"
        + "80478,Kirklees,sif,full,2016-11-25,adoption,\"good\"x,,,\n"
        + "80478,Kirklees,sif,full,2016-11-25,help_and_protection,\"good\",,,\"\"\n");
    Dataset<Row> lines = read(file, RecordsStaging.REQUIRED);
    assertEquals(Map.of("fictional.csv:2", "null", "fictional.csv:3", "malformed_row",
        "fictional.csv:4", "malformed_row", "fictional.csv:5", "malformed_row", "fictional.csv:6", "malformed_row",
        "fictional.csv:7", "malformed_row", "fictional.csv:8", "null"), problems(lines));
    assertEquals("a \"quoted\" note, with a comma",
        lines.filter(col(CsvLines.LINE).equalTo(2)).first().getAs("note"));
    Row last = lines.filter(col(CsvLines.LINE).equalTo(8)).first();
    assertEquals("good", last.getAs("grade"));
    assertNull(last.getAs("note"));

    Staged staged = stageRecords(lines);
    assertEquals(7, staged.read().count());
    assertEquals(2, staged.loaded().count());
    assertEquals(5, staged.quarantine().filter(col("reason_code").equalTo("malformed_row")).count());
  }

  @Test
  void crLfAndCrlfLineEndingsAllEndALineAndLineNumbersCountAlike() throws Exception {
    List<String> rows = List.of(RECORDS_HEADER,
        "80478,Kirklees,sif,full,2016-11-25,overall_effectiveness,inadequate,,,",
        "80478,Kirklees,sif,full,2016-11-25,leadership,inadequate,,,",
        "",
        "80478,Kirklees,sif,full,2016-11-25,lscb,excellent,,,\"a note\"");
    Map<String, String> endings = Map.of("lf.csv", "\n", "crlf.csv", "\r\n", "cr.csv", "\r");
    for (Map.Entry<String, String> ending : endings.entrySet()) {
      Path file = write(ending.getKey(), String.join(ending.getValue(), rows) + ending.getValue());
      Dataset<Row> lines = read(file, RecordsStaging.REQUIRED);
      String name = ending.getKey();
      assertEquals(Map.of(name + ":2", "null", name + ":3", "null", name + ":5", "null"), problems(lines), name);
      assertEquals("a note", lines.filter(col(CsvLines.LINE).equalTo(5)).first().getAs("note"), name);
      Staged staged = stageRecords(lines);
      assertEquals(3, staged.read().count(), name);
      assertEquals(2, staged.loaded().count(), name);
      assertEquals(List.of(name + ":5 unknown_grade"), staged.quarantine().collectAsList().stream()
          .map(r -> r.getAs("source_ref") + " " + r.getAs("reason_code")).toList(), name);
    }
    Path mixed = write("mixed.csv", rows.get(0) + "\r" + rows.get(1) + "\r\n" + rows.get(2) + "\n\r" + rows.get(4));
    assertEquals(Map.of("mixed.csv:2", "null", "mixed.csv:3", "null", "mixed.csv:5", "null"),
        problems(read(mixed, RecordsStaging.REQUIRED)));
  }

  @Test
  void aRepeatedExtraColumnIsIgnoredInAnyCase() throws Exception {
    Path file = write("notes.csv", RECORDS_HEADER + ",Note,NOTE\n"
        + "80478,Kirklees,sif,full,2016-11-25,overall_effectiveness,inadequate,,,first,second,third\n");
    List<String> header = header(file, RecordsStaging.REQUIRED);
    assertEquals(List.of("note", "note", "note"), header.subList(9, 12));
    Dataset<Row> lines = CsvLines.read(TestSpark.session(), file.toString(), "notes.csv", header);
    assertFalse(List.of(lines.columns()).contains("note"));
    assertEquals(Map.of("notes.csv:2", "null"), problems(lines));
    Staged staged = stageRecords(lines);
    assertEquals(1, staged.judgements().count());
    assertEquals(0, staged.quarantine().count());
  }

  @Test
  void aRepeatedRequiredColumnIsAStructuralErrorNamingFileAndColumn() throws Exception {
    Path file = write("grades.csv", RECORDS_HEADER.replace("note", "Grade") + "\n"
        + "80478,Kirklees,sif,full,2016-11-25,overall_effectiveness,inadequate,,,good\n");
    StructuralError e = assertThrows(StructuralError.class, () -> header(file, RecordsStaging.REQUIRED));
    assertEquals("test file " + file + " names required column(s) grade more than once, in any case (its header: "
        + "urn, local_authority, framework, inspection_type, published_on, area, grade, fieldwork_start, "
        + "fieldwork_end, grade)", e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void headerNamesLikeThePipelinesOwnColumnsOrBlankAreIgnored() throws Exception {
    Path file = write("extras.csv", RECORDS_HEADER + ",_raw,_line,area_label,grade_label,,\n"
        + "80478,Kirklees,sif,full,2016-11-25,overall_effectiveness,inadequate,,,n,r,l,a,g,x,y\n");
    Dataset<Row> lines = read(file, RecordsStaging.REQUIRED);
    Row line = lines.first();
    assertEquals("80478,Kirklees,sif,full,2016-11-25,overall_effectiveness,inadequate,,,n,r,l,a,g,x,y",
        line.getAs(CsvLines.RAW));
    assertEquals(2, line.<Integer>getAs(CsvLines.LINE));
    Staged staged = stageRecords(lines);
    Row judgement = staged.judgements().first();
    assertEquals("overall_effectiveness", judgement.getAs("area_label"));
    assertEquals("inadequate", judgement.getAs("grade_label"));
    assertEquals(0, staged.quarantine().count());
  }

  @Test
  void aLineOfMoreFieldsThanAnyParserTakesIsMalformedAndTheOthersLoad() throws Exception {
    Path file = write("wide.csv", RECORDS_HEADER + "\n"
        + "80478,Kirklees,sif,full,2016-11-25,overall_effectiveness,inadequate,,,note" + ",x".repeat(30_000) + "\n"
        + "80478,Kirklees,sif,full,2016-11-25,leadership,inadequate,,,\"" + "\"\"".repeat(30_000) + "\"\n");
    Dataset<Row> lines = read(file, RecordsStaging.REQUIRED);
    assertEquals(Map.of("wide.csv:2", "malformed_row", "wide.csv:3", "null"), problems(lines));
    assertEquals("\"".repeat(30_000), lines.filter(col(CsvLines.LINE).equalTo(3)).first().getAs("note"));
    Staged staged = stageRecords(lines);
    assertEquals(1, staged.loaded().count());
    assertEquals(1, staged.quarantine().count());
  }

  @Test
  void indexColumnsOfAnyNameAreIgnored() throws Exception {
    Path file = write("ofsted_csc_ilacs_history.csv", "urn,local_authority,inspection.link,`pdf` filename,"
        + "publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,"
        + "overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,"
        + "care_leavers_grade,Parser_Version,parser_version,_copy,_known_id\n"
        + "80478,kirklees,l,f.pdf,28/08/24,standard,x,08/07/2024,19/07/2024,good,good,good,good,good,1,1,2,3\n");
    SparkSession spark = TestSpark.session();
    Staged staged = IndexStaging.stage(read(file, IndexStaging.requiredColumns()),
        TestSpark.rows(TestSpark.schema("authority_id string"), new Object[] {"80478"}),
        Reference.dataset(spark, "judgement_areas"),
        Reference.dataset(spark, "inspection_types"));
    assertEquals(0, staged.quarantine().count());
    assertEquals("2024-08-28", staged.inspections().first().getAs("published_on").toString());
    assertEquals(5, staged.judgements().filter(col("grade").equalTo(2)).count());
  }

  @Test
  void theHeaderSplitsAsItsLinesDo() throws Exception {
    Path quoted = write("quoted.csv", RECORDS_HEADER.replace("note", "\"note, \"\"free\"\" text\"") + "\n"
        + "80478,Kirklees,sif,full,2016-11-25,overall_effectiveness,inadequate,,,\"x, \"\"y\"\"\"\n");
    List<String> header = header(quoted, RecordsStaging.REQUIRED);
    assertEquals("note, \"free\" text", header.get(header.size() - 1));
    Row line = CsvLines.read(TestSpark.session(), quoted.toString(), "quoted.csv", header).first();
    assertNull(line.getAs(CsvLines.LINE_PROBLEM));
    assertEquals("x, \"y\"", line.getAs("note, \"free\" text"));

    Path stray = write("stray.csv", RECORDS_HEADER.replace("note", "a \"note\"") + "\n");
    StructuralError e = assertThrows(StructuralError.class, () -> header(stray, RecordsStaging.REQUIRED));
    assertTrue(e.getMessage().startsWith("test file " + stray + " has a header line that is not RFC 4180 CSV"),
        e.getMessage());
  }
}
