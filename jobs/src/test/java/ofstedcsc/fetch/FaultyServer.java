package ofstedcsc.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 (a free port) whose answers a test scripts per path and per request: files, with or
 * without Range support, and faults (error statuses, slow headers, trickling or truncated bodies, HTML pages).
 */
final class FaultyServer implements AutoCloseable {

  /** One answer to the {@code n}th request (from 1) for a path. */
  interface Answer {
    void send(HttpExchange exchange, int n) throws IOException, InterruptedException;
  }

  /** A request as the server saw it. */
  record Request(String path, String range, long nanos) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "faulty-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FaultyServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Range"), System.nanoTime()));
      int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      try {
        answers.getOrDefault(path, status(404)).send(exchange, n);
      } catch (IOException | InterruptedException e) {
        // the client went away (a time-out): nothing to answer
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  FaultyServer answer(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  long count(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  // ---- answers ----

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  /** The file; a {@code Range: bytes=N-} request gets the rest of it with 206 when {@code ranges} is true. */
  static Answer file(byte[] bytes, boolean ranges) {
    return (x, n) -> {
      String range = x.getRequestHeaders().getFirst("Range");
      Matcher m = range == null ? null : RANGE.matcher(range);
      if (ranges && m != null && m.matches() && Integer.parseInt(m.group(1)) < bytes.length) {
        int from = Integer.parseInt(m.group(1));
        x.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        x.sendResponseHeaders(206, bytes.length - from);
        x.getResponseBody().write(bytes, from, bytes.length - from);
      } else {
        x.getResponseHeaders().set("Content-Type", "application/pdf");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
      }
    };
  }

  static Answer file(byte[] bytes) {
    return file(bytes, true);
  }

  static Answer status(int status) {
    return (x, n) -> x.sendResponseHeaders(status, -1);
  }

  /** A 200 whose Content-Length promises the whole file but whose connection closes after {@code sent} bytes. */
  static Answer truncated(byte[] bytes, int sent) {
    return (x, n) -> {
      x.sendResponseHeaders(200, bytes.length);
      OutputStream body = x.getResponseBody();
      body.write(bytes, 0, sent);
      body.flush(); // the exchange's close() then ends the connection short of the promised length
    };
  }

  /** A 200 page of HTML, as a site serves for a file it no longer has. */
  static Answer html() {
    byte[] page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Page not found</title></head>"
        + "<body><h1>Sorry, we cannot find that page</h1></body></html>\n").getBytes(StandardCharsets.UTF_8);
    return (x, n) -> {
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(200, page.length);
      x.getResponseBody().write(page);
    };
  }

  /** A 200 without Content-Length: the body goes chunked, its size known only at its end. */
  static Answer chunked(byte[] bytes) {
    return (x, n) -> {
      x.sendResponseHeaders(200, 0);
      x.getResponseBody().write(bytes);
    };
  }

  /** A redirect to {@code location}, as given (relative or absolute). */
  static Answer redirect(int status, String location) {
    return (x, n) -> {
      x.getResponseHeaders().set("Location", location);
      x.sendResponseHeaders(status, -1);
    };
  }

  /** Waits before answering at all. */
  static Answer slow(long millis, Answer then) {
    return (x, n) -> {
      Thread.sleep(millis);
      then.send(x, n);
    };
  }

  /** Headers at once, then the body a few bytes at a time, every {@code millis}. */
  static Answer trickle(byte[] bytes, long millis) {
    return (x, n) -> {
      x.sendResponseHeaders(200, bytes.length);
      OutputStream body = x.getResponseBody();
      for (int i = 0; i < bytes.length; i += 16) {
        body.write(bytes, i, Math.min(16, bytes.length - i));
        body.flush();
        Thread.sleep(millis);
      }
    };
  }

  /** The first {@code first.size()} requests get those answers in turn, later ones {@code then}. */
  static Answer inTurn(List<Answer> first, Answer then) {
    return (x, n) -> (n <= first.size() ? first.get(n - 1) : then).send(x, n);
  }
}
