package ofstedcsc.cli;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one command-line parser: a command reads the options it knows by name, and whatever is left when it has read
 * them all is a usage error. Every problem is an {@link IllegalArgumentException} whose message the user sees.
 */
public final class Arguments {
  private final String verb;
  private final List<String> rest;

  public Arguments(String verb, List<String> args) {
    this.verb = verb;
    this.rest = new ArrayList<>(args);
  }

  public String verb() {
    return verb;
  }

  public boolean flag(String name) {
    return rest.removeIf(name::equals);
  }

  /** The option's value, the last one given if it is repeated, or fallback when it is absent. */
  public String text(String name, String fallback) {
    String value = fallback;
    for (int i = rest.indexOf(name); i >= 0; i = rest.indexOf(name)) {
      rest.remove(i);
      if (i >= rest.size() || rest.get(i).startsWith("--")) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      value = rest.remove(i);
    }
    return value;
  }

  public String required(String name, String what) {
    String value = text(name, null);
    if (value == null) {
      throw new IllegalArgumentException(verb + " needs " + name + " " + what);
    }
    return value;
  }

  public LocalDate date(String name, LocalDate fallback) {
    String text = text(name, null);
    if (text == null) return fallback;
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " wants a date as YYYY-MM-DD, not '" + text + "'");
    }
  }

  /** A whole number of at least {@code least}. */
  public long number(String name, long fallback, long least) {
    String text = text(name, null);
    if (text == null) return fallback;
    try {
      long n = Long.parseLong(text);
      if (n >= least) return n;
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(name + " wants a whole number" + (least == Long.MIN_VALUE ? ""
        : " of at least " + least) + ", not '" + text + "'");
  }

  /** A whole number of at least 1 that fits an int. */
  public int count(String name, int fallback) {
    long n = number(name, fallback, 1);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " wants a whole number of at most " + Integer.MAX_VALUE + ", not " + n);
    }
    return (int) n;
  }

  public String choice(String name, String fallback, List<String> allowed) {
    String value = text(name, fallback);
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(name + " wants " + String.join(" or ", allowed) + ", not '" + value + "'");
    }
    return value;
  }

  public String url(String name, String fallback) {
    String text = text(name, fallback);
    try {
      if (List.of("http", "https").contains(String.valueOf(URI.create(text).getScheme()).toLowerCase())) {
        return text;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(name + " wants an http(s) URL, not '" + text + "'");
  }

  /** Called once the command has read its options: anything left was not one of them. */
  void finish() {
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException("unknown argument for " + verb + ": " + rest.get(0));
    }
  }
}
