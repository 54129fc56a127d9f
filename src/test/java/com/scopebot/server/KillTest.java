package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.records.AskLoad;
import com.scopebot.records.PostgresCluster;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} right after answers loses no record whose id was handed out, in SQLite or PostgreSQL. */
class KillTest {

  private static final int RUNS = 5;
  private static final int ANSWERS = 2_000;
  private static final int CONNECTIONS = 16;
  private static final String[] QUESTIONS = {"Who configures DNS?", "Is AD FS covered for multiple forests?",
      "Who is responsible for SSL certificates?", "Is Exchange migration in scope?", "hello",
      "Is hybrid Entra ID join part of the onboarding?", "Who installs Entra Connect?", "Are VPN settings covered?"};

  @TempDir Path tmp;

  /** What one run found: how many handed-out ids have no record after the kill, and the run's figures. */
  private record Run(int missing, String figures) {}

  @Test
  void noIdHandedOutIsMissingAfterAKillRightAfterTwoThousandAnswers() throws Exception {
    int missing = 0;
    List<String> figures = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Path data = Files.createDirectories(tmp.resolve("run" + run));
      Run r = killAfterAnswers(data, run, Map.of(), "jdbc:sqlite:" + data.resolve("answers.db"));
      missing += r.missing();
      figures.add(r.figures());
    }
    System.out.println("kill -9 runs: " + figures);
    assertEquals(0, missing, "ids handed out but missing after kill -9, per run: " + figures);
  }

  /** The same with the records in PostgreSQL, as replicas keep them: once, since a run costs a JVM start. */
  @Test
  void noIdHandedOutIsMissingAfterAKillWithTheRecordsInPostgres() throws Exception {
    PostgresCluster pg = PostgresCluster.shared();
    String url = pg.jdbcUrl(pg.createDatabase());
    Path data = Files.createDirectories(tmp.resolve("postgres"));
    Run r = killAfterAnswers(data, 0, Map.of("SCOPEBOT_JDBC_URL", url, "SCOPEBOT_USER_SALT", "test-salt"), url);
    System.out.println("kill -9 with PostgreSQL: " + r.figures());
    assertEquals(0, r.missing(), "ids handed out but missing after kill -9: " + r.figures());
  }

  /** Starts serve, asks {@link #ANSWERS} questions, kills it with SIGKILL right after the last answer. */
  private Run killAfterAnswers(Path data, int run, Map<String, String> store, String storedAt) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    int port = freePort();
    Process serve = start(data, port, run, store);
    try {
      URI base = URI.create("http://127.0.0.1:" + port + "/");
      long t0 = System.nanoTime();
      awaitReady(client, base, serve);
      long t1 = System.nanoTime();
      List<String> ids = askAll(base);
      long t2 = System.nanoTime();
      serve.destroyForcibly(); // SIGKILL, right after the last answer
      assertTrue(serve.waitFor(10, TimeUnit.SECONDS));
      int lost = (int) AskLoad.missing(storedAt, ids);
      // the answers were recorded, not merely given without ids
      assertTrue(ids.size() >= ANSWERS * 95 / 100, "run " + run + ": only " + ids.size() + " of " + ANSWERS
          + " answers had an id");
      return new Run(lost, ids.size() + " ids, " + lost + " missing (ready in " + (t1 - t0) / 1_000_000
          + " ms, answered in " + (t2 - t1) / 1_000_000 + " ms)");
    } finally {
      serve.destroyForcibly();
    }
  }

  private Process start(Path data, int port, int run, Map<String, String> store) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a quick start matters more here than peak speed: 5 starts in one test
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "com.scopebot.cli.Main", "serve")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("serve" + run + ".log").toFile());
    pb.environment().put("SCOPEBOT_PORT", Integer.toString(port));
    pb.environment().put("SCOPEBOT_HOST", "127.0.0.1");
    pb.environment().put("SCOPEBOT_DATA_DIR", data.toString());
    pb.environment().put("SCOPEBOT_CORPUS", Fixtures.fixtureCorpus().toString());
    pb.environment().remove("SCOPEBOT_JDBC_URL");
    pb.environment().putAll(store);
    return pb.start();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void awaitReady(HttpClient client, URI base, Process serve) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(serve.isAlive(), "serve exited with " + (serve.isAlive() ? "" : serve.exitValue()));
      try {
        if (client.send(HttpRequest.newBuilder(base.resolve("/readyz")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve was not ready within 60 s");
  }

  /** Asks {@link #ANSWERS} questions over {@link #CONNECTIONS} connections; the ids handed out. */
  private static List<String> askAll(URI base) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    List<Future<List<String>>> parts = new ArrayList<>();
    for (int c = 0; c < CONNECTIONS; c++) {
      int first = c;
      parts.add(pool.submit(() -> {
        List<AskLoad.Asked> asked = new ArrayList<>();
        for (int i = first; i < ANSWERS; i += CONNECTIONS) {
          asked.add(AskLoad.ask(base, QUESTIONS[i % QUESTIONS.length]));
        }
        return AskLoad.ids(asked);
      }));
    }
    List<String> all = new ArrayList<>();
    for (Future<List<String>> p : parts) {
      all.addAll(p.get());
    }
    pool.shutdown();
    return all;
  }
}
