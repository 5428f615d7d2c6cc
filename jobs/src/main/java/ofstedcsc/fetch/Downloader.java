package ofstedcsc.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ofstedcsc.reports.ReportParser;

/**
 * Downloads one URL at a time to a file, politely and without leaving half a file behind.
 *
 * <p>The bytes go to a hidden partial file beside the target ({@code .NAME.part}: the ingest skips names starting
 * with '.'), which becomes the target by an atomic rename only once it is complete and passes its {@link Check}. A
 * failed attempt keeps the partial file so that the next attempt asks for the rest with a {@code Range} header
 * (appended on 206, started again on 200); when the last attempt fails the partial file is deleted. A process killed
 * mid-download leaves only the hidden partial file, which the next fetch resumes.
 *
 * <p>Attempts are retried with exponential back-off on server errors (5xx, 408, 429), time-outs and broken
 * connections, never on other client errors (404, 403, 410) or on a complete body that fails its check. Requests
 * start at least {@link Settings#interval()} apart, retries and redirects included.
 *
 * <p>A body larger than {@link Settings#maxBytes()} is abandoned (when its Content-Length says so, before it is read),
 * and a redirect is followed only to a location the caller allows: a site cannot make a fetch fill the disk or fetch
 * from wherever it points.
 */
public final class Downloader implements AutoCloseable {

  /**
   * @param connectTimeout to open a connection
   * @param attemptTimeout one attempt, headers and body, before it is abandoned (and retried)
   * @param attempts attempts per URL, the first included
   * @param backoff the wait before the second attempt; it doubles before each further one
   * @param interval the least time between the starts of two requests
   * @param maxBytes the largest body accepted
   */
  public record Settings(Duration connectTimeout, Duration attemptTimeout, int attempts, Duration backoff,
      Duration interval, long maxBytes) {

    /**
     * One request a second to a public site; 4 attempts over about 14 s of back-off; nothing larger than the parser
     * reads, since a larger file would only be quarantined.
     */
    public static Settings polite() {
      return new Settings(Duration.ofSeconds(15), Duration.ofSeconds(120), 4, Duration.ofSeconds(2),
          Duration.ofSeconds(1), ReportParser.MAX_BYTES);
    }
  }

  /** Checks a complete download: null if it is what was asked for, else why not. */
  public interface Check {
    String problem(Path file) throws IOException;
  }

  /** Where a download may be redirected to; its toString names those places, for the message when it may not. */
  public interface Redirects {
    boolean allowed(URI location);
  }

  /** A download that failed for good; no file was left behind. */
  public static final class Failed extends Exception {
    Failed(String reason) {
      super(reason);
    }
  }

  /** How one attempt ended: null reason when the body arrived whole. */
  private record Attempt(String problem, boolean retry, Duration retryAfter) {
    static final Attempt WHOLE = new Attempt(null, false, Duration.ZERO);

    static Attempt retry(String problem) {
      return new Attempt(problem, true, Duration.ZERO);
    }

    static Attempt fatal(String problem) {
      return new Attempt(problem, false, Duration.ZERO);
    }
  }

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  /** Redirects followed in one attempt: a longer chain is a loop or a trap, not a file that moved. */
  private static final int MAX_REDIRECTS = 5;
  /** The longest wait a server's Retry-After can ask for before it is capped. */
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
  static final String USER_AGENT = "ofsted-csc-fetch/1";

