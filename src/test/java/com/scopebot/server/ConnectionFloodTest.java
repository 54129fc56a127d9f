package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris: far more connections than the cap, each sending a header line every two seconds and never finishing its
 * request. Health checks on the management port stay fast throughout, the server closes the slow connections, and
 * the main port answers again as soon as the flood stops.
 */
class ConnectionFloodTest {

  private static final int CAP = 100;
  private static final int ATTACKERS = 400;
  private static final long ATTACK_MILLIS = 8_000;

  @TempDir Path data;

  @Test
  void slowHeadersBeyondTheCapLeaveHealthFastAndAreClosed() throws Exception {
    try (TestServer server = TestServer.start(data, Fixtures.fixtureCorpus(), Map.of(
        "SCOPEBOT_MAX_CONNECTIONS", Integer.toString(CAP), "SCOPEBOT_MANAGEMENT_PORT", "0"))) {
      URI main = server.uri("/");
      AtomicBoolean attacking = new AtomicBoolean(true);
      AtomicInteger closedByServer = new AtomicInteger();
      Thread flood = new Thread(() -> slowloris(main, attacking, closedByServer));
      flood.start();
      Thread.sleep(1000); // the cap is reached
      HealthProbe.Result health = HealthProbe.every100ms(server.server().managementUri(), ATTACK_MILLIS, n -> {});
      attacking.set(false);
      flood.join(10_000);

      long start = System.nanoTime();
      int status = server.postJson("/api/ask", "{\"question\": \"Is AD FS in scope?\"}").statusCode();
      long askMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.println(ATTACKERS + " slowloris connections against a cap of " + CAP + " for " + ATTACK_MILLIS
          + " ms: " + health.probes() + " probes of the management port, worst " + health.worstMillis() + " ms; "
          + closedByServer.get() + " slow connections closed by the server; /api/ask after: " + status + " in "
          + askMillis + " ms");
      assertTrue(health.probes() >= 70, "probed every 100 ms: " + health.probes());
      assertTrue(health.worstMillis() < 100, "/healthz answered every probe within 100 ms; worst "
          + health.worstMillis() + " ms");
      // seen from the client, a close shows only at its next write or the one after: half the cap is a floor
      assertTrue(closedByServer.get() >= CAP / 2, "the server closed slow connections: " + closedByServer.get());
      assertEquals(200, status);
      assertTrue(askMillis < 2000, "the main port answered " + askMillis + " ms after the flood");
    }
  }

  /** Keeps up to ATTACKERS connections sending a header line each every two seconds, reopening what is closed. */
  private static void slowloris(URI base, AtomicBoolean attacking, AtomicInteger closedByServer) {
    List<Socket> open = new ArrayList<>();
    try {
      while (attacking.get()) {
        while (open.size() < ATTACKERS && attacking.get()) {
          try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 1000);
            s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
            open.add(s);
          } catch (IOException e) {
            break; // the backlog is full: try again on the next round
          }
        }
        for (int i = open.size() - 1; i >= 0; i--) {
          Socket s = open.get(i);
          try {
            s.getOutputStream().write("X-Slow: 1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
          } catch (IOException e) {
            closedByServer.incrementAndGet();
            open.remove(i);
            close(s);
          }
        }
        Thread.sleep(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.forEach(ConnectionFloodTest::close);
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing a socket the server closed first
    }
  }
}
