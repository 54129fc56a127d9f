package com.scopebot.server;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Asks {@code /healthz} and {@code /api/ask} every 100 ms, and keeps what failed and the slowest answer. */
final class Probes implements AutoCloseable {

  /** A probe not answered by then counts as failed. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final TestServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicLong slowestMillis = new AtomicLong();

  private Probes(TestServer server) {
    this.server = server;
  }

  static Probes start(TestServer server) {
    Probes p = new Probes(server);
    p.timer.scheduleWithFixedDelay(p::probe, 0, 100, TimeUnit.MILLISECONDS);
    return p;
  }

  private void probe() {
    send(HttpRequest.newBuilder(server.uri("/healthz")).GET());
    send(HttpRequest.newBuilder(server.uri("/api/ask")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"Who is responsible for SSL certificates?\"}")));
  }

  private void send(HttpRequest.Builder request) {
    HttpRequest r = request.timeout(TIMEOUT).build();
    long start = System.nanoTime();
    try {
      int status = client.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        failures.add(r.uri().getPath() + " " + status);
      }
      answered.incrementAndGet();
    } catch (Exception e) {
      failures.add(r.uri().getPath() + " " + e);
    }
    slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  int answered() {
    return answered.get();
  }

  long slowestMillis() {
    return slowestMillis.get();
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
  }
}
