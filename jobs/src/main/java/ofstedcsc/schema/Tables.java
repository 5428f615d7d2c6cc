package ofstedcsc.schema;

import static ofstedcsc.schema.Table.field;
import static ofstedcsc.schema.Table.from;
import static ofstedcsc.schema.Table.grain;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import ofstedcsc.aggregate.ImprovementThemes;
import ofstedcsc.aggregate.Standing;
import ofstedcsc.ingest.LookupStaging;

/** Every table the pipeline publishes. docs/data-dictionary.md is generated from this class. */
public final class Tables {
  private Tables() {}

  private static final String FRAMEWORKS = "`pre_sif`, `sif`, `ilacs`";
  private static final String AREAS =
      "`overall_effectiveness`, `leadership`, `help_and_protection`, `children_in_care`, `care_leavers`, `adoption`, `lscb`";
  private static final String GRADES = "1 outstanding, 2 good, 3 requires improvement (or adequate on the pre-2013 scale), 4 inadequate";
  private static final String GRADE_LABELS = "`outstanding`, `good`, `requires improvement`, `inadequate`, `adequate` (pre-2013 scale only)";
  private static final String SOURCES = "`records` (hand-entered), `report` (PDF), `index` (scraped CSV), `lookup`";

  // The values a column may take, read from data/reference when the checks run (never copied here).
  private static final Table.Accepted FRAMEWORK = from("frameworks", "framework");
  private static final Table.Accepted AREA = from("judgement_areas", "area");
  private static final Table.Accepted GRADE = from("grade_values", "grade");
  private static final Table.Accepted GRADE_LABEL = from("grade_values", "grade_label");
  private static final Table.Accepted NOT_GRADED_REASON = from("grade_values", "not_graded_reason");
  private static final Table.Accepted INSPECTION_TYPE = from("inspection_types", "inspection_type");
  private static final Table.Accepted SOURCE = from("sources", "source");
  /** The lookup is an input too, but no source of inspections, so sources.csv gives it no precedence. */
  private static final Table.Accepted INPUT = SOURCE.or(LookupStaging.SOURCE);
  private static final Table.Accepted UNIT = from("reason_codes", "unit");
  private static final Table.Accepted REASON_CODE = from("reason_codes", "reason_code");
  private static final Table.Accepted REGION_CODE = from("regions", "region_code");
  private static final Table.Accepted REGION_NAME = from("regions", "region_name");
  private static final Table.Accepted THEME = from("improvement_themes", "theme");
  private static final Table.Accepted THEME_LABEL = from("improvement_themes", "label");

  public static final Table AUTHORITIES = Table.of("authorities", "canonical",
      "Every local authority in the lookup, whether or not it has been inspected.",
      grain("one row per authority", "authority_id"),
      field("authority_id", StringType, "Ofsted URN of the authority", "digits", "80478").notNull(),
      field("la_code", StringType, "DfE local authority code (3 digits)", "", "382").notNull(),
      field("ons_code", StringType, "ONS geography code, used to match boundary files", "E06…, E08…, E09…, E10…", "E08000034"),
      field("name", StringType, "Authority name as ONS writes it", "", "Kirklees").notNull(),
      field("aliases", StringType, "Other names the authority goes by, as the lookup writes them (used to match names in report text)", "", "BCP, Bournemouth, Christchurch & Poole"),
      field("region_code", StringType, "ONS region code, found by the region's name in data/reference/regions.csv (the lookup's own code contradicts its name for some authorities)", "E12000001…E12000009", "E12000003").notNull().accepted(REGION_CODE),
      field("region_name", StringType, "ONS region name, spelled as in data/reference/regions.csv", "9 English regions", "Yorkshire and The Humber").notNull().accepted(REGION_NAME),
      field("la_type", StringType, "ONS type of authority", "`County`, `Unitary Authority`, `Metropolitan District`, `London Borough`, null", "Metropolitan District"),
      field("population_0_25", LongType, "ONS population aged 0 to 25", ">= 0", "139021"));

  public static final Table AUTHORITY_NEIGHBOURS = Table.of("authority_neighbours", "canonical",
      "The DfE statistical neighbours of each authority, closest first.",
      grain("one row per authority and neighbour", "authority_id", "neighbour_id"),
      field("authority_id", StringType, "Ofsted URN of the authority", "", "80478").notNull().references(AUTHORITIES),
      field("neighbour_id", StringType, "Ofsted URN of the neighbour", "", "80535").notNull().references(AUTHORITIES),
      field("neighbour_rank", IntegerType, "1 for the closest neighbour", "1–10", "1").notNull());

