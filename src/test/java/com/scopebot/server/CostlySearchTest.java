package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.answer.Engine;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The costliest searches an outsider can write without credentials cost the server a bounded time each, and clients
 * that send ten of them and hang up at once cannot take health checks or answers with them: every search is refused
 * or answered within a second, and the server's CPU is quiet again within a second of the clients going.
 */
class CostlySearchTest {

  /** 35 copies of a pattern whose automaton takes 0.3 s to build at Lucene's default limit (489 characters). */
  private static final String WORST = String.join(" ", Collections.nCopies(35, "/c*d{0,9999}/"));
  /** The costliest patterns the limits let through: ten wildcards of many stars, each compiled for each field. */
  private static final String HEAVY = String.join(" OR ", Collections.nCopies(10, "q*u*e*r*y*s*t*a*r*s*x*y*z*w*v"));

  @TempDir Path data;

  @Test
  void costlySearchesAreBoundedAndAbandonedOnesLeaveTheServerAnswering() throws Exception {
    try (TestServer server = TestServer.start(data, Engine.defaultCorpus())) {
      // the search index is built by the first search (LiveSearch): that cost is not the query's
      assertEquals(200, server.get(search("ssl")).statusCode());
      for (String query : List.of(WORST, HEAVY)) {
        long start = System.nanoTime();
        int status = server.get(search(query)).statusCode();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("search of " + query.length() + " characters: " + status + " in " + millis + " ms");
        assertTrue(status == 400 || status == 200, "refused or answered, got " + status);
        assertTrue(millis < 1000, "a costly search took " + millis + " ms");
      }

      // ten clients send each query and hang up without reading
      List<Socket> clients = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        for (String query : List.of(WORST, HEAVY)) {
          Socket s = RawHttp.connect(server.uri("/"), 1000);
          s.getOutputStream().write(("GET " + search(query) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
          s.getOutputStream().flush();
          clients.add(s);
        }
      }
      for (Socket s : clients) {
        s.close();
      }
      long gone = System.nanoTime();

      long[] cpuFrom = new long[1];
      // from the tenth probe, about a second after the clients went, the CPU the server burns is measured
      HealthProbe.Result health = HealthProbe.every100ms(server.uri("/"), 3000 - (System.nanoTime() - gone) / 1_000_000,
          probes -> cpuFrom[0] = probes == 10 ? cpuNanos() : cpuFrom[0]);
      // from about one second after the clients went to three: what the server burnt besides answering the probes
      long cpuMillis = (cpuNanos() - cpuFrom[0]) / 1_000_000;
      System.out.println("20 abandoned costly searches: " + health.probes() + " /healthz probes, worst "
          + health.worstMillis() + " ms; CPU from 1 s to 3 s after the clients went: " + cpuMillis + " ms");
      assertTrue(health.probes() >= 25, "probed every 100 ms for 3 s: " + health.probes());
      assertTrue(health.worstMillis() < 100, "/healthz answered every probe within 100 ms; worst "
          + health.worstMillis() + " ms");
      assertTrue(cpuMillis < 500, "the searches kept the server busy after their clients went: " + cpuMillis
          + " ms of CPU in 2 s");
      assertEquals(200, server.postJson("/api/ask", "{\"question\": \"Is AD FS in scope?\"}").statusCode());
    }
  }

  private static String search(String query) {
    return "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  /** CPU time of this process (the server runs in it). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
