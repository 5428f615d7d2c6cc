package ofstedcsc.synthetic;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ofstedcsc.reference.Eras;
import ofstedcsc.reference.ReferenceTable;

/**
 * One synthetic authority's inspections, as a random walk driven by the calibration: the first inspection falls
 * somewhere in the first interval, each later one an interval after the last (drawn after its overall grade), and in
 * each area the framework judges, the grade follows the previous grade in that area by the transition matrix. The
 * walk depends only on the seed and the authority's number, so any partitioning of the authorities gives the same
 * rows.
 */
public final class AuthorityHistory implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String OVERALL = "overall_effectiveness";

  record InspectionType(String type, double share, double fieldworkShare, Integer fieldworkDays,
      Integer publicationDays) implements Serializable {}

  record AreaRule(String area, double rowsPerInspection, double gradedShare, String notGradedReason)
      implements Serializable {}

  /** One generated judgement: grade null when not graded, with its reason. */
  public record Judgement(String area, Integer grade, String gradeLabel, String notGradedReason) {}

  public record Inspection(int number, String framework, String type, LocalDate fieldworkStart,
      LocalDate fieldworkEnd, LocalDate publishedOn, List<Judgement> judgements) {}

  private final List<Eras.Era> eras;
  private final List<String> areas = new ArrayList<>();
  /** Per area (index in {@link #areas}) and from-grade (0 = first), the cumulative chance of grades 1..4. */
  private final Map<String, double[][]> transitions = new LinkedHashMap<>();
  private final Map<Integer, int[]> intervals = new LinkedHashMap<>();
  private final Map<String, List<InspectionType>> types = new LinkedHashMap<>();
  private final Map<String, List<AreaRule>> rules = new LinkedHashMap<>();
  private final Map<String, String[]> labels = new LinkedHashMap<>();

  public AuthorityHistory(Map<String, ReferenceTable> calibration, List<Eras.Era> eras) {
    this.eras = List.copyOf(eras);
    for (Map<String, String> r : calibration.get("transitions").records()) {
      String area = r.get("area");
      if (!transitions.containsKey(area)) {
        areas.add(area);
        transitions.put(area, new double[5][5]);
      }
      transitions.get(area)[Integer.parseInt(r.get("from_grade"))][Integer.parseInt(r.get("to_grade"))] =
          Double.parseDouble(r.get("probability"));
    }
    for (double[][] fromGrades : transitions.values()) {
      for (double[] row : fromGrades) {
        for (int g = 1; g < row.length; g++) {
          row[g] += row[g - 1];
        }
      }
    }
    for (Map<String, String> r : calibration.get("intervals").records()) {
      int from = Integer.parseInt(r.get("from_grade"));
      int q = (int) Math.round(Double.parseDouble(r.get("quantile")) * (Calibration.QUANTILES.length - 1));
      intervals.computeIfAbsent(from, f -> new int[Calibration.QUANTILES.length])[q] = Integer.parseInt(r.get("days"));
    }
    if (!intervals.containsKey(0)) {
      throw new IllegalStateException("calibration intervals.csv has no row for from_grade 0 (any inspection)");
    }
    for (Map<String, String> r : calibration.get("inspections").records()) {
      types.computeIfAbsent(r.get("framework"), f -> new ArrayList<>()).add(new InspectionType(r.get("inspection_type"),
          Double.parseDouble(r.get("share")), Double.parseDouble(r.get("fieldwork_share")),
          number(r.get("fieldwork_days")), number(r.get("publication_days"))));
    }
    for (Map<String, String> r : calibration.get("areas").records()) {
      rules.computeIfAbsent(r.get("framework"), f -> new ArrayList<>()).add(new AreaRule(r.get("area"),
          Double.parseDouble(r.get("rows_per_inspection")), Double.parseDouble(r.get("graded_share")),
          r.get("not_graded_reason").isEmpty() ? "blank" : r.get("not_graded_reason")));
    }
    for (Map<String, String> r : calibration.get("grade_labels").records()) {
      labels.computeIfAbsent(r.get("framework"), f -> new String[5])[Integer.parseInt(r.get("grade"))] =
          r.get("grade_label");
    }
    for (Eras.Era era : eras) {
      if (!types.containsKey(era.framework()) || !rules.containsKey(era.framework())
          || !labels.containsKey(era.framework())) {
        throw new IllegalStateException("calibration has nothing for framework " + era.framework()
            + ": regenerate it with 'ofsted calibrate'");
      }
    }
  }

  private static Integer number(String text) {
    return text.isEmpty() ? null : Integer.valueOf(text);
  }

  /** The inspections of authority {@code authority} published on or after {@code start} and before {@code end}. */
  public List<Inspection> walk(long seed, long authority, LocalDate start, LocalDate end) {
    SplittableRandom random = new SplittableRandom(mix(seed ^ mix(authority + 0x632BE59BD9B4E019L)));
    int[] grade = new int[areas.size()];
    List<Inspection> inspections = new ArrayList<>();
    LocalDate published = start.plusDays((long) (random.nextDouble() * interval(0, random)));
    while (published.isBefore(end)) {
      String framework = Eras.frameworkOn(eras, published);
      InspectionType type = pick(types.get(framework), random);
      LocalDate fieldworkEnd = null;
      LocalDate fieldworkStart = null;
      if (type.publicationDays() != null && type.fieldworkDays() != null
          && random.nextDouble() < type.fieldworkShare()) {
        fieldworkEnd = published.minusDays(jitter(type.publicationDays(), random));
        fieldworkStart = fieldworkEnd.minusDays(jitter(type.fieldworkDays(), random));
      }
      List<Judgement> judgements = new ArrayList<>();
      int overall = 0;
      for (AreaRule rule : rules.get(framework)) {
        if (random.nextDouble() >= rule.rowsPerInspection()) {
          continue;
        }
        int area = areas.indexOf(rule.area());
        if (area < 0 || random.nextDouble() >= rule.gradedShare()) {
          judgements.add(new Judgement(rule.area(), null, null, rule.notGradedReason()));
          continue;
        }
        grade[area] = draw(transitions.get(rule.area())[grade[area]], random);
        judgements.add(new Judgement(rule.area(), grade[area], labels.get(framework)[grade[area]], null));
        if (rule.area().equals(OVERALL)) {
          overall = grade[area];
        }
      }
      inspections.add(new Inspection(inspections.size() + 1, framework, type.type(), fieldworkStart, fieldworkEnd,
          published, judgements));
      published = published.plusDays(Math.max(1, interval(overall, random)));
    }
    return inspections;
  }

  /** Days to the next inspection, interpolated between the calibration's quantiles. */
  private int interval(int afterGrade, SplittableRandom random) {
    int[] quantiles = intervals.getOrDefault(afterGrade, intervals.get(0));
    double position = random.nextDouble() * (quantiles.length - 1);
    int below = (int) position;
    int above = Math.min(below + 1, quantiles.length - 1);
    return (int) Math.round(quantiles[below] + (position - below) * (quantiles[above] - quantiles[below]));
  }

  private static int draw(double[] cumulative, SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    for (int g = 1; g < cumulative.length; g++) {
      if (u < cumulative[g]) {
        return g;
      }
    }
    return cumulative.length - 1;
  }

  private static InspectionType pick(List<InspectionType> types, SplittableRandom random) {
    double u = random.nextDouble() * types.stream().mapToDouble(InspectionType::share).sum();
    for (InspectionType t : types) {
      u -= t.share();
      if (u < 0) {
        return t;
      }
    }
    return types.get(types.size() - 1);
  }

  /** Between half and one and a half times the median. */
  private static long jitter(int median, SplittableRandom random) {
    return Math.round(median * (0.5 + random.nextDouble()));
  }

  /** Stafford's 64-bit mix (variant 13): neighbouring authority numbers get unrelated streams. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
