package ofstedcsc.reports;

import java.io.Serializable;

/**
 * One judgement as a report prints it. {@code area} is null when the wording matches no row of
 * judgement_areas.csv for the report's framework; {@code grade} and {@code gradeLabel} are null when
 * the grade wording matches no row of grade_values.csv.
 */
public record ReportJudgement(String wording, String area, String gradeText, Integer grade, String gradeLabel)
    implements Serializable {}
