// Loaded by the first cell of every notebook (%load setup.jsh): the Spark session, where the tables are, chart helpers.
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.*;
import org.knowm.xchart.*;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.lines.SeriesLines;

// Spark bridges java.util.logging to its own logging; the kernel leaves JUL's fine levels on, and janino's FINER
// tracing then fails while formatting its own messages, which turns off code generation. Janino stays at INFO.
java.util.logging.Logger janinoLogger = java.util.logging.Logger.getLogger("org.codehaus.janino");
janinoLogger.setLevel(java.util.logging.Level.INFO);

// OFSTED_OUTPUT: the pipeline's --output (default: the repository's output/). A refresh publishes under current/.
Path output = Path.of(System.getenv().getOrDefault("OFSTED_OUTPUT", "../output")).toAbsolutePath().normalize();
Path tables = Files.isDirectory(output.resolve("current")) ? output.resolve("current") : output;
if (!Files.isDirectory(tables.resolve("standing"))) {
  throw new IllegalStateException("no marts under " + tables + ": run bin/ofsted run --output " + output
      + " (or notebooks/run-all), or set OFSTED_OUTPUT");
}

SparkSession spark = SparkSession.builder().master("local[*]").appName("ofsted notebooks")
    .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 4).getOrCreate();

Dataset<Row> table(String name) {
  return spark.read().parquet(tables.resolve(name).toString());
}

// The judgement areas in the order the reports give them, and how a chart names them.
List<String> AREAS = List.of("overall_effectiveness", "leadership", "help_and_protection", "children_in_care",
    "care_leavers", "adoption", "lscb");
Map<String, String> AREA_NAMES = Map.of("overall_effectiveness", "Overall effectiveness", "leadership", "Leadership",
    "help_and_protection", "Help and protection", "children_in_care", "Children in care", "care_leavers",
    "Care leavers", "adoption", "Adoption (SIF)", "lscb", "LSCB review (SIF)");

// Grade codes 1-4 with Ofsted's wording; "adequate" is grade 3 on the pre-2013 scale and is drawn with it.
List<String> GRADES = List.of("outstanding", "good", "requires improvement", "inadequate");
Color[] GRADE_COLOURS = {new Color(0x1a9850), new Color(0x91cf60), new Color(0xfdae61), new Color(0xd73027)};
Color NO_GRADE = new Color(0xe0e0e0);

Color gradeColour(int grade) {
  return GRADE_COLOURS[grade - 1];
}

<S extends Styler> S styled(S styler) {
  styler.setChartBackgroundColor(Color.WHITE);
  styler.setPlotBorderVisible(false);
  styler.setLegendBorderColor(Color.WHITE);
  styler.setChartTitleBoxVisible(false);
  styler.setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14));
  return styler;
}

BufferedImage image(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
  return BitmapEncoder.getBufferedImage(chart);
}

// Small multiples: images side by side, `columns` to a row (each row as tall as its tallest), shown as one PNG.
BufferedImage grid(int columns, List<BufferedImage> images) {
  int w = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
  int[] rowHeights = new int[(images.size() + columns - 1) / columns];
  for (int i = 0; i < images.size(); i++) {
    rowHeights[i / columns] = Math.max(rowHeights[i / columns], images.get(i).getHeight());
  }
  BufferedImage all = new BufferedImage(w * Math.min(columns, images.size()),
      Math.max(1, java.util.Arrays.stream(rowHeights).sum()), BufferedImage.TYPE_INT_RGB);
  java.awt.Graphics2D g = all.createGraphics();
  g.setColor(Color.WHITE);
  g.fillRect(0, 0, all.getWidth(), all.getHeight());
  for (int i = 0, y = 0; i < images.size(); i++) {
    if (i > 0 && i % columns == 0) y += rowHeights[i / columns - 1];
    g.drawImage(images.get(i), (i % columns) * w, y, null);
  }
  g.dispose();
  return all;
}

// JShell cannot overload across snippets, hence two names.
void showImage(BufferedImage image) {
  display("image/png", image);
}

void show(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
  showImage(image(chart));
}

// A small result (already aggregated by Spark) as an HTML table.
void showTable(Dataset<Row> result) {
  StringBuilder html = new StringBuilder("<table><tr>");
  for (String c : result.columns()) html.append("<th>").append(c).append("</th>");
  html.append("</tr>");
  for (Row r : result.collectAsList()) {
    html.append("<tr>");
    for (int i = 0; i < r.size(); i++) {
      Object v = r.get(i);
      String text = v == null ? "" : v instanceof Double d ? String.format("%.2f", d) : v.toString();
      html.append("<td>").append(text.replace("&", "&amp;").replace("<", "&lt;")).append("</td>");
    }
    html.append("</tr>");
  }
  display("text/html", html.append("</table>").toString());
}

List<String> GRADE_SHORT = List.of("O", "G", "RI", "I");
Map<String, String> AREA_SHORT = Map.of("overall_effectiveness", "Overall", "leadership", "Leaders",
    "help_and_protection", "Help", "children_in_care", "In care", "care_leavers", "Leavers", "adoption", "Adoption",
    "lscb", "LSCB");

// A heat map whose cells are grades 1-4: the grade's colour, its code written in the cell.
org.knowm.xchart.style.HeatMapStyler gradeCells(org.knowm.xchart.style.HeatMapStyler s) {
  styled(s);
  s.setRangeColors(GRADE_COLOURS);
  s.setMin(1);
  s.setMax(4);
  s.setShowValue(true);
  s.setLegendVisible(false);
  s.setPlotContentSize(1.0);
  return s;
}

// The pipeline's own Standing rule (docs/methodology.md) as at each date, from the canonical tables: inspections count
// when fieldwork ended by the date and the report was out by the end of the following month. `query` turns one date's
// standing into a small result; one Spark query per date keeps each plan small, and the rows are gathered here.
List<Row> asAtEach(List<LocalDate> dates, java.util.function.Function<Dataset<Row>, Dataset<Row>> query) {
  Dataset<Row> histories = ofstedcsc.aggregate.AggregateJob.histories(table("judgements"), table("authorities"))
      .cache();
  Dataset<Row> inspections = table("inspections").cache(), neighbours = table("authority_neighbours").cache();
  List<Row> rows = new ArrayList<>();
  for (LocalDate d : dates) {
    LocalDate publishedBy = java.time.YearMonth.from(d).plusMonths(1).atEndOfMonth();
    Dataset<Row> latest = ofstedcsc.aggregate.Standing.latest(histories, inspections, d, publishedBy);
    rows.addAll(query.apply(ofstedcsc.aggregate.Standing.standing(latest, neighbours)).collectAsList());
  }
  return rows;
}

// The as-at date of the marts.
LocalDate martsAsOf = table("standing").select(max("as_of")).first().getDate(0).toLocalDate();
