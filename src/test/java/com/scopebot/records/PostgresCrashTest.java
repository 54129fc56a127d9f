package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.records.AskLoad.Asked;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica killed with SIGKILL (the OOM killer, a node lost) while answering, with its records in PostgreSQL: every id
 * it handed out before it died has its record, since an id is handed out only once its record is committed.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class PostgresCrashTest {

  private static final int ANSWERS = 2_000;

  @TempDir Path data;

  @Test
  void everyIdHandedOutBeforeAKillNineIsStored() throws Exception {
    PostgresCluster pg = PostgresCluster.shared();
    String url = pg.jdbcUrl(pg.createDatabase());
    Path log = data.resolve("server.log");
    int port = freePort();
    Process server = serve(url, port, log);
    try {
      URI base = URI.create("http://127.0.0.1:" + port + "/");
      awaitReady(server, base, log);
      AskLoad load = AskLoad.start(base, 4, "Who is responsible for SSL certificates in crash site");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
      while (load.recorded() < ANSWERS && System.nanoTime() < deadline && server.isAlive()) {
        Thread.sleep(5);
      }
      // killed mid-load: requests are in flight and records wait to be committed
      server.destroyForcibly();
      assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server died of SIGKILL");
      List<Asked> answers = load.stop();

      List<String> ids = AskLoad.ids(answers);
      assertTrue(ids.size() >= ANSWERS, "only " + ids.size() + " answers recorded within 100 s; log: " + tail(log));
      long missing = AskLoad.missing(url, ids);
      assertEquals(0, missing, missing + " of the " + ids.size() + " ids handed out before the kill have no record");
      System.out.println("kill -9: " + answers.size() + " answers, " + ids.size() + " ids handed out, 0 missing");
    } finally {
      server.destroyForcibly();
    }
  }

  /** {@code scopebot serve} in a JVM of its own, on the test class path, with its records in the given database. */
  private Process serve(String url, int port, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder b = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "com.scopebot.cli.Main", "serve", "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--corpus", Fixtures.fixtureCorpus().toString());
    b.environment().put("SCOPEBOT_JDBC_URL", url);
    b.environment().put("SCOPEBOT_USER_SALT", "test-salt");
    b.environment().put("SCOPEBOT_DATA_DIR", data.resolve("data").toString());
    return b.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits (60 s at most) until {@code /readyz} says 200. */
  private static void awaitReady(Process server, URI base, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(base.resolve("/readyz"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server was not ready within 60 s (alive: " + server.isAlive() + "); log: "
        + tail(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