  public static final Table INSPECTIONS = Table.of("inspections", "canonical",
      "One row per real inspection or visit, merged across the sources that describe it.",
      grain("one row per inspection_id", "inspection_id"),
      field("inspection_id", StringType, "Stable identifier: a hash of authority, publication date and kind (inspection or visit)", "16 hex digits", "3f0c2a9d1b7e4c55").notNull(),
      field("authority_id", StringType, "Ofsted URN of the authority", "", "80478").notNull().references(AUTHORITIES),
      field("framework", StringType, "Inspection framework", FRAMEWORKS, "sif").notNull().accepted(FRAMEWORK),
      field("inspection_type", StringType, "Kind of inspection", "`standard`, `short`, `full`, `monitoring_visit`, `focused_visit`, `unknown`", "standard").notNull().accepted(INSPECTION_TYPE),
      field("fieldwork_start", DateType, "First day of fieldwork, when a source gives it", "", "2016-09-12"),
      field("fieldwork_end", DateType, "Last day of fieldwork, when a source gives it", "", "2016-10-06"),
      field("published_on", DateType, "Date the report or letter was published", "", "2016-11-25").notNull(),
      field("source", StringType, "The source whose values were kept (highest precedence, see data/reference/sources.csv)", SOURCES, "records").notNull().accepted(SOURCE),
      field("source_ref", StringType, "Where in that source: file and line, or file path", "", "ofsted_csc_ilacs_history.csv:42").notNull(),
      field("sources", StringType, "Every source that described this inspection, joined with `+`", "", "index+records").notNull());

  public static final Table JUDGEMENTS = Table.of("judgements", "canonical",
      "One row per inspection and judgement area. An area the source did not grade has a null grade and a reason.",
      grain("one row per inspection_id and area", "inspection_id", "area"),
      field("inspection_id", StringType, "The inspection", "", "3f0c2a9d1b7e4c55").notNull().references(INSPECTIONS),
      field("authority_id", StringType, "Ofsted URN of the authority", "", "80478").notNull().references(AUTHORITIES),
      field("framework", StringType, "Inspection framework", FRAMEWORKS, "sif").notNull().accepted(FRAMEWORK),
      field("area", StringType, "Canonical judgement area (mapped by data/reference/judgement_areas.csv)", AREAS, "overall_effectiveness").notNull().accepted(AREA),
      field("area_label", StringType, "The wording in the source", "", "overall_effectiveness_grade"),
      field("grade", IntegerType, "Grade code; null when not graded", GRADES, "4").accepted(GRADE),
      field("grade_label", StringType, "Grade wording", GRADE_LABELS, "inadequate").accepted(GRADE_LABEL),
      field("not_graded_reason", StringType, "Why grade is null", "`data_unreadable`, `inspection_pre_dates_judgement`, `not_reported_post_reform`, `not_judged`, `blank`, null", "data_unreadable").accepted(NOT_GRADED_REASON),
      field("published_on", DateType, "Publication date of the inspection", "", "2016-11-25").notNull(),
      field("source", StringType, "The source whose value was kept", SOURCES, "records").notNull().accepted(SOURCE),
      field("source_ref", StringType, "Where in that source", "", "records/kirklees.csv:2").notNull());

