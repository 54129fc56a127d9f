package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import com.scopebot.answer.Engine;
import com.scopebot.cli.HostileQuestions;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen clients sending 1,000-character questions written to be expensive (made-up words, typos, one word over and
 * over, dozens of clauses) to a server on the bundled corpus. Each question is read only so far (see
 * {@code answer.Reading}), so they are answered at many times the 18 a second first measured, and {@code /healthz}
 * stays quick (it took up to 3.8 s then).
 */
class HostileQuestionsLoadTest {

  private static final int CLIENTS = 16;
  private static final long LOAD_MILLIS = 8_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void sixteenClientsOfExpensiveQuestionsLeaveHealthQuickAndAreAnsweredManyTimesFaster() throws Exception {
    HostileQuestions.Kind[] kinds = HostileQuestions.Kind.values();
    HostileQuestions questions = new HostileQuestions(Fixtures.bundled().index().corpus(), 17);
    try (TestServer server = TestServer.start(data, Engine.DEFAULT_CORPUS, Map.of())) {
      URI ask = server.uri("/api/ask");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        List<String> mine = new ArrayList<>();
        synchronized (questions) {
          for (int i = 0; i < 2_000; i++) {
            mine.add(questions.next(kinds[i % kinds.length], 1_000));
          }
        }
        running.add(clients.submit(() -> {
          for (int i = 0; System.nanoTime() < end; i++) {
            String body = JSON.createObjectNode().put("question", mine.get(i % mine.size())).toString();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(ask).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
            (r.statusCode() == 200 ? answered : failed).incrementAndGet();
          }
          return null;
        }));
      }
      long worstProbe = 0;
      int probes = 0;
      while (System.nanoTime() < end) {
        long t = System.nanoTime();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri("/healthz"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertEquals(200, health.statusCode());
        worstProbe = Math.max(worstProbe, ms);
        probes++;
        Thread.sleep(100);
      }
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      clients.shutdown();
      double perSecond = answered.get() * 1000.0 / LOAD_MILLIS;
      System.out.printf("16 clients, expensive 1,000-character questions for %d ms: %d answered (%.0f a second), %d "
          + "failed; /healthz worst %d ms over %d probes%n", LOAD_MILLIS, answered.get(), perSecond, failed.get(),
          worstProbe, probes);
      assertEquals(0, failed.get(), "no question failed");
      assertTrue(perSecond >= 100, "answered " + perSecond + " a second (18 before reading was bounded)");
      assertTrue(worstProbe < 500, "/healthz took up to " + worstProbe + " ms (3.8 s before)");
    }
  }
}
