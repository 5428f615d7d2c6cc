-- The marts of ofstedcsc.aggregate written as DuckDB SQL, for the benchmark: the same rules, statement by statement
-- (see AggregateJob, GradeTransitions, ImprovementEpisodes and Standing). ${input}, ${output}, ${as_of} and
-- ${published_by} are replaced before the statements run; statements end with a semicolon at the end of a line.

CREATE VIEW authorities AS SELECT * FROM read_parquet('${input}/authorities/*.parquet');
CREATE VIEW authority_neighbours AS SELECT * FROM read_parquet('${input}/authority_neighbours/*.parquet');
CREATE VIEW inspections AS SELECT * FROM read_parquet('${input}/inspections/*.parquet');
CREATE VIEW judgements AS SELECT * FROM read_parquet('${input}/judgements/*.parquet');

-- Transitions: each graded judgement with the previous one of the authority in the area (a window, no self-join).
CREATE TEMP TABLE grade_transitions AS
WITH paired AS (
  SELECT *,
    lag(inspection_id) OVER history AS from_inspection_id,
    lag(framework) OVER history AS from_framework,
    lag(grade) OVER history AS from_grade,
    lag(grade_label) OVER history AS from_grade_label,
    lag(published_on) OVER history AS from_published_on
  FROM judgements
  WHERE grade IS NOT NULL
  WINDOW history AS (PARTITION BY authority_id, area ORDER BY published_on, inspection_id))
SELECT p.authority_id, a.name AS authority_name, a.region_name, p.area,
  from_inspection_id, inspection_id AS to_inspection_id, from_framework, framework AS to_framework,
  from_framework || '→' || framework AS framework_pair,
  from_grade, from_grade_label, grade AS to_grade, grade_label AS to_grade_label,
  from_published_on, published_on AS to_published_on,
  CAST(date_diff('day', from_published_on, published_on) AS INTEGER) AS days_between,
  CASE WHEN grade < from_grade THEN 'improved' WHEN grade = from_grade THEN 'same' ELSE 'declined' END AS direction
FROM paired p JOIN authorities a ON a.authority_id = p.authority_id
WHERE from_inspection_id IS NOT NULL;

CREATE TEMP TABLE transition_matrix AS
SELECT area, framework_pair, from_grade, from_grade_label, to_grade, to_grade_label,
  count(*) AS transitions,
  CAST(sum(count(*)) OVER (PARTITION BY area, framework_pair, from_grade) AS BIGINT) AS from_grade_transitions,
  count(*) / sum(count(*)) OVER (PARTITION BY area, framework_pair, from_grade) AS share_of_from_grade
FROM grade_transitions
GROUP BY area, framework_pair, from_grade, from_grade_label, to_grade, to_grade_label;

-- Episodes: open at a grade below good (not the pre-2013 'adequate') unless already there or worse; end at the first
-- later judgement better than the opening grade; not improved: censored at the as-at date, or earlier at the last day
-- a framework judged the area (areas_no_longer_judged, filled by DuckDbMarts from data/reference/framework_areas.csv).
CREATE TEMP TABLE improvement_episodes AS
WITH seen AS (
  SELECT *, CASE WHEN grade >= 3 AND grade_label <> 'adequate' THEN grade ELSE 0 END AS below
  FROM judgements
  WHERE grade IS NOT NULL AND published_on <= DATE '${as_of}'),
later AS (
  SELECT *,
    coalesce(lag(below) OVER history, 0) AS previous_below,
    first_value(CASE WHEN grade < 3 THEN inspection_id END IGNORE NULLS) OVER after AS better3_id,
    first_value(CASE WHEN grade < 3 THEN published_on END IGNORE NULLS) OVER after AS better3_on,
    first_value(CASE WHEN grade < 3 THEN grade END IGNORE NULLS) OVER after AS better3_grade,
    first_value(CASE WHEN grade < 3 THEN grade_label END IGNORE NULLS) OVER after AS better3_label,
    first_value(CASE WHEN grade < 4 THEN inspection_id END IGNORE NULLS) OVER after AS better4_id,
    first_value(CASE WHEN grade < 4 THEN published_on END IGNORE NULLS) OVER after AS better4_on,
    first_value(CASE WHEN grade < 4 THEN grade END IGNORE NULLS) OVER after AS better4_grade,
    first_value(CASE WHEN grade < 4 THEN grade_label END IGNORE NULLS) OVER after AS better4_label,
    first_value(CASE WHEN grade <= 2 THEN published_on END IGNORE NULLS) OVER after AS good_on
  FROM seen
  WINDOW history AS (PARTITION BY authority_id, area ORDER BY published_on, inspection_id),
    after AS (PARTITION BY authority_id, area ORDER BY published_on, inspection_id
      ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)),