  public static final Table IMPROVEMENT_POINTS = Table.of("improvement_points", "canonical",
      "What each report says must improve: an ILACS report's \"What needs to improve?\", a SIF report's "
          + "recommendations. One row per point, in the report's order and wording, with a theme from the phrase rules "
          + "of data/reference/improvement_theme_rules.csv (docs/methodology.md, Improvement points).",
      grain("one row per inspection and point", "inspection_id", "point_number"),
      field("authority_id", StringType, "Ofsted URN of the authority", "", "80478").notNull().references(AUTHORITIES),
      field("inspection_id", StringType, "The inspection whose report raised the point", "", "a81e0b66c2d94f10").notNull().references(INSPECTIONS),
      field("published_on", DateType, "Publication date of the report", "", "2019-08-05").notNull(),
      field("framework", StringType, "Inspection framework", "`sif`, `ilacs`", "ilacs").notNull().accepted(FRAMEWORK),
      field("point_number", IntegerType, "The point's place in the report's list, from 1", ">= 1", "1").notNull(),
      field("text", StringType, "The whole point as printed, its wrapped lines and hyphenation joined, without bullet, footnote marker or National Framework reference; sub-items joined by semicolons", "", "The quality of written child in need, child protection and care plans, so that they are timebound, with clear and meaningful contingency plans.").notNull(),
      field("national_framework_reference", StringType, "The Children's Social Care National Framework outcome, enabler or principle the report cross-references (from 2025), numbers in figures; null where it gives none", "e.g. `outcome 4`, `enabler 2`, `principle 1`", "outcome 4"),
      field("theme", StringType, "Theme code (data/reference/improvement_themes.csv); `other` when no phrase rule matches", "", "assessments_and_plans").notNull().accepted(THEME),
      field("theme_label", StringType, "Theme wording", "", "Quality of assessments and plans").notNull().accepted(THEME_LABEL),
      field("source_ref", StringType, "The report file and the point's number", "", "reports/80478_kirklees/children's services inspection - 05 august 2019.pdf#point-2").notNull());

  public static final Table QUARANTINE = Table.of("quarantine", "canonical",
      "Everything that could not be loaded, with the reason. Nothing is dropped silently.",
      // Each unit is quarantined once, under the first check it fails, and its place names it: a second row for one
      // place would be counted twice against ingest_counts.
      grain("one row per rejected record, cell, file or improvement points section", "source", "source_ref"),
      field("source", StringType, "Which input", SOURCES, "index").notNull().accepted(INPUT),
      field("source_ref", StringType, "File and line (and column for a single cell)", "", "ofsted_csc_ilacs_history.csv:17:help_and_protection_grade").notNull(),
      field("unit", StringType, "What was rejected: a `row`, a single `cell` of a loaded row, a report `file`, or a loaded report's improvement points `section`", "`row`, `cell`, `file`, `section`", "cell").notNull().accepted(UNIT),
      field("reason_code", StringType, "Why it was rejected (see docs/data-dictionary.md, reason codes)", "", "unknown_grade").notNull().accepted(REASON_CODE),
      field("detail", StringType, "A sentence for a person", "", "'to requires improvement' is not a grade"),
      field("raw", StringType, "The rejected text as it was read", "", "80533,nottingham,…"));

  public static final Table SOURCE_CONFLICTS = Table.of("source_conflicts", "canonical",
      "Every field on which two sources describing the same inspection disagree, and which value was kept.",
      grain("one row per inspection and field in dispute", "inspection_id", "field"),
      field("inspection_id", StringType, "The inspection", "", "3f0c2a9d1b7e4c55").notNull().references(INSPECTIONS),
      field("authority_id", StringType, "Ofsted URN of the authority", "", "80478").notNull().references(AUTHORITIES),
      field("published_on", DateType, "Publication date of the inspection", "", "2019-08-05").notNull(),
      field("field", StringType, "The field in dispute: an inspection attribute or `grade:<area>`", "", "grade:care_leavers").notNull(),
      field("records_value", StringType, "Value in the hand-entered records", "", "3"),
      field("report_value", StringType, "Value read from the PDF report", "", "3"),
      field("index_value", StringType, "Value in the scraped index", "", "2"),
      field("kept_source", StringType, "Source whose value was kept", SOURCES, "records").notNull().accepted(SOURCE),
      field("kept_value", StringType, "The value kept", "", "3").notNull());

  public static final Table INGEST_COUNTS = Table.of("ingest_counts", "canonical",
      "Reconciliation of every input: read = loaded + quarantined, per source file and unit.",
      grain("one row per source file and unit", "source", "source_ref", "unit"),
      field("source", StringType, "Which input", SOURCES, "index").notNull().accepted(INPUT),
      field("source_ref", StringType, "The file", "", "ofsted_csc_ilacs_history.csv").notNull(),
      field("unit", StringType, "What is counted: `row` (a CSV line), `cell` (one grade in a loaded row), `file` (a report), `section` (a loaded report's improvement points)", "`row`, `cell`, `file`, `section`", "row").notNull().accepted(UNIT),
      field("read", LongType, "Units read", ">= 0", "497").notNull(),
      field("loaded", LongType, "Units loaded", ">= 0", "496").notNull(),
      field("quarantined", LongType, "Units sent to quarantine", ">= 0", "1").notNull())
      .withRowCheck("reconciles", "read = loaded + quarantined");

