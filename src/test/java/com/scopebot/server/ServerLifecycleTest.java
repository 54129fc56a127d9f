package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import com.scopebot.LogCapture;
import com.scopebot.corpus.Corpus;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts, reindexing and shutdown of a real server. */
class ServerLifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  @TempDir Path corpus;

  private void copyFixtureCorpus() throws Exception {
    try (Stream<Path> files = Files.list(Fixtures.fixtureCorpus())) {
      for (Path f : files.toList()) {
        Files.copy(f, corpus.resolve(f.getFileName()));
      }
    }
  }

  private static String ask(TestServer s, String question) throws Exception {
    HttpResponse<String> r = s.postJson("/api/ask", JSON.createObjectNode().put("question", question).toString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void answerRecordsSurviveARestart() throws Exception {
    String id;
    try (TestServer first = TestServer.start(data)) {
      id = JSON.readTree(ask(first, "Who is responsible for SSL certificates?")).get("id").asText();
      assertEquals(204, first.postJson("/api/answers/" + id + "/feedback", "{\"helpful\": true}").statusCode());
    }
    assertTrue(Files.exists(data.resolve("answers.db")), "created on first start under the data folder");
    try (TestServer second = TestServer.start(data)) {
      JsonNode record = JSON.readTree(second.get("/api/answers/" + id).body());
      assertEquals("customer", record.get("verdict").asText());
      assertTrue(record.get("feedback").get(0).get("helpful").asBoolean());
    }
  }

  @Test
  void reindexNeedsTheAdminToken() throws Exception {
    copyFixtureCorpus();
    try (TestServer s = TestServer.start(data, corpus)) {
      assertEquals(401, s.post("/admin/reindex", null, "").statusCode());
      assertEquals(401, s.post("/admin/reindex", null, "", "Authorization", "Bearer wrong").statusCode());
      HttpResponse<String> ok = s.post("/admin/reindex", null, "", "Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
      assertEquals(200, ok.statusCode(), ok.body());
      JsonNode loaded = JSON.readTree(ok.body());
      assertEquals(3, loaded.get("documents").asInt());
      // one index entry a statement, and a passage can make several: each count by its name
      Corpus c = Corpus.load(corpus);
      assertEquals(c.passages().size(), loaded.get("passages").asInt(), ok.body());
      assertEquals(c.passages().stream().mapToInt(p -> p.statements().size()).sum(), loaded.get("statements").asInt(),
          ok.body());
    }
  }

  @Test
  void adminTokenGuessesAreThrottledAndLoggedWithoutTheGuess() throws Exception {
    copyFixtureCorpus();
    try (TestServer s = TestServer.start(data, corpus)) {
      LogCapture.Logged<java.util.List<Integer>> guesses = LogCapture.during(() -> {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
          out.add(s.post("/admin/reindex", null, "", "Authorization", "Bearer guess-" + i).statusCode());
        }
        return out;
      });
      java.util.List<Integer> statuses = guesses.value();
      assertEquals(java.util.Collections.nCopies(AdminGuard.GUESSES, 401), statuses.subList(0, AdminGuard.GUESSES));
      assertEquals(java.util.Collections.nCopies(20 - AdminGuard.GUESSES, 429), statuses.subList(AdminGuard.GUESSES, 20));
      String log = guesses.log();
      assertEquals(AdminGuard.GUESSES, log.lines().filter(l -> l.contains("wrong admin token from 127.0.0.1")).count(),
          log);
      assertTrue(!log.contains("guess-"), log);
      // the administrator behind a proxy on this machine is another address: not held back
      HttpResponse<String> ok = s.post("/admin/reindex", null, "", "Authorization", "Bearer " + TestServer.ADMIN_TOKEN,
          "X-Forwarded-For", "10.0.0.5");
      assertEquals(200, ok.statusCode(), ok.body());
    }
  }

  @Test
  void aCorpusFileNamedWithALogLineLeavesNoForgedLine() throws Exception {
    copyFixtureCorpus();
    // a file the reindex skips (not UTF-8), whose name holds a line break and a log line of its own
    Files.write(corpus.resolve("notes\n12:00:00.000 ERROR ScopeServer - forged entry.md"), new byte[] {(byte) 0xff, 0});
    try (TestServer s = TestServer.start(data, corpus)) {
      LogCapture.Logged<HttpResponse<String>> reindex = LogCapture.during(
          () -> s.post("/admin/reindex", null, "", "Authorization", "Bearer " + TestServer.ADMIN_TOKEN));
      HttpResponse<String> r = reindex.value();
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(JSON.readTree(r.body()).get("skipped").toString().contains("forged entry.md"), r.body());
      String log = reindex.log();
      assertTrue(log.contains("notes\\n12:00:00.000 ERROR ScopeServer - forged entry.md"), log);
      assertTrue(log.lines().noneMatch(l -> l.startsWith("12:00:00.000 ERROR")), log);
    }
  }

  @Test
  void reindexIsOffWithoutAToken() throws Exception {
    Config config = Config.fromEnv(Map.of("SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0",
        "SCOPEBOT_DATA_DIR", data.toString(), "SCOPEBOT_ADMIN_TOKEN", "")).withCorpus(Fixtures.fixtureCorpus());
    ScopeServer s = ScopeServer.create(config).start();
    try {
      HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(s.uri().resolve("/admin/reindex"))
              .header("Authorization", "Bearer ").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(404, r.statusCode());
      assertTrue(r.body().contains("SCOPEBOT_ADMIN_TOKEN"), r.body());
    } finally {
      s.stop();
    }
  }

  @Test
  void refusesACorpusOverTheConfiguredSizeLimitBeforeReadingIt() throws Exception {
    copyFixtureCorpus();
    // 1 MB is below the limit the 256 MB heap sets, so the setting is the limit
    try (TestServer s = TestServer.start(data, corpus, Map.of("SCOPEBOT_MAX_CORPUS_MB", "1"))) {
      // 44 MB of Markdown exhausted the heap; a sparse file has the size without the disk or the test's time
      try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(corpus.resolve("huge.md").toFile(), "rw")) {
        huge.setLength(44L * 1024 * 1024);
      }
      long total;
      try (Stream<Path> files = Files.list(corpus)) {
        total = files.mapToLong(f -> f.toFile().length()).sum();
      }
      LogCapture.Logged<HttpResponse<String>> reindex = LogCapture.during(
          () -> s.post("/admin/reindex", null, "", "Authorization", "Bearer " + TestServer.ADMIN_TOKEN));
      HttpResponse<String> r = reindex.value();
      assertEquals(422, r.statusCode(), r.body());
      assertEquals("the corpus is " + total + " bytes, over the limit of 1048576 bytes (SCOPEBOT_MAX_CORPUS_MB); the "
          + "previous index keeps serving", JSON.readTree(r.body()).get("error").asText());
      String log = reindex.log();
      assertTrue(log.contains("reindex refused: the corpus is " + total + " bytes"), log);
      assertTrue(!log.contains("Exception") && !log.contains("Error") && !log.contains("\tat "), log);
      assertEquals("out_of_scope", JSON.readTree(ask(s, "Is AD FS covered for multiple forests?")).get("verdict").asText());
    }
  }

  @Test
  void aCorpusThatFailsToIndexLeavesTheOldIndexServing() throws Exception {
    copyFixtureCorpus();
    try (TestServer s = TestServer.start(data, corpus)) {
      try (Stream<Path> files = Files.list(corpus)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
          Files.delete(f);
        }
      }
      HttpResponse<String> r = s.post("/admin/reindex", null, "", "Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
      assertEquals(422, r.statusCode());
      assertTrue(r.body().contains("the previous index keeps serving: no usable Markdown documents"), r.body());
      assertEquals("out_of_scope", JSON.readTree(ask(s, "Is AD FS covered for multiple forests?")).get("verdict").asText());
    }
  }

  @Test
  void reindexSwapsAtomicallyUnderConcurrentQuestions() throws Exception {
    copyFixtureCorpus();
    try (TestServer s = TestServer.start(data, corpus)) {
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Integer>> askers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        askers.add(pool.submit(() -> {
          int n = 0;
          while (running.get()) {
            JsonNode a = JSON.readTree(ask(s, "Is AD FS covered for multiple forests?"));
            assertEquals("out_of_scope", a.get("verdict").asText(), a.toString());
            n++;
          }
          return n;
        }));
      }
      Files.writeString(corpus.resolve("kiosk.md"), "# Your responsibilities\n\n- Configuring kiosk tablets for the warehouse.\n");
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = s.post("/admin/reindex", null, "", "Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
      }
      running.set(false);
      int answered = 0;
      for (Future<Integer> f : askers) {
        answered += f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertTrue(answered > 0);
      JsonNode kiosk = JSON.readTree(ask(s, "Who configures kiosk tablets?"));
      assertEquals("customer", kiosk.get("verdict").asText(), "the new document is in service");
    }
  }

  @Test
  void shutdownFinishesRequestsInFlight() throws Exception {
    TestServer s = TestServer.start(data);
    String body = "{\"question\": \"Who is responsible for SSL certificates?\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", s.server().uri().getPort())) {
      OutputStream out = socket.getOutputStream();
      // a request in flight: headers and half the body sent, the rest still to come
      out.write(("POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
          + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, 0, 10);
      out.flush();
      Thread.sleep(200);
      Thread stopper = new Thread(() -> {
        try {
          s.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      stopper.start();
      Thread.sleep(500);
      assertTrue(stopper.isAlive(), "stop waits for the request in flight");
      out.write(bytes, 10, bytes.length - 10);
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.contains("\"verdict\":\"customer\""), response);
      stopper.join(10_000);
      assertTrue(!stopper.isAlive(), "stop returns once drained");
    }
  }
}