episodes AS (
  SELECT authority_id, l.area, inspection_id AS start_inspection_id, framework AS start_framework,
    grade AS start_grade, grade_label AS start_grade_label, published_on AS started_on,
    CASE WHEN grade = 3 THEN better3_id ELSE better4_id END AS improved_inspection_id,
    CASE WHEN grade = 3 THEN better3_on ELSE better4_on END AS improved_on,
    CASE WHEN grade = 3 THEN better3_grade ELSE better4_grade END AS improved_to_grade,
    CASE WHEN grade = 3 THEN better3_label ELSE better4_label END AS improved_to_grade_label,
    good_on,
    greatest(published_on, least(DATE '${as_of}', coalesce(n.judged_until, DATE '${as_of}'))) AS observed_to
  FROM later l LEFT JOIN areas_no_longer_judged n ON n.area = l.area
  WHERE below > 0 AND previous_below < below)
SELECT e.authority_id, a.name AS authority_name, a.region_name, e.area, start_inspection_id, start_framework,
  start_grade, start_grade_label, started_on, improved_inspection_id, improved_on, improved_to_grade,
  improved_to_grade_label,
  CAST(date_diff('day', started_on, improved_on) AS INTEGER) AS days_to_improvement,
  good_on,
  CAST(date_diff('day', started_on, good_on) AS INTEGER) AS days_to_good,
  CASE WHEN improved_on IS NOT NULL THEN 'improved' WHEN observed_to < DATE '${as_of}' THEN 'no_longer_judged'
    ELSE 'open' END AS status,
  improved_on IS NULL AS censored,
  CASE WHEN improved_on IS NULL THEN observed_to END AS censored_on,
  CAST(coalesce(date_diff('day', started_on, improved_on), date_diff('day', started_on, observed_to))
    AS INTEGER) AS days_at_risk,
  DATE '${as_of}' AS as_of
FROM episodes e JOIN authorities a ON a.authority_id = e.authority_id;

-- Kaplan–Meier: the product of (1 - events / at risk) up to each day, as exp of a sum of logs; a factor of 0 ends
-- the curve at 0.
CREATE TEMP TABLE improvement_survival AS
WITH days AS (
  SELECT area, start_grade, start_grade_label, days_at_risk AS days, as_of,
    count(*) AS episodes,
    count(*) FILTER (WHERE NOT censored) AS events,
    count(*) FILTER (WHERE censored) AS censored
  FROM improvement_episodes
  GROUP BY area, start_grade, start_grade_label, days_at_risk, as_of),