  public static final Table GRADE_TRANSITIONS = Table.of("grade_transitions", "mart",
      "Each pair of consecutive graded judgements of an authority in one area.",
      grain("one row per authority, area and consecutive pair", "authority_id", "area", "from_inspection_id",
          "to_inspection_id"),
      field("authority_id", StringType, "Ofsted URN", "", "80478").notNull().references(AUTHORITIES),
      field("authority_name", StringType, "Authority name", "", "Kirklees").notNull(),
      field("region_name", StringType, "Region", "", "Yorkshire and The Humber").notNull(),
      field("area", StringType, "Judgement area", AREAS, "overall_effectiveness").notNull().accepted(AREA),
      field("from_inspection_id", StringType, "Earlier inspection", "", "3f0c2a9d1b7e4c55").notNull().references(INSPECTIONS),
      field("to_inspection_id", StringType, "Later inspection", "", "a81e0b66c2d94f10").notNull().references(INSPECTIONS),
      field("from_framework", StringType, "Framework of the earlier inspection", FRAMEWORKS, "sif").notNull().accepted(FRAMEWORK),
      field("to_framework", StringType, "Framework of the later inspection", FRAMEWORKS, "ilacs").notNull().accepted(FRAMEWORK),
      field("framework_pair", StringType, "`from→to`", "e.g. `sif→ilacs`, `ilacs→ilacs`", "sif→ilacs").notNull(),
      field("from_grade", IntegerType, "Earlier grade", GRADES, "4").notNull().accepted(GRADE),
      field("from_grade_label", StringType, "Earlier grade wording", GRADE_LABELS, "inadequate").notNull().accepted(GRADE_LABEL),
      field("to_grade", IntegerType, "Later grade", GRADES, "3").notNull().accepted(GRADE),
      field("to_grade_label", StringType, "Later grade wording", GRADE_LABELS, "requires improvement").notNull().accepted(GRADE_LABEL),
      field("from_published_on", DateType, "Publication of the earlier inspection", "", "2016-11-25").notNull(),
      field("to_published_on", DateType, "Publication of the later inspection", "", "2019-08-05").notNull(),
      field("days_between", IntegerType, "Days between the two publications", "> 0", "983").notNull(),
      field("direction", StringType, "Lower grade code is better", "`improved`, `same`, `declined`", "improved").notNull());

  public static final Table TRANSITION_MATRIX = Table.of("transition_matrix", "mart",
      "How often each grade led to each other grade, per area and pair of frameworks.",
      grain("one row per area, framework pair, from grade and to grade observed, each grade as code and label (3 is "
          + "`requires improvement`, or `adequate` on the pre-2013 scale)", "area", "framework_pair", "from_grade",
          "from_grade_label", "to_grade", "to_grade_label"),
      field("area", StringType, "Judgement area", AREAS, "overall_effectiveness").notNull().accepted(AREA),
      field("framework_pair", StringType, "`from→to`", "", "sif→ilacs").notNull(),
      field("from_grade", IntegerType, "Earlier grade", GRADES, "4").notNull().accepted(GRADE),
      field("from_grade_label", StringType, "Earlier grade wording", GRADE_LABELS, "inadequate").notNull().accepted(GRADE_LABEL),
      field("to_grade", IntegerType, "Later grade", GRADES, "3").notNull().accepted(GRADE),
      field("to_grade_label", StringType, "Later grade wording", GRADE_LABELS, "requires improvement").notNull().accepted(GRADE_LABEL),
      field("transitions", LongType, "Number of transitions", ">= 1", "12").notNull(),
      field("from_grade_transitions", LongType, "All transitions from this grade in this area and framework pair", ">= 1", "20").notNull(),
      field("share_of_from_grade", DoubleType, "transitions / from_grade_transitions", "0–1", "0.6").notNull());

