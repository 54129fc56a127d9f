package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send headers and then stall their bodies cost the server no worker thread: they get 408 after the body
 * timeout, health and answers stay fast meanwhile, and a connection that sends nothing is closed after the idle timeout.
 */
class SlowClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STALLED = 200;
  private static final long STALL_MILLIS = 30_000;
  private static final int BODY_TIMEOUT_MS = 5000;

  @TempDir Path data;

  @Test
  void twoHundredStalledBodiesLeaveHealthAndAnswersFast() throws Exception {
    try (TestServer server = TestServer.start(data, Fixtures.fixtureCorpus(), Map.of(
        "SLACK_SIGNING_SECRET", "slow-client-test-secret",
        "SCOPEBOT_BODY_TIMEOUT_MS", Integer.toString(BODY_TIMEOUT_MS)))) {
      String id = JSON.readTree(server.postJson("/api/ask", "{\"question\": \"Who provides SSL certificates?\"}").body())
          .get("id").asText();
      List<String> heads = List.of(
          head("/api/ask", "application/json", ""),
          head("/api/answers/" + id + "/feedback", "application/json", ""),
          head("/api/messages", "application/json", ""),
          head("/slack/events", "application/x-www-form-urlencoded",
              "X-Slack-Request-Timestamp: " + System.currentTimeMillis() / 1000 + "\r\n"
                  + "X-Slack-Signature: v0=" + "ab".repeat(32) + "\r\n"));

      ConcurrentLinkedQueue<RawHttp.Reply> stalledReplies = new ConcurrentLinkedQueue<>();
      ExecutorService attackers = Executors.newFixedThreadPool(STALLED + 1);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);
      List<Socket> open = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < STALLED; i++) {
        String head = heads.get(i % heads.size());
        // half send a few bytes of the body before stalling, half none at all
        String partial = i % 2 == 0 ? "{\"quest" : "";
        attackers.execute(() -> stallUntil(server.uri("/"), head + partial, deadline, open, stalledReplies));
      }

      // and one client that connects and says nothing at all
      java.util.concurrent.Future<Long> idle = attackers.submit(() -> {
        try (Socket s = RawHttp.connect(server.uri("/"), 20_000)) {
          long start = System.nanoTime();
          return s.getInputStream().read() < 0 ? (System.nanoTime() - start) / 1_000_000 : -1L;
        }
      });
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long[] ask = new long[2]; // status, millis
      Thread.sleep(1000); // let every stalled connection open
      HealthProbe.Result health = HealthProbe.every100ms(server.uri("/"),
          TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), probes -> {
            if (probes == 100) {
              long askStart = System.nanoTime();
              try {
                ask[0] = client.send(HttpRequest.newBuilder(server.uri("/api/ask"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"Is AD FS in scope?\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
              } catch (java.io.IOException | InterruptedException e) {
                ask[0] = -1;
              }
              ask[1] = (System.nanoTime() - askStart) / 1_000_000;
            }
          });
      long worstProbe = health.worstMillis();
      int probes = health.probes();
      int askStatus = (int) ask[0];
      long askMillis = ask[1];
      attackers.shutdown();
      synchronized (open) {
        for (Socket s : open) {
          s.close();
        }
      }
      assertTrue(attackers.awaitTermination(10, TimeUnit.SECONDS));

      // the figures, for whoever reads the test's output
      System.out.println("stalled " + STALLED + " bodies for " + STALL_MILLIS + " ms: " + probes + " /healthz probes, worst "
          + worstProbe + " ms; /api/ask " + askStatus + " in " + askMillis + " ms; " + stalledReplies.size()
          + " stalled requests answered; a silent connection closed after " + idle.get() + " ms");
      long idleMillis = idle.get();
      // it never sent a request head: closed at the first-request deadline, sooner than the idle timeout
      assertTrue(idleMillis >= FirstRequestDeadline.MILLIS - 500 && idleMillis < FirstRequestDeadline.MILLIS + 3000,
          "a silent connection was closed after " + idleMillis + " ms");
      assertTrue(probes >= 200, "probed every 100 ms for 30 s: " + probes);
      assertTrue(worstProbe < 100, "/healthz answered every probe within 100 ms during the stall; worst "
          + worstProbe + " ms over " + probes + " probes");
      assertEquals(200, askStatus, "a question was answered during the stall");
      assertTrue(askMillis < 1000, "the question took " + askMillis + " ms");
      // each stalled client got its 408 after the body timeout, and then tried again: 200 were stalled all along
      List<RawHttp.Reply> answered = stalledReplies.stream().filter(r -> r.status() != 0).toList();
      assertTrue(answered.size() >= STALLED * 4, "stalled requests answered: " + answered.size());
      for (RawHttp.Reply r : answered) {
        assertEquals(408, r.status(), r.text());
        assertTrue(r.millis() >= BODY_TIMEOUT_MS - 100 && r.millis() < BODY_TIMEOUT_MS + 3000,
            "408 after " + r.millis() + " ms");
        assertTrue(r.body().contains("did not arrive within " + BODY_TIMEOUT_MS + " ms"), r.text());
      }
    }
  }

  private static String head(String path, String type, String extra) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\nContent-Length: 1000\r\n"
        + extra + "\r\n";
  }

  /** Sends the head and a part of the body, then nothing: over and over, until the deadline. */
  private static void stallUntil(URI base, String request, long deadline, List<Socket> open,
      ConcurrentLinkedQueue<RawHttp.Reply> replies) {
    while (System.nanoTime() < deadline) {
      int left = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try (Socket s = RawHttp.connect(base, left)) {
        open.add(s);
        long start = System.nanoTime();
        s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        RawHttp.Reply r = RawHttp.read(s, start);
        open.remove(s);
        if (System.nanoTime() < deadline) {
          replies.add(r);
        }
      } catch (java.io.IOException e) {
        return; // closed by the test at the end
      }
    }
  }
}