risk AS (
  SELECT *, CAST(sum(episodes) OVER (PARTITION BY area, start_grade ORDER BY days DESC
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS at_risk
  FROM days),
factors AS (SELECT *, 1.0::DOUBLE - events / at_risk AS factor FROM risk)
SELECT area, start_grade, start_grade_label, days, at_risk, events, censored,
  CASE WHEN bool_or(factor = 0) OVER so_far THEN 0.0::DOUBLE
    ELSE round(exp(sum(ln(CASE WHEN factor > 0 THEN factor END)) OVER so_far), 12) END AS survival,
  as_of
FROM factors
WINDOW so_far AS (PARTITION BY area, start_grade ORDER BY days ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);

CREATE TEMP TABLE improvement_summary AS
WITH medians AS (
  SELECT area, start_grade, min(days) AS median_days_to_improvement
  FROM improvement_survival WHERE survival <= 0.5 GROUP BY area, start_grade)
SELECT s.area, s.start_grade, s.start_grade_label, s.episodes, s.events, s.censored,
  m.median_days_to_improvement, s.as_of
FROM (
  SELECT area, start_grade, start_grade_label, as_of, count(*) AS episodes,
    count(*) FILTER (WHERE NOT censored) AS events, count(*) FILTER (WHERE censored) AS censored
  FROM improvement_episodes GROUP BY area, start_grade, start_grade_label, as_of) s
LEFT JOIN medians m ON m.area = s.area AND m.start_grade = s.start_grade;

-- Standing as at a date: the latest counted graded judgement per authority and area, beside its region, its
-- statistical neighbours and England.
CREATE TEMP TABLE standing AS
WITH counted AS (
  SELECT *,
    lag(grade) OVER history AS previous_grade,
    lag(grade_label) OVER history AS previous_grade_label,
    row_number() OVER (PARTITION BY authority_id, area ORDER BY published_on DESC, inspection_id DESC) AS newest
  FROM judgements JOIN (SELECT inspection_id, fieldwork_end FROM inspections) USING (inspection_id)
  WHERE grade IS NOT NULL AND published_on <= DATE '${published_by}'
    AND coalesce(fieldwork_end <= DATE '${as_of}', published_on <= DATE '${as_of}')
  WINDOW history AS (PARTITION BY authority_id, area ORDER BY published_on, inspection_id)),
latest AS (
  SELECT c.*, grade <= 2 AS good_or_better, a.name AS authority_name, a.ons_code, a.region_code, a.region_name
  FROM counted c JOIN authorities a ON a.authority_id = c.authority_id
  WHERE newest = 1),
neighbour_shares AS (
  SELECT n.authority_id, l.area, count(*) AS neighbours_graded,
    avg(CAST(l.good_or_better AS DOUBLE)) AS neighbours_share_good_or_better
  FROM authority_neighbours n JOIN latest l ON l.authority_id = n.neighbour_id
  GROUP BY n.authority_id, l.area)
SELECT DATE '${as_of}' AS as_of, DATE '${published_by}' AS published_by, l.authority_id, authority_name, ons_code,
  region_code, region_name, l.area, inspection_id, framework, published_on, grade, grade_label, previous_grade,
  previous_grade_label,
  CASE WHEN previous_grade IS NULL THEN 'first' WHEN grade < previous_grade THEN 'improved'
    WHEN grade = previous_grade THEN 'same' ELSE 'declined' END AS change,
  CAST(date_diff('day', published_on, DATE '${as_of}') AS INTEGER) AS days_since_published,
  good_or_better,
  count(*) OVER region AS region_graded,
  avg(CAST(good_or_better AS DOUBLE)) OVER region AS region_share_good_or_better,
  coalesce(neighbours_graded, 0) AS neighbours_graded,
  neighbours_share_good_or_better,
  count(*) OVER england AS england_graded,
  avg(CAST(good_or_better AS DOUBLE)) OVER england AS england_share_good_or_better
FROM latest l LEFT JOIN neighbour_shares s ON s.authority_id = l.authority_id AND s.area = l.area
WINDOW region AS (PARTITION BY l.area, region_code), england AS (PARTITION BY l.area);

CREATE TEMP TABLE area_summary AS
WITH counts AS (
  SELECT as_of, area, region_code, region_name, count(*) AS graded,
    count(*) FILTER (WHERE grade_label = 'outstanding') AS outstanding,
    count(*) FILTER (WHERE grade_label = 'good') AS good,
    count(*) FILTER (WHERE grade_label = 'requires improvement') AS requires_improvement,
    count(*) FILTER (WHERE grade_label = 'inadequate') AS inadequate,
    count(*) FILTER (WHERE grade_label = 'adequate') AS adequate,
    count(*) FILTER (WHERE good_or_better) AS good_or_better
  FROM standing GROUP BY as_of, area, region_code, region_name
  UNION ALL
  SELECT as_of, area, 'E92000001', 'England', count(*),
    count(*) FILTER (WHERE grade_label = 'outstanding'),
    count(*) FILTER (WHERE grade_label = 'good'),
    count(*) FILTER (WHERE grade_label = 'requires improvement'),
    count(*) FILTER (WHERE grade_label = 'inadequate'),
    count(*) FILTER (WHERE grade_label = 'adequate'),
    count(*) FILTER (WHERE good_or_better)
  FROM standing GROUP BY as_of, area)
SELECT *, good_or_better / graded AS share_good_or_better FROM counts;

COPY grade_transitions TO '${output}/grade_transitions.parquet' (FORMAT parquet);
COPY transition_matrix TO '${output}/transition_matrix.parquet' (FORMAT parquet);
COPY improvement_episodes TO '${output}/improvement_episodes.parquet' (FORMAT parquet);
COPY improvement_survival TO '${output}/improvement_survival.parquet' (FORMAT parquet);
COPY improvement_summary TO '${output}/improvement_summary.parquet' (FORMAT parquet);
COPY standing TO '${output}/standing.parquet' (FORMAT parquet);
COPY area_summary TO '${output}/area_summary.parquet' (FORMAT parquet);