  public static final Table IMPROVEMENT_EPISODES = Table.of("improvement_episodes", "mart",
      "Spells below good: from a judgement of requires improvement or inadequate to the first better one. "
          + "Spells not improved are kept, censored at the as-at date or when no framework judges the area any more.",
      grain("one row per authority, area and episode (named by the judgement that opened it)", "authority_id", "area",
          "start_inspection_id"),
      field("authority_id", StringType, "Ofsted URN", "", "80478").notNull().references(AUTHORITIES),
      field("authority_name", StringType, "Authority name", "", "Kirklees").notNull(),
      field("region_name", StringType, "Region", "", "Yorkshire and The Humber").notNull(),
      field("area", StringType, "Judgement area", AREAS, "overall_effectiveness").notNull().accepted(AREA),
      field("start_inspection_id", StringType, "Inspection that opened the episode", "", "3f0c2a9d1b7e4c55").notNull().references(INSPECTIONS),
      field("start_framework", StringType, "Its framework", FRAMEWORKS, "sif").notNull().accepted(FRAMEWORK),
      field("start_grade", IntegerType, "Grade that opened the episode", "3, 4", "4").notNull().accepted(GRADE),
      field("start_grade_label", StringType, "Its wording", "`requires improvement`, `inadequate`", "inadequate").notNull().accepted(GRADE_LABEL),
      field("started_on", DateType, "Publication date that opened the episode", "", "2016-11-25").notNull(),
      field("improved_inspection_id", StringType, "First later inspection graded better than start_grade", "", "a81e0b66c2d94f10").references(INSPECTIONS),
      field("improved_on", DateType, "Its publication date; null while the episode is open", "", "2019-08-05"),
      field("improved_to_grade", IntegerType, "Its grade", "1–3", "3").accepted(GRADE),
      field("improved_to_grade_label", StringType, "Its wording", GRADE_LABELS, "requires improvement").accepted(GRADE_LABEL),
      field("days_to_improvement", IntegerType, "Days from started_on to improved_on; null while open", "> 0", "983"),
      field("good_on", DateType, "First later publication graded good or better", "", "2024-08-28"),
      field("days_to_good", IntegerType, "Days from started_on to good_on", "> 0", "2833"),
      field("status", StringType, "`improved`; `open` at the as-at date; `no_longer_judged` when no framework judges the area any more (data/reference/framework_areas.csv), so it can no longer improve", "`improved`, `open`, `no_longer_judged`", "improved").notNull(),
      field("censored", BooleanType, "True when the episode has not improved by as_of (status `open` or `no_longer_judged`)", "", "false").notNull(),
      field("censored_on", DateType, "When censored: as_of, or the last publication date on which a framework judged the area if that is earlier (never before started_on); null when improved", "", "2018-08-31"),
      field("days_at_risk", IntegerType, "days_to_improvement, or days from started_on to censored_on when censored", ">= 0", "983").notNull(),
      field("as_of", DateType, "The as-at date of the run", "", "2024-03-31").notNull());

  public static final Table IMPROVEMENT_SURVIVAL = Table.of("improvement_survival", "mart",
      "Kaplan–Meier estimate of the share of episodes not yet improved, by days since the episode began.",
      grain("one row per area, start grade and day on which an episode improved or was censored", "area",
          "start_grade", "days"),
      field("area", StringType, "Judgement area", AREAS, "overall_effectiveness").notNull().accepted(AREA),
      field("start_grade", IntegerType, "Grade that opened the episodes", "3, 4", "4").notNull().accepted(GRADE),
      field("start_grade_label", StringType, "Its wording", "", "inadequate").notNull().accepted(GRADE_LABEL),
      field("days", IntegerType, "Days since the start of the episode", ">= 0", "983").notNull(),
      field("at_risk", LongType, "Episodes still open just before this day", ">= 1", "25").notNull(),
      field("events", LongType, "Episodes that improved on this day", ">= 0", "1").notNull(),
      field("censored", LongType, "Episodes censored on this day", ">= 0", "0").notNull(),
      field("survival", DoubleType, "Estimated share not yet improved after this day", "0–1", "0.72").notNull(),
      field("as_of", DateType, "The as-at date of the run", "", "2024-03-31").notNull());

