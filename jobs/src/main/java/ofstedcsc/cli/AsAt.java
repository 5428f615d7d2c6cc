package ofstedcsc.cli;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The date the marts are as at, and the last publication date counted as known then (run, aggregate, refresh). */
public record AsAt(LocalDate asOf, LocalDate publishedBy) {
  static final String HELP = String.join("\n",
      "  --as-of YYYY-MM-DD   date for standing and censoring (default today)",
      "  --published-by DATE  reports published after this are not counted as at --as-of",
      "                       (default: the last day of the month after --as-of)");

  static AsAt read(Arguments args) {
    LocalDate asOf = args.date("--as-of", LocalDate.now());
    LocalDate publishedBy = args.date("--published-by", defaultPublishedBy(asOf));
    if (publishedBy.isBefore(asOf)) {
      throw new IllegalArgumentException("--published-by " + publishedBy + " is before --as-of " + asOf);
    }
    return new AsAt(asOf, publishedBy);
  }

  /** Ofsted's official statistics' cut-off: the last day of the month after the as-at date (docs/methodology.md). */
  public static LocalDate defaultPublishedBy(LocalDate asOf) {
    return asOf.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
  }
}
