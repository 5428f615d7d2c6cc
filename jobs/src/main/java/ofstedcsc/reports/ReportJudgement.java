package ofstedcsc.reports;

import java.io.Serializable;
import ofstedcsc.reference.Grades;

/**
 * One judgement as a report prints it. {@code area} is null when the wording matches no row of
 * judgement_areas.csv for the report's framework; {@code grade} is what {@link Grades} makes of the grade
 * text, null when the text matches no row of grade_values.csv.
 */
public record ReportJudgement(String wording, String area, String gradeText, Grades.Grade grade)
    implements Serializable {}