  public static final Table IMPROVEMENT_SUMMARY = Table.of("improvement_summary", "mart",
      "Per area and start grade: episodes, improvements, censored episodes and the Kaplan–Meier median time to improve.",
      grain("one row per area and start grade", "area", "start_grade"),
      field("area", StringType, "Judgement area", AREAS, "overall_effectiveness").notNull().accepted(AREA),
      field("start_grade", IntegerType, "Grade that opened the episodes", "3, 4", "4").notNull().accepted(GRADE),
      field("start_grade_label", StringType, "Its wording", "", "inadequate").notNull().accepted(GRADE_LABEL),
      field("episodes", LongType, "Episodes", ">= 1", "30").notNull(),
      field("events", LongType, "Episodes that improved by as_of", ">= 0", "22").notNull(),
      field("censored", LongType, "Episodes not improved by as_of (open, or no longer judged)", ">= 0", "8").notNull(),
      field("median_days_to_improvement", IntegerType, "First day the survival estimate falls to 0.5 or below; null when it never does", "> 0", "1012"),
      field("as_of", DateType, "The as-at date of the run", "", "2024-03-31").notNull());

  public static final Table STANDING = Table.of("standing", "mart",
      "Each authority's latest graded judgement per area as at a date, beside its region, statistical neighbours and England.",
      grain("one row per authority and area with a graded judgement as at as_of", "authority_id", "area"),
      field("as_of", DateType, "The as-at date", "", "2024-03-31").notNull(),
      field("published_by", DateType, "Reports published after this date are not counted", "", "2024-04-30").notNull(),
      field("authority_id", StringType, "Ofsted URN", "", "80478").notNull().references(AUTHORITIES),
      field("authority_name", StringType, "Authority name", "", "Kirklees").notNull(),
      field("ons_code", StringType, "ONS code, for maps", "", "E08000034"),
      field("region_code", StringType, "ONS region code", "", "E12000003").notNull().accepted(REGION_CODE),
      field("region_name", StringType, "Region", "", "Yorkshire and The Humber").notNull().accepted(REGION_NAME),
      field("area", StringType, "Judgement area", AREAS, "overall_effectiveness").notNull().accepted(AREA),
      field("inspection_id", StringType, "The inspection that gave the latest grade", "", "a81e0b66c2d94f10").notNull().references(INSPECTIONS),
      field("framework", StringType, "Its framework", FRAMEWORKS, "ilacs").notNull().accepted(FRAMEWORK),
      field("published_on", DateType, "Its publication date", "", "2019-08-05").notNull(),
      field("grade", IntegerType, "Latest grade", GRADES, "3").notNull().accepted(GRADE),
      field("grade_label", StringType, "Its wording", GRADE_LABELS, "requires improvement").notNull().accepted(GRADE_LABEL),
      field("previous_grade", IntegerType, "The grade before it in this area, if any", GRADES, "4").accepted(GRADE),
      field("previous_grade_label", StringType, "Its wording", GRADE_LABELS, "inadequate").accepted(GRADE_LABEL),
      field("change", StringType, "Since the previous grade", "`improved`, `same`, `declined`, `first`", "improved").notNull(),
      field("days_since_published", IntegerType, "Days from published_on to as_of", ">= 0", "1700").notNull(),
      field("good_or_better", BooleanType, "grade is 1 or 2", "", "false").notNull(),
      field("region_graded", LongType, "Authorities in the region with a grade in this area", ">= 1", "15").notNull(),
      field("region_share_good_or_better", DoubleType, "Share of them good or better", "0–1", "0.53").notNull(),
      field("neighbours_graded", LongType, "Statistical neighbours with a grade in this area", "0–10", "10").notNull(),
      field("neighbours_share_good_or_better", DoubleType, "Share of them good or better; null with no graded neighbour", "0–1", "0.6"),
      field("england_graded", LongType, "Authorities in England with a grade in this area", ">= 1", "152").notNull(),
      field("england_share_good_or_better", DoubleType, "Share of them good or better", "0–1", "0.58").notNull());

  public static final Table AREA_SUMMARY = Table.of("area_summary", "mart",
      "Counts of latest grades per area and region, and for England, as at a date.",
      grain("one row per area and region, plus one per area for England (region_code E92000001)", "area",
          "region_code"),
      field("as_of", DateType, "The as-at date", "", "2024-03-31").notNull(),
      field("area", StringType, "Judgement area", AREAS, "overall_effectiveness").notNull().accepted(AREA),
      field("region_code", StringType, "ONS region code; E92000001 for England", "", "E12000003").notNull().accepted(REGION_CODE.or(Standing.ENGLAND_CODE)),
      field("region_name", StringType, "Region, or `England`", "", "Yorkshire and The Humber").notNull(),
      field("graded", LongType, "Authorities with a grade in this area", ">= 1", "15").notNull(),
      field("outstanding", LongType, "Latest grade outstanding", ">= 0", "2").notNull(),
      field("good", LongType, "Latest grade good", ">= 0", "6").notNull(),
      field("requires_improvement", LongType, "Latest grade requires improvement", ">= 0", "5").notNull(),
      field("inadequate", LongType, "Latest grade inadequate", ">= 0", "2").notNull(),
      field("adequate", LongType, "Latest grade adequate (pre-2013 scale)", ">= 0", "0").notNull(),
      field("good_or_better", LongType, "outstanding + good", ">= 0", "8").notNull(),
      field("share_good_or_better", DoubleType, "good_or_better / graded", "0–1", "0.53").notNull());

