package com.scopebot.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Questions sent to a server's {@code /api/ask}, each answer noted with its status, its id (only a recorded answer
 * has one) and when it was asked and answered; as load from several threads, or one question at a time. Every request
 * is bounded (10 s), so a stuck server fails a test rather than hanging it. Thread-safe.
 */
public final class AskLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * One answer.
   *
   * @param status the HTTP status, or -1 when none came (timeout, connection refused)
   * @param id the answer id, or null when the answer was not recorded (or none came)
   * @param recordNote what the answer tells its reader when it was not recorded, else null
   */
  public record Asked(String question, int status, String id, String recordNote, long startNanos, long endNanos) {
    public boolean serverError() {
      return status >= 500 || status < 0;
    }

    public long millis() {
      return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
    }
  }

  private final ConcurrentLinkedQueue<Asked> answers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger recorded = new AtomicInteger();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final ExecutorService pool;

  private AskLoad(URI server, int threads, String prefix) {
    AtomicInteger next = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.execute(() -> {
        while (!stopping.get() && !Thread.currentThread().isInterrupted()) {
          Asked a = ask(server, prefix + " " + next.incrementAndGet() + "?");
          answers.add(a);
          if (a.id() != null) {
            recorded.incrementAndGet();
          }
        }
      });
    }
  }

  /** Starts asking new questions ({@code prefix} and a number) from several threads, until {@link #stop()}. */
  public static AskLoad start(URI server, int threads, String prefix) {
    return new AskLoad(server, threads, prefix);
  }

  /** How many answers so far were handed out with an id. */
  public int recorded() {
    return recorded.get();
  }

  /** Stops asking (a request in flight ends within its 10 s bound); every answer given. */
  public List<Asked> stop() throws InterruptedException {
    stopping.set(true);
    pool.shutdown();
    if (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
    return new ArrayList<>(answers);
  }

  /** Asks one question. */
  public static Asked ask(URI server, String question) {
    long start = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/ask")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("question", question).toString()))
        .build();
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      String id = null;
      String note = null;
      if (r.statusCode() == 200) {
        JsonNode answer = JSON.readTree(r.body());
        id = answer.path("id").isTextual() && !answer.path("id").asText().isEmpty() ? answer.get("id").asText() : null;
        note = answer.path("recordNote").isTextual() ? answer.get("recordNote").asText() : null;
      }
      return new Asked(question, r.statusCode(), id, note, start, System.nanoTime());
    } catch (IOException e) {
      return new Asked(question, -1, null, null, start, System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Asked(question, -1, null, null, start, System.nanoTime());
    }
  }

  /** The ids of the answers that were handed out (recorded, by the answer's word). */
  public static List<String> ids(Collection<Asked> answers) {
    return answers.stream().map(Asked::id).filter(id -> id != null).toList();
  }

  /** How many of the ids have no record in the database. */
  public static long missing(String jdbcUrl, Collection<String> ids) throws SQLException {
    Set<String> stored = new HashSet<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM answer_record")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    return ids.stream().filter(id -> !stored.contains(id)).count();
  }
}
