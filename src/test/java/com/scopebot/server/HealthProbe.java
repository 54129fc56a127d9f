package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * {@code GET /healthz} every 100 ms on one kept-alive connection, by hand, while a test's attack goes on: the figure
 * is the server's, not an HTTP client library's.
 */
final class HealthProbe {

  /** How many probes were answered, and the slowest. */
  record Result(int probes, long worstMillis) {}

  private HealthProbe() {}

  /**
   * Probes for a while; each probe must answer 200.
   *
   * @param afterEach called with the number of probes so far after each one (a test's other checks, at a point in
   *     time)
   */
  static Result every100ms(URI base, long forMillis, IntConsumer afterEach) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + forMillis * 1_000_000;
    long worst = 0;
    int probes = 0;
    try (Socket health = RawHttp.connect(base, 5000)) {
      health.setTcpNoDelay(true);
      while (System.nanoTime() < deadline) {
        long start = System.nanoTime();
        health.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Reply r = RawHttp.read(health, start);
        assertEquals(200, r.status(), r.text());
        worst = Math.max(worst, r.millis());
        probes++;
        afterEach.accept(probes);
        Thread.sleep(Math.max(0, 100 - r.millis()));
      }
    }
    return new Result(probes, worst);
  }
}