  public static final Table IMPROVEMENT_THEME_COUNTS = Table.of("improvement_theme_counts", "mart",
      "How often each theme of the improvement points is raised, by publication year, region, framework and the "
          + "overall grade of the inspection that raised it. The counts add up over any of these columns.",
      grain("one row per theme, year, region, framework and overall grade with a point", "theme", "year",
          "region_code", "framework", "overall_grade_label"),
      field("theme", StringType, "Theme code", "data/reference/improvement_themes.csv", "permanence").notNull().accepted(THEME),
      field("theme_label", StringType, "Theme wording", "", "Permanence").notNull().accepted(THEME_LABEL),
      field("year", IntegerType, "Year the reports were published", "", "2019").notNull(),
      field("region_code", StringType, "ONS region code", "", "E12000003").notNull().accepted(REGION_CODE),
      field("region_name", StringType, "Region", "", "Yorkshire and The Humber").notNull().accepted(REGION_NAME),
      field("framework", StringType, "Inspection framework", "`sif`, `ilacs`", "ilacs").notNull().accepted(FRAMEWORK),
      field("overall_grade", IntegerType, "Overall effectiveness grade of the inspections; null when they gave none", GRADES, "3").accepted(GRADE),
      field("overall_grade_label", StringType, "Its wording, or `not graded`", GRADE_LABELS + ", `not graded`", "requires improvement").notNull().accepted(GRADE_LABEL.or(ImprovementThemes.NOT_GRADED)),
      field("points", LongType, "Points of this theme", ">= 1", "4").notNull(),
      field("inspections", LongType, "Inspections that raised the theme", ">= 1", "3").notNull(),
      field("inspections_with_points", LongType, "Inspections with any point in the same year, region, framework and grade", ">= 1", "5").notNull(),
      field("share_of_inspections", DoubleType, "inspections / inspections_with_points", "0–1", "0.6").notNull());

  public static final Table IMPROVEMENT_THEME_PERSISTENCE = Table.of("improvement_theme_persistence", "mart",
      "Each theme raised for an authority at an inspection, beside the authority's next inspection with improvement "
          + "points: whether that one raised the theme again, and whether the overall grade improved in between.",
      grain("one row per authority, theme and inspection that raised it, when a later inspection has points",
          "authority_id", "theme", "from_inspection_id"),
      field("authority_id", StringType, "Ofsted URN", "", "80478").notNull().references(AUTHORITIES),
      field("authority_name", StringType, "Authority name", "", "Kirklees").notNull(),
      field("region_name", StringType, "Region", "", "Yorkshire and The Humber").notNull().accepted(REGION_NAME),
      field("theme", StringType, "Theme code", "data/reference/improvement_themes.csv", "permanence").notNull().accepted(THEME),
      field("theme_label", StringType, "Theme wording", "", "Permanence").notNull().accepted(THEME_LABEL),
      field("points", LongType, "Points of this theme at the earlier inspection", ">= 1", "1").notNull(),
      field("from_inspection_id", StringType, "The inspection that raised the theme", "", "3f0c2a9d1b7e4c55").notNull().references(INSPECTIONS),
      field("from_published_on", DateType, "Its publication date", "", "2019-08-05").notNull(),
      field("from_framework", StringType, "Its framework", FRAMEWORKS, "ilacs").notNull().accepted(FRAMEWORK),
      field("from_overall_grade", IntegerType, "Its overall effectiveness grade; null when it gave none", GRADES, "3").accepted(GRADE),
      field("from_overall_grade_label", StringType, "Its wording", GRADE_LABELS, "requires improvement").accepted(GRADE_LABEL),
      field("to_inspection_id", StringType, "The authority's next inspection with improvement points", "", "a81e0b66c2d94f10").notNull().references(INSPECTIONS),
      field("to_published_on", DateType, "Its publication date", "", "2024-08-28").notNull(),
      field("to_framework", StringType, "Its framework", FRAMEWORKS, "ilacs").notNull().accepted(FRAMEWORK),
      field("to_overall_grade", IntegerType, "Its overall effectiveness grade; null when it gave none", GRADES, "2").accepted(GRADE),
      field("to_overall_grade_label", StringType, "Its wording", GRADE_LABELS, "good").accepted(GRADE_LABEL),
      field("raised_again", BooleanType, "The next inspection raised the theme too", "", "true").notNull(),
      field("overall_direction", StringType, "From the earlier overall grade to the later (lower is better); null when either is missing", "`improved`, `same`, `declined`, null", "improved"),
      field("overall_improved", BooleanType, "overall_direction is `improved`; null when either grade is missing", "", "true"));