  private final Settings settings;
  private final HttpClient client;
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fetch-watchdog");
    t.setDaemon(true);
    return t;
  });
  private long nextRequest = System.nanoTime();

  public Downloader(Settings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        // Followed here, one hop at a time, so that each location is checked before it is asked for.
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Downloads {@code uri} to {@code target}, replacing it atomically, following redirects only where
   * {@code redirects} allows; throws {@link Failed} leaving no file.
   */
  public void download(URI uri, Path target, Redirects redirects, Check check) throws Failed, InterruptedException {
    Path part = partial(target);
    try {
      // A name the file system refuses (too long, say) fails here, before anything is asked of the server.
      Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
    } catch (IOException e) {
      throw new Failed("cannot write " + part.getFileName() + ": " + reason(e));
    }
    try {
      Attempt last = null;
      for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
        if (last != null) {
          Duration backoff = settings.backoff().multipliedBy(1L << (attempt - 2));
          Thread.sleep(max(backoff, last.retryAfter()).toMillis());
        }
        last = attempt(uri, part, redirects);
        if (last.problem() == null) {
          String problem = check.problem(part);
          if (problem != null) {
            throw new Failed(problem);
          }
          Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          return;
        }
        if (!last.retry()) {
          break;
        }
      }
      throw new Failed(last.problem() + (last.retry() ? " (" + settings.attempts() + " attempts)" : ""));
    } catch (IOException e) {
      throw new Failed("cannot write " + part.getFileName() + ": " + reason(e));
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The hidden file a download of {@code target} is written to until it is complete. */
  public static Path partial(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".part");
  }

  private Attempt attempt(URI uri, Path part, Redirects redirects) throws IOException, InterruptedException {
    long have = Files.exists(part) ? Files.size(part) : 0;
    long start = System.nanoTime();
    HttpResponse<InputStream> response;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .timeout(settings.attemptTimeout())
          .header("User-Agent", USER_AGENT);
      if (have > 0) {
        request.header("Range", "bytes=" + have + "-");
      }
      pace();
      HttpResponse<InputStream> answer;
      try {
        answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
        return Attempt.retry("no response within " + seconds(settings.attemptTimeout()));
      } catch (IOException e) {
        return Attempt.retry("connection failed: " + message(e));
      }
      if (!REDIRECTS.contains(answer.statusCode())) {
        response = answer;
        break;
      }
      answer.body().close();
      String location = answer.headers().firstValue("Location").orElse("");
      if (location.isEmpty()) {
        return Attempt.fatal("HTTP " + answer.statusCode() + " without a Location");
      }
      URI next;
      try {
        next = uri.resolve(location);
      } catch (IllegalArgumentException e) {
        return Attempt.fatal("HTTP " + answer.statusCode() + " to an unusable location '" + location + "'");
      }
      if (!redirects.allowed(next)) {
        return Attempt.fatal("redirected to " + next + ", outside " + redirects + ": not followed");
      }
      if (uri.getScheme().equalsIgnoreCase("https") && !next.getScheme().equalsIgnoreCase("https")) {
        return Attempt.fatal("redirected from https to " + next + ", which is not followed");
      }
      if (hop == MAX_REDIRECTS) {
        return Attempt.fatal("more than " + MAX_REDIRECTS + " redirects");
      }
      uri = next;
    }
    int status = response.statusCode();
    try (InputStream body = response.body()) {
      OptionalLong length = response.headers().firstValueAsLong("Content-Length");
      long expected;
      boolean append;
      if (status == 206 && have > 0) {
        Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
        if (!range.matches() || Long.parseLong(range.group(1)) != have) {
          Files.delete(part);
          return Attempt.retry("the server resumed at the wrong place");
        }
        append = true;
        expected = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
      } else if (status == 200) {
        append = false;
        have = 0;
        expected = length.orElse(-1);
      } else if (status == 416 && have > 0) {
        // What is already here cannot be resumed (the file changed, or it is longer than the file): start again.
        Files.delete(part);
        return Attempt.retry("HTTP 416 on resuming at byte " + have);
      } else if (status >= 500 || status == 408 || status == 429) {
        return new Attempt("HTTP " + status, true, retryAfter(response));
      } else {
        return Attempt.fatal("HTTP " + status);
      }
      if (expected > settings.maxBytes()) {
        return Attempt.fatal(expected + " bytes, over the " + bytes(settings.maxBytes()) + " a download may have");
      }
      Duration left = settings.attemptTimeout().minusNanos(System.nanoTime() - start);
      long size;
      try {
        size = copy(body, part, append, settings.maxBytes() - have, left);
      } catch (IOException e) {
        return Attempt.retry("broken off at byte " + Files.size(part) + (expected >= 0 ? " of " + expected : "")
            + ": " + message(e));
      }
      if (size < 0) {
        return Attempt.retry("not complete within " + seconds(settings.attemptTimeout()));
      }
      if (size > settings.maxBytes()) {
        return Attempt.fatal("over the " + bytes(settings.maxBytes()) + " a download may have");
      }
      if (expected >= 0 && size != expected) {
        return Attempt.retry("truncated: " + size + " of " + expected + " bytes");
      }
      return Attempt.WHOLE;
    } catch (IOException e) {
      return Attempt.retry("broken off: " + message(e));
    }
  }

  /**
   * Copies the body to the partial file within {@code left}; returns the file's size, or -1 when time ran out.
   * HttpClient's request time-out covers the response headers only, so a trickling body is cut off here. At most
   * one byte more than {@code room} is written: enough to tell that the body is too large without storing it.
   */
  private long copy(InputStream body, Path part, boolean append, long room, Duration left) throws IOException {
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> cutOff = watchdog.schedule(() -> {
      late.set(true);
      try {
        body.close();
      } catch (IOException e) {
        // the reader sees the stream end or fail, and 'late' says why
      }
    }, Math.max(left.toMillis(), 1), TimeUnit.MILLISECONDS);
    try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buffer = new byte[64 * 1024];
      long written = 0;
      int n;
      while (written <= room && (n = body.read(buffer, 0, (int) Math.min(buffer.length, room + 1 - written))) >= 0) {
        out.write(buffer, 0, n);
        written += n;
      }
    } catch (IOException e) {
      if (!late.get()) {
        throw e;
      }
    } finally {
      cutOff.cancel(false);
    }
    return late.get() ? -1 : Files.size(part);
  }

  /** Waits until the next request may start. */
  private void pace() throws InterruptedException {
    long wait = nextRequest - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    nextRequest = System.nanoTime() + settings.interval().toNanos();
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    try {
      long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("0").trim());
      return max(Duration.ZERO, Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds())));
    } catch (NumberFormatException e) {
      return Duration.ZERO; // an HTTP date: the back-off alone
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String bytes(long n) {
    return n % (1 << 20) == 0 ? (n >> 20) + " MiB" : n + " bytes";
  }

  /** A file system's own reason ("File name too long") without the long path it would repeat. */
  static String reason(IOException e) {
    return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : message(e);
  }

  private static String message(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
