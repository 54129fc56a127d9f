package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import com.scopebot.records.AnswerStore;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.ScopeMetrics;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers while the answer store cannot write or is gone: given at once, without an id, and counted. */
class StoreFaultsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORD_WAIT_MS = 300;
  /** Room for a loaded 2-core machine on top of the record wait. */
  private static final int MARGIN_MS = 1_500;
  private static final String[] QUESTIONS = {"Who configures DNS?", "Is AD FS covered for multiple forests?",
      "Who is responsible for SSL certificates?", "Is Exchange migration in scope?"};

  @TempDir Path data;
  private AnswerStore store;
  private ScopeMetrics metrics;
  private ScopeServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    Config config = Config.fromEnv(Map.of("SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0",
        "SCOPEBOT_DATA_DIR", data.toString(), "SCOPEBOT_RECORD_WAIT_MS", Integer.toString(RECORD_WAIT_MS),
        "SCOPEBOT_DB_TIMEOUT_MS", "1000"));
    store = AnswerStore.open(ScopeServer.storeSettings(config));
    metrics = new ScopeMetrics();
    server = ScopeServer.create(config, LiveIndex.of(Fixtures.fixture()), store, metrics).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private record Asked(int status, JsonNode body, long millis) {}

  private Asked ask(String question) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/ask"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question)))).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Asked(r.statusCode(), JSON.readTree(r.body()), (System.nanoTime() - t) / 1_000_000);
  }

  private List<Asked> askMany(int n, int connections, Runnable afterEach) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<Asked>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String q = QUESTIONS[i % QUESTIONS.length];
      futures.add(pool.submit(() -> {
        Asked a = ask(q);
        afterEach.run();
        return a;
      }));
    }
    List<Asked> out = new ArrayList<>();
    for (Future<Asked> f : futures) {
      out.add(f.get());
    }
    pool.shutdown();
    return out;
  }

  private double unrecordedMetric() {
    String line = metrics.scrape().lines().filter(l -> l.startsWith("scopebot_records_failures_total{what=\"answer\"}"))
        .findFirst().orElseThrow();
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void whileTheDatabaseIsLockedAnswersComeAtOnceWithoutIdsAndAreCounted() throws Exception {
    assertTrue(ask("Who configures DNS?").body().has("id"), "recorded while the store is well");
    try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answers.db"));
        Statement s = lock.createStatement()) {
      s.execute("BEGIN EXCLUSIVE"); // another process holds the write lock: no commit can happen
      List<Asked> answers = askMany(96, 8, () -> { });
      s.execute("ROLLBACK");
      long slowest = answers.stream().mapToLong(Asked::millis).max().orElseThrow();
      assertTrue(slowest < RECORD_WAIT_MS + MARGIN_MS, "slowest answer " + slowest + " ms; record wait "
          + RECORD_WAIT_MS + " ms");
      for (Asked a : answers) {
        assertEquals(200, a.status());
        assertFalse(a.body().has("id"), a.body().toString());
        assertFalse(a.body().get("recorded").asBoolean());
        assertEquals(AnswerService.NOT_RECORDED, a.body().get("recordNote").asText());
        assertTrue(a.body().has("verdict"), "still the whole answer");
      }
      assertEquals(96.0, unrecordedMetric(), "every one of the 96 unrecorded answers is counted");
    }
  }

  @Test
  void everyIdHandedOutResolvesWhenTheStoreComesBackMidStream() throws Exception {
    List<Asked> answers;
    try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answers.db"));
        Statement s = lock.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      AtomicInteger done = new AtomicInteger();
      answers = askMany(400, 8, () -> {
        if (done.incrementAndGet() == 100) {
          try {
            s.execute("ROLLBACK"); // the lock goes away while answers are still being asked
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      });
    }
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    int unrecorded = 0;
    for (Asked a : answers) {
      if (a.body().has("id")) {
        ids.add(a.body().get("id").asText());
        assertTrue(a.body().get("recorded").asBoolean());
      } else {
        unrecorded++;
      }
    }
    for (String id : ids) {
      assertEquals(200, get("/api/answers/" + id).statusCode(), "id " + id + " was handed out");
    }
    assertEquals(unrecorded, (int) unrecordedMetric(), "counted: every unrecorded answer and nothing else");
    assertTrue(unrecorded >= 90, "at least the first 100 less those in flight went unrecorded: " + unrecorded);
    long start = System.nanoTime();
    while (!store.isUp() && System.nanoTime() - start < 5_000_000_000L) {
      Thread.sleep(20); // the background check sees the store back within a second
    }
    for (int i = 0; i < 20; i++) {
      Asked a = ask("Who configures DNS?");
      assertTrue(a.body().has("id"), "recorded again once the lock is gone: " + a.body());
      assertEquals(200, get("/api/answers/" + a.body().get("id").asText()).statusCode());
    }
  }

  @Test
  void readinessSaysTheStoreIsDownWhileHealthAndAnswersGoOn() throws Exception {
    assertEquals(200, get("/readyz").statusCode());
    store.close(); // the database is gone
    long start = System.nanoTime();
    HttpResponse<String> ready = get("/readyz");
    while (ready.statusCode() == 200 && System.nanoTime() - start < 5_000_000_000L) {
      Thread.sleep(50);
      ready = get("/readyz");
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(503, ready.statusCode(), "still ready " + ms + " ms after the store went away");
    assertTrue(ms < 2_500, "noticed after " + ms + " ms (checked every second)");
    assertEquals("the answer store is unreachable: answers are given without records",
        JSON.readTree(ready.body()).get("reason").asText());
    // what the load balancer asks: still ready to answer, and the store reported down
    HttpResponse<String> answering = get("/readyz?require=index");
    assertEquals(200, answering.statusCode(), answering.body());
    assertEquals("down", JSON.readTree(answering.body()).get("store").asText());

    long t = System.nanoTime();
    HttpResponse<String> health = get("/healthz");
    long healthMs = (System.nanoTime() - t) / 1_000_000;
    assertEquals(200, health.statusCode());
    assertTrue(healthMs < 500, "/healthz took " + healthMs + " ms");
    Asked a = ask("Who configures DNS?");
    assertEquals(200, a.status());
    assertFalse(a.body().get("recorded").asBoolean());
    assertTrue(a.millis() < RECORD_WAIT_MS + MARGIN_MS, "answered in " + a.millis() + " ms");
  }
}