  public static final Table RUN_MANIFEST = Table.of("run_manifest", "refresh",
      "What every `refresh` did: its inputs, the rows each source gave, the rows of each table it published and the "
          + "time of each stage. Written under the output directory beside `current`, one Parquet file per run, and as "
          + "`runs/<run_id>.json`.",
      grain("one row per run and item (an input file, a source file's unit, a published table, a stage, a failed check)", "run_id",
          "item_kind", "item"),
      field("run_id", StringType, "The run, named by its start time (UTC)", "`yyyyMMdd'T'HHmmss'Z'-xxxx`", "20261125T061500Z-3f0c").notNull(),
      field("outcome", StringType, "What the run did to `current`", "`published` (a new version), `unchanged` (nothing new: current kept), `rejected` (a data check failed on the new version: current kept)", "published"),
      field("version", StringType, "The run_id of the version `current` showed when this run ended", "", "20261125T061500Z-3f0c"),
      field("started_at", TimestampType, "When the run started (UTC)", "", "2026-11-25 06:15:00"),
      field("ended_at", TimestampType, "When the run ended (UTC)", "", "2026-11-25 06:16:02"),
      field("as_of", DateType, "The run's --as-of", "", "2026-11-25"),
      field("published_by", DateType, "The run's --published-by", "", "2026-12-31"),
      field("project_version", StringType, "Version of the application that ran", "", "0.1.0"),
      field("spark_version", StringType, "Spark version that ran", "", "4.2.0"),
      field("item_kind", StringType, "What the row describes", "`input`, `source`, `table`, `stage`, `reports`, `failed_check`", "input").notNull(),
      field("item", StringType, "The input file (relative to --input), source file and unit, table, stage, `parsed`/`reused` for reports, or the table and check that failed", "", "reports/80478_kirklees/children's services inspection - 05 august 2019.pdf").notNull(),
      field("bytes", LongType, "input: file size", ">= 0, null for other kinds", "1043311"),
      field("sha256", StringType, "input: SHA-256 of the file's content", "64 hex digits, null for other kinds", "9f86d0…"),
      field("rows_read", LongType, "source: units read", ">= 0", "496"),
      field("rows_loaded", LongType, "source: units loaded", ">= 0", "494"),
      field("rows_quarantined", LongType, "source: units quarantined (read = loaded + quarantined)", ">= 0", "2"),
      field("rows", LongType, "table: rows published; reports: files parsed in this run or reused from earlier runs; failed_check: rows failing it", ">= 0", "2205"),
      field("seconds", DoubleType, "stage: wall time", ">= 0", "12.4"));

  public static final List<Table> CANONICAL = List.of(
      AUTHORITIES, AUTHORITY_NEIGHBOURS, INSPECTIONS, JUDGEMENTS, IMPROVEMENT_POINTS, QUARANTINE, SOURCE_CONFLICTS,
      INGEST_COUNTS);
  public static final List<Table> MARTS = List.of(
      GRADE_TRANSITIONS, TRANSITION_MATRIX, IMPROVEMENT_EPISODES, IMPROVEMENT_SURVIVAL, IMPROVEMENT_SUMMARY,
      STANDING, AREA_SUMMARY, IMPROVEMENT_THEME_COUNTS, IMPROVEMENT_THEME_PERSISTENCE);

  public static List<Table> all() {
    return java.util.stream.Stream.concat(CANONICAL.stream(), MARTS.stream()).toList();
  }
}
