package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.records.AskLoad;
import com.scopebot.service.TwoRevisions;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served corpus gets a second revision that changes what stored answers cited: {@code kill -9} in the middle of
 * answering them again, and the restarted server finishes the work, with one new record and one notice per answer.
 */
class ReanswerKillTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Enough answers that answering them again takes seconds (batches with pauses), so the kill lands mid-way. */
  private static final int AFFECTED = 400;
  private static final int UNAFFECTED = 40;
  private static final String ADMIN = "kill-test-admin-token-0123456789";

  @TempDir Path tmp;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aKillInTheMiddleOfAnsweringAgainResumesAndFinishesAfterARestart() throws Exception {
    Path corpus = TwoRevisions.first(tmp.resolve("corpus"));
    Path data = Files.createDirectories(tmp.resolve("data"));
    String db = "jdbc:sqlite:" + data.resolve("answers.db");
    int port = KillTest.freePort();
    URI base = URI.create("http://127.0.0.1:" + port + "/");

    Process first = start(corpus, data, port, "first");
    Set<String> affected;
    Set<String> unaffected;
    try {
      KillTest.awaitReady(client, base, first);
      affected = new HashSet<>(askAll(base, TwoRevisions.FLIPPED, TwoRevisions.REWORDED, AFFECTED));
      unaffected = new HashSet<>(askAll(base, TwoRevisions.UNCHANGED, TwoRevisions.UNCHANGED, UNAFFECTED));
      assertEquals(AFFECTED, affected.size(), "every answer recorded");

      TwoRevisions.second(corpus);
      HttpResponse<String> reindex = client.send(HttpRequest.newBuilder(base.resolve("/admin/reindex"))
          .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reindex.statusCode(), reindex.body());
      int doneAtKill = awaitDone(db, 1, 30);
      first.destroyForcibly(); // SIGKILL, some answered again and some not
      assertTrue(first.waitFor(10, TimeUnit.SECONDS));
      assertTrue(doneAtKill < AFFECTED, "killed after " + doneAtKill + " of " + AFFECTED + ": not in the middle");
    } finally {
      first.destroyForcibly();
    }

    Process second = start(corpus, data, port, "second");
    try {
      KillTest.awaitReady(client, base, second);
      assertEquals(AFFECTED, awaitDone(db, AFFECTED, 60), "the restarted server finished the work");
      Thread.sleep(500); // a duplicate, if the resumed work made one, would come now
      try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
        Set<String> reanswered = new HashSet<>();
        try (ResultSet rs = s.executeQuery("SELECT i.old_id FROM reanswer_item i JOIN answer_record n"
            + " ON n.id = i.new_id WHERE i.state = 'done'")) {
          while (rs.next()) {
            reanswered.add(rs.getString(1));
          }
        }
        assertEquals(affected, reanswered, "each affected answer answered again, in a record that exists");
        assertEquals(AFFECTED, count(s, "SELECT COUNT(*) FROM answer_record WHERE channel = 'reanswer'"),
            "no answer recorded twice across the kill");
        assertEquals(AFFECTED, count(s, "SELECT COUNT(*) FROM reanswer_notice"), "one notice per conversation");
      }

      JsonNode changes = JSON.readTree(client.send(HttpRequest.newBuilder(base.resolve("/api/changes"))
          .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body());
      JsonNode listed = changes.get("affectedAnswers");
      assertEquals(AFFECTED, listed.size());
      assertEquals(0, changes.get("reanswering").get("waiting").asInt());
      assertTrue(changes.get("documents").get(0).get("changes").size() > 0, "the report itself is still there");
      JsonNode flipped = listed.get(0);
      assertEquals(TwoRevisions.FLIPPED, flipped.get("question").asText(), "verdicts that flipped come first");
      assertEquals("in_scope", flipped.get("oldVerdict").asText());
      assertEquals("out_of_scope", flipped.get("newVerdict").asText());
      assertTrue(flipped.get("verdictChanged").asBoolean());
      assertEquals(TwoRevisions.ADFS_BEFORE, flipped.get("before").asText());
      assertEquals(TwoRevisions.ADFS_AFTER, flipped.get("after").asText());
      for (JsonNode a : listed) {
        assertTrue(affected.contains(a.get("old").get("id").asText()), a.toString());
        assertTrue(!unaffected.contains(a.get("old").get("id").asText()), a.toString());
      }
      for (String link : List.of(flipped.get("old").get("link").asText(), flipped.get("new").get("link").asText())) {
        assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve(link)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode(), link);
      }
    } finally {
      second.destroyForcibly();
    }
  }

  private Process start(Path corpus, Path data, int port, String name) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "com.scopebot.cli.Main", "serve")
        .redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
    pb.environment().put("SCOPEBOT_PORT", Integer.toString(port));
    pb.environment().put("SCOPEBOT_HOST", "127.0.0.1");
    pb.environment().put("SCOPEBOT_DATA_DIR", data.toString());
    pb.environment().put("SCOPEBOT_CORPUS", corpus.toString());
    pb.environment().put("SCOPEBOT_ADMIN_TOKEN", ADMIN);
    pb.environment().put("SCOPEBOT_NOTIFY_CHANGED", "true");
    pb.environment().remove("SCOPEBOT_JDBC_URL");
    return pb.start();
  }

  /** Asks {@code n} questions, alternating two, over a few connections; the ids handed out. */
  private static List<String> askAll(URI base, String a, String b, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<AskLoad.Asked>> asked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String q = i % 2 == 0 ? a : b;
      asked.add(pool.submit(() -> AskLoad.ask(base, q)));
    }
    List<AskLoad.Asked> all = new ArrayList<>();
    for (Future<AskLoad.Asked> f : asked) {
      all.add(f.get());
    }
    pool.shutdown();
    return AskLoad.ids(all);
  }

  /** Waits until at least {@code n} answers are answered again; how many are. */
  private static int awaitDone(String db, int n, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int done = 0;
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
        done = count(s, "SELECT COUNT(*) FROM reanswer_item WHERE state = 'done'");
      } catch (java.sql.SQLException tablesNotYetMade) {
        done = 0;
      }
      if (done >= n) {
        return done;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("only " + done + " answered again within " + seconds + " s, wanted " + n);
  }

  private static int count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
