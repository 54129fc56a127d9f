package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.records.AskLoad.Asked;
import com.scopebot.server.TestServer;
import com.scopebot.service.AnswerService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose answer records are in PostgreSQL, while PostgreSQL restarts or hangs: answers keep coming, an id is
 * handed out only for a record that is stored, and {@code /readyz} tells a load balancer when the store is down.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PostgresFaultsTest {

  private static final String QUESTION = "Who is responsible for SSL certificates at site";
  private static final int RECORD_WAIT_MS = 500;

  private final HttpClient probes = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final PostgresCluster pg = PostgresCluster.shared();

  @TempDir Path data;

  @AfterEach
  void wakeTheDatabase() {
    pg.resume(); // a failed assertion while paused must not leave the cluster frozen for the next test
  }

  private TestServer serverOn(String url) throws Exception {
    return TestServer.start(data, Map.of(
        "SCOPEBOT_JDBC_URL", url,
        "SCOPEBOT_USER_SALT", "test-salt",
        "SCOPEBOT_RECORD_WAIT_MS", String.valueOf(RECORD_WAIT_MS),
        "SCOPEBOT_DB_TIMEOUT_MS", "1000"));
  }

  @Test
  void answersKeepFlowingAndEveryHandedOutIdIsStoredWhenPostgresRestartsMidLoad() throws Exception {
    String url = pg.jdbcUrl(pg.createDatabase());
    try (TestServer server = serverOn(url)) {
      AskLoad load = AskLoad.start(server.server().uri(), 4, QUESTION);
      Thread.sleep(1500);
      long restartStart = System.nanoTime();
      pg.restart();
      long restartEnd = System.nanoTime();
      Thread.sleep(2500);
      List<Asked> answers = load.stop();

      List<Asked> during = answers.stream()
          .filter(a -> a.endNanos() >= restartStart && a.startNanos() <= restartEnd).toList();
      List<Asked> after = answers.stream().filter(a -> a.startNanos() > restartEnd).toList();
      long failedDuring = during.stream().filter(Asked::serverError).count();
      long failed = answers.stream().filter(Asked::serverError).count();
      String figures = answers.size() + " answers, " + during.size() + " during the "
          + TimeUnit.NANOSECONDS.toMillis(restartEnd - restartStart) + " ms restart (" + AskLoad.ids(during).size()
          + " recorded), " + after.size() + " after (" + AskLoad.ids(after).size() + " recorded)";
      assertTrue(during.size() > 0, "no answer came while PostgreSQL restarted: " + figures);
      assertEquals(0, failedDuring, failedDuring + " answers failed with 5xx during the restart; " + figures);
      assertEquals(0, failed, failed + " answers failed with 5xx; " + figures);

      List<String> idsAfter = AskLoad.ids(after);
      assertTrue(idsAfter.size() > 0, "no answer was recorded once PostgreSQL was back: " + figures);
      long missingAfter = AskLoad.missing(url, idsAfter);
      assertEquals(0, missingAfter, missingAfter + " of the " + idsAfter.size()
          + " ids handed out after the restart have no record; " + figures);
      List<String> allIds = AskLoad.ids(answers);
      long missing = AskLoad.missing(url, allIds);
      assertEquals(0, missing, missing + " of all " + allIds.size() + " ids handed out have no record; " + figures);
      System.out.println("restart mid-load: " + figures + "; 0 of " + allIds.size() + " ids missing");
    }
  }

  @Test
  void aHungDatabaseNeitherStallsAnswersNorHealthAndReadinessSaysTheStoreIsDown() throws Exception {
    String url = pg.jdbcUrl(pg.createDatabase());
    try (TestServer server = serverOn(url)) {
      URI base = server.server().uri();
      assertTrue(AskLoad.ask(base, QUESTION + " 0?").id() != null, "recorded while the database is up");
      for (int i = 0; i < 5; i++) {
        probe(base, "/healthz"); // warm the connection and the servlet up before timing them
      }

      pg.pause();
      try {
        long pausedAt = System.nanoTime();
        ExecutorService askers = Executors.newFixedThreadPool(2);
        List<Future<Asked>> asked = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
          String q = QUESTION + " " + i + "?";
          asked.add(askers.submit(() -> AskLoad.ask(base, q)));
        }
        Probes probes = probeFor(base, pausedAt, Duration.ofSeconds(5));
        List<Asked> answers = new ArrayList<>();
        for (Future<Asked> f : asked) {
          answers.add(f.get(20, TimeUnit.SECONDS));
        }
        askers.shutdown();

        assertTrue(probes.slowestHealthMillis() < 100, "the slowest of " + probes.count() + " /healthz probes while"
            + " the database hung took " + probes.slowestHealthMillis() + " ms");
        assertEquals(503, probes.readyStatus(), "/readyz while the database hung; said: " + probes.readyBody());
        long bound = RECORD_WAIT_MS + 1500;
        System.out.println("hung database: slowest /healthz of " + probes.count() + " " + probes.slowestHealthMillis()
            + " ms; answers took " + answers.stream().map(Asked::millis).toList() + " ms");
        for (Asked a : answers) {
          assertEquals(200, a.status(), "an answer while the database hung");
          assertTrue(a.millis() < bound, "an answer while the database hung took " + a.millis() + " ms, over "
              + RECORD_WAIT_MS + " ms record wait + 1500 ms margin");
          assertNull(a.id(), "an answer whose record could not be stored has no id");
          assertEquals(AnswerService.NOT_RECORDED, a.recordNote(), "and says so");
        }
      } finally {
        // woken before the server closes: its stop would otherwise wait on the hung connections
        pg.resume();
      }
      long resumedAt = System.nanoTime();
      Asked recorded = null;
      for (int i = 100; recorded == null && System.nanoTime() - resumedAt < TimeUnit.SECONDS.toNanos(20); i++) {
        Asked a = AskLoad.ask(base, QUESTION + " " + i + "?");
        recorded = a.id() != null ? a : null;
        Thread.sleep(recorded == null ? 50 : 0);
      }
      long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumedAt);
      assertTrue(recorded != null, "no answer recorded within 20 s of the database waking up");
      assertEquals(0, AskLoad.missing(url, List.of(recorded.id())), "the id handed out after waking up is stored");
      int readyAfter = 0;
      while (System.nanoTime() - resumedAt < TimeUnit.SECONDS.toNanos(20)
          && (readyAfter = probe(base, "/readyz").statusCode()) != 200) {
        Thread.sleep(100);
      }
      assertEquals(200, readyAfter, "/readyz within 20 s of the database waking up (records flowed again after "
          + recoveredMillis + " ms)");
      System.out.println("hung database: records again " + recoveredMillis + " ms after waking, /readyz 200 after "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumedAt) + " ms");
    }
  }

  @Test
  void startsAndAnswersWhilePostgresIsAwayAndRecordsOnceItIsBack() throws Exception {
    String url = pg.jdbcUrl(pg.createDatabase()); // a new database: the tables are made once it answers
    pg.pause();
    TestServer server;
    long startedIn;
    try {
      long start = System.nanoTime();
      server = serverOn(url);
      startedIn = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    } catch (Exception e) {
      pg.resume();
      throw e;
    }
    try (server) {
      URI base = server.server().uri();
      Asked away;
      HttpResponse<String> ready;
      try {
        away = AskLoad.ask(base, QUESTION + " while away?");
        ready = probe(base, "/readyz");
      } finally {
        pg.resume();
      }
      assertTrue(startedIn < 10_000, "started in " + startedIn + " ms with the database away");
      assertEquals(200, away.status(), "answered while the database was away");
      assertNull(away.id(), "no id for an answer that could not be recorded");
      assertEquals(503, ready.statusCode(), "/readyz while the database was away: " + ready.body());
      long resumedAt = System.nanoTime();
      Asked recorded = null;
      for (int i = 0; recorded == null && System.nanoTime() - resumedAt < TimeUnit.SECONDS.toNanos(20); i++) {
        Asked a = AskLoad.ask(base, QUESTION + " back " + i + "?");
        recorded = a.id() != null ? a : null;
        Thread.sleep(recorded == null ? 100 : 0);
      }
      long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumedAt);
      assertTrue(recorded != null, "no answer recorded within 20 s of the database coming back");
      assertEquals(0, AskLoad.missing(url, List.of(recorded.id())), "the id handed out once it was back is stored");
      System.out.println("started in " + startedIn + " ms with the database away; records " + recoveredMillis
          + " ms after it came back");
    }
  }

  /**
   * What health and readiness probes said over a while.
   *
   * @param readyStatus the last status other than 200 that {@code /readyz} gave, else 200
   */
  private record Probes(int count, long slowestHealthMillis, int readyStatus, String readyBody) {}

  /** Probes /healthz and /readyz every 100 ms until {@code length} after {@code since}. */
  private Probes probeFor(URI base, long since, Duration length) throws Exception {
    long slowestHealth = 0;
    int count = 0;
    int readyStatus = 200;
    String readyBody = "";
    while (System.nanoTime() - since < length.toNanos()) {
      long start = System.nanoTime();
      HttpResponse<String> health = probe(base, "/healthz");
      slowestHealth = Math.max(slowestHealth, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      assertEquals(200, health.statusCode(), "/healthz");
      count++;
      HttpResponse<String> ready = probe(base, "/readyz");
      if (ready.statusCode() != 200) {
        readyStatus = ready.statusCode();
        readyBody = ready.body();
      }
      Thread.sleep(100);
    }
    return new Probes(count, slowestHealth, readyStatus, readyBody);
  }

  private HttpResponse<String> probe(URI base, String path) throws Exception {
    return probes.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
