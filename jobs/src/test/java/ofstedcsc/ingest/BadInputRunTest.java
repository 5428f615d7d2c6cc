package ofstedcsc.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.cli.Cli;
import ofstedcsc.cli.ExitCode;
import ofstedcsc.io.TableStore;
import ofstedcsc.schema.Tables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 end to end, through the command line's code path: a sample-style input with a 20,000-character note,
 * RFC 4180 doubled quotes, an Excel for Mac file, a column named twice and a two-digit year of the wrong century runs
 * to the marts, and every line is accounted for.
 */
class BadInputRunTest {
  private static final String LOOKUP = "urn,la_code,la_code_new,stat_neighbours,local_authority_ons_name,"
      + "also_known_as,rgn22cd,rgn22nm,ons_population_0-25,ons_la_type\n"
      + "80478,382,E08000034,901,\"Kirklees \"\"the borough\"\", West Yorkshire\",,E12000003,"
      + "Yorkshire and The Humber,139021,Metropolitan District\n"
      + "9900001,901,E06099901,382,Fenmoor,[Fenmoor Borough],E12000003,Yorkshire and The Humber,52000,"
      + "Unitary Authority\n";
  private static final String INDEX_HEADER = "urn,local_authority,inspection_link,pdf_filename,publication_date,"
      + "inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,"
      + "impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";
  private static final String RECORDS_HEADER =
      "urn,local_authority,framework,inspection_type,published_on,area,grade,fieldwork_start,fieldwork_end,note,Note";

  @TempDir Path input;
  @TempDir Path output;

  private int run(String command) {
    List<String> args = new ArrayList<>(List.of(command, "--input", input.toString(), "--output", output.toString()));
    if (command.equals("run")) {
      args.addAll(List.of("--as-of", "2024-03-31"));
    }
    return new Cli(Cli.PIPELINE).execute(TestSpark.session(), args.toArray(String[]::new));
  }

  @Test
  void hostileLinesLoadOrAreQuarantinedAndTheBatchGoesOn() throws Exception {
    String note = "\"" + "Inspectors said \"\"leaders, at every level, know their children\"\". ".repeat(350) + "\"";
    Files.writeString(input.resolve("la_lookup.csv"), LOOKUP, StandardCharsets.UTF_8);
    Files.writeString(input.resolve("ofsted_csc_ilacs_history.csv"), String.join("\r\n", INDEX_HEADER,
        "80478,kirklees,l,f.pdf,25/11/16,,,,,inadequate,inadequate,inadequate,inadequate,requires improvement,1",
        "80478,kirklees,l,f.pdf,05/08/19,standard," + note + ",10/06/2019,21/06/2019,requires improvement,"
            + "requires improvement,requires improvement,requires improvement,inspection_pre_dates_judgement,1",
        "80478,kirklees,l,f.pdf,28/08/99,standard,x,08/07/2024,19/07/2024,good,good,good,good,good,1") + "\r\n",
        StandardCharsets.UTF_8);
    Files.createDirectories(input.resolve("records"));
    Files.writeString(input.resolve("records/mac.csv"), String.join("\r", RECORDS_HEADER,
        "9900001,Fenmoor,sif,full,2015-03-20,overall_effectiveness,inadequate,,," + note + ",x",
        "9900001,Fenmoor,ilacs,standard,2022-05-13,overall_effectiveness,good,,,,",
        "9900001,Fenmoor,ilacs,standard,2099-05-13,overall_effectiveness,outstanding,,,,"), StandardCharsets.UTF_8);

    assertEquals(ExitCode.OK, run("run"));

    TableStore store = new TableStore(TestSpark.session(), output.toString());
    Map<String, List<Long>> counts = store.read(Tables.INGEST_COUNTS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("source_ref") + " " + r.getAs("unit"),
            r -> List.of(r.<Long>getAs("read"), r.<Long>getAs("loaded"), r.<Long>getAs("quarantined"))));
    assertEquals(List.of(3L, 2L, 1L), counts.get("ofsted_csc_ilacs_history.csv row"));
    assertEquals(List.of(3L, 2L, 1L), counts.get("records/mac.csv row"));
    assertEquals(List.of(2L, 2L, 0L), counts.get("la_lookup.csv row"));
    assertEquals(Map.of("ofsted_csc_ilacs_history.csv:4", "implausible_date", "records/mac.csv:4", "implausible_date"),
        store.read(Tables.QUARANTINE).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("source_ref"), r -> r.getAs("reason_code"))));

    assertEquals("Kirklees \"the borough\", West Yorkshire",
        store.read(Tables.AUTHORITIES).filter(col("authority_id").equalTo("80478")).first().getAs("name"));
    assertEquals("E12000003",
        store.read(Tables.AUTHORITIES).filter(col("authority_id").equalTo("80478")).first().getAs("region_code"));
    List<Row> transitions = store.read(Tables.GRADE_TRANSITIONS).filter(col("area").equalTo("overall_effectiveness"))
        .orderBy("authority_id").collectAsList();
    assertEquals(List.of("80478 2016-11-25 4→2019-08-05 3", "9900001 2015-03-20 4→2022-05-13 2"),
        transitions.stream().map(r -> r.getAs("authority_id") + " " + r.getAs("from_published_on") + " "
            + r.getAs("from_grade") + "→" + r.getAs("to_published_on") + " " + r.getAs("to_grade")).toList());
    assertEquals(0, store.read(Tables.INSPECTIONS)
        .filter(col("published_on").gt(java.sql.Date.valueOf(LocalDate.now()))).count());
  }

  @Test
  void aRequiredColumnNamedTwiceStopsTheRunWithNothingWritten() throws Exception {
    Files.writeString(input.resolve("la_lookup.csv"), LOOKUP, StandardCharsets.UTF_8);
    Files.createDirectories(input.resolve("records"));
    Files.writeString(input.resolve("records/fenmoor.csv"), RECORDS_HEADER.replace("Note", "URN") + "\n"
        + "9900001,Fenmoor,sif,full,2015-03-20,overall_effectiveness,inadequate,,,,9900001\n", StandardCharsets.UTF_8);

    assertEquals(ExitCode.BAD_INPUT, run("ingest"));
    try (var written = Files.list(output)) {
      assertFalse(written.findAny().isPresent());
    }
  }
}
