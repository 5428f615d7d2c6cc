package ofstedcsc.ingest;

import static ofstedcsc.TestSpark.date;
import static ofstedcsc.TestSpark.rows;
import static ofstedcsc.TestSpark.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ofstedcsc.TestSpark;
import ofstedcsc.reference.Reference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CanonicalTablesTest {
  private final Dataset<Row> sources = Reference.dataset(TestSpark.session(), "sources");

  private final Dataset<Row> stagedInspections = rows(schema("source string", "source_ref string",
          "inspection_id string", "authority_id string", "framework string", "inspection_type string",
          "fieldwork_start date", "fieldwork_end date", "published_on date"),
      new Object[] {"index", "index.csv:4", "i1", "K", "sif", "unknown", null, null, date("2016-11-25")},
      new Object[] {"records", "records/k.csv:2", "i1", "K", "sif", "full", date("2016-09-12"),
          date("2016-10-06"), date("2016-11-25")},
      new Object[] {"index", "index.csv:3", "i2", "K", "ilacs", "standard", date("2019-06-10"),
          date("2019-06-21"), date("2019-08-05")},
      new Object[] {"report", "reports/k.pdf", "i2", "K", "ilacs", "unknown", date("2019-06-10"),
          date("2019-06-20"), date("2019-08-05")});

  private final Dataset<Row> stagedJudgements = rows(schema("source string", "source_ref string",
          "inspection_id string", "area string", "area_label string", "grade int", "grade_label string",
          "not_graded_reason string"),
      new Object[] {"index", "index.csv:4", "i1", "overall_effectiveness", "overall", null, null, "data_unreadable"},
      new Object[] {"records", "records/k.csv:2", "i1", "overall_effectiveness", "overall_effectiveness", 4,
          "inadequate", null},
      new Object[] {"index", "index.csv:3", "i2", "care_leavers", "care_leavers_grade", 2, "good", null},
      new Object[] {"report", "reports/k.pdf", "i2", "care_leavers", "care leavers", 3, "requires improvement",
          null});

  @Test
  void oneInspectionPerRealInspectionFilledFromTheBestSourceThatHasEachValue() {
    Map<String, Row> inspections = CanonicalTables.inspections(stagedInspections, sources).collectAsList()
        .stream().collect(Collectors.toMap(r -> r.getAs("inspection_id"), r -> r));
    assertEquals(2, inspections.size());
    Row i1 = inspections.get("i1");
    assertEquals("full", i1.getAs("inspection_type"));
    assertEquals("records", i1.getAs("source"));
    assertEquals("index+records", i1.getAs("sources"));
    Row i2 = inspections.get("i2");
    assertEquals("standard", i2.getAs("inspection_type"), "the report is silent on the type: the index fills it");
    assertEquals("2019-06-20", i2.getAs("fieldwork_end").toString(), "the report wins over the index");
  }

  @Test
  void aGradedValueBeatsAnUngradedOneAndDisagreementsAreListed() {
    Dataset<Row> inspections = CanonicalTables.inspections(stagedInspections, sources);
    Map<String, Row> judgements = CanonicalTables.judgements(stagedJudgements, inspections, sources)
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("inspection_id"), r -> r));
    assertEquals(4, judgements.get("i1").<Integer>getAs("grade"));
    assertEquals("records", judgements.get("i1").getAs("source"));
    assertEquals(3, judgements.get("i2").<Integer>getAs("grade"));
    assertEquals("report", judgements.get("i2").getAs("source"));

    List<Row> conflicts = CanonicalTables.conflicts(stagedInspections, stagedJudgements, inspections, sources)
        .orderBy("field").collectAsList();
    assertEquals(List.of("fieldwork_end", "grade:care_leavers"),
        conflicts.stream().map(r -> r.<String>getAs("field")).toList(),
        "a null or an unknown type is silence, not disagreement");
    Row grade = conflicts.get(1);
    assertEquals("2", grade.getAs("index_value"));
    assertEquals("3", grade.getAs("report_value"));
    assertNull(grade.getAs("records_value"));
    assertEquals("report", grade.getAs("kept_source"));
    assertEquals("3", grade.getAs("kept_value"));
  }
}
