package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.answer.Engine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that pipeline requests for large answers and never read them hold no request thread: health checks and
 * answers stay fast while a dozen such connections are open and more arrive every second.
 */
class SlowReadersTest {

  private static final int FIRST = 12;
  private static final int PIPELINED = 20;

  @TempDir Path data;

  @Test
  void connectionsThatNeverReadTheirAnswersLeaveHealthFast() throws Exception {
    try (TestServer server = TestServer.start(data, Engine.defaultCorpus())) {
      int size = server.get("/api/changes").body().length();
      List<Socket> readers = new ArrayList<>();
      for (int i = 0; i < FIRST; i++) {
        readers.add(neverReads(server.uri("/")));
      }
      int[] asked = new int[1];
      HealthProbe.Result health = HealthProbe.every100ms(server.uri("/"), 6000, probes -> {
        try {
          if (probes % 10 == 0) {
            // three more every second
            for (int i = 0; i < 3; i++) {
              readers.add(neverReads(server.uri("/")));
            }
          }
          if (probes == 30) {
            asked[0] = server.postJson("/api/ask", "{\"question\": \"Is AD FS in scope?\"}").statusCode();
          }
        } catch (IOException | InterruptedException e) {
          throw new AssertionError(e);
        }
      });
      for (Socket s : readers) {
        s.close();
      }
      System.out.println(readers.size() + " connections pipelining " + PIPELINED + " requests for /api/changes ("
          + size + " characters each) and never reading: " + health.probes() + " /healthz probes, worst "
          + health.worstMillis() + " ms");
      assertTrue(size > 100_000, "the answers are large enough to fill the socket buffers: " + size);
      assertTrue(health.probes() >= 50, "probed every 100 ms for 6 s: " + health.probes());
      assertTrue(health.worstMillis() < 100, "/healthz answered every probe within 100 ms; worst "
          + health.worstMillis() + " ms");
      assertEquals(200, asked[0], "a question asked meanwhile was answered");
    }
  }

  /** A connection with a small receive buffer that sends its requests at once and reads nothing. */
  private static Socket neverReads(URI base) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2000);
    String request = "GET /api/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    s.getOutputStream().write(request.repeat(PIPELINED).getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    return s;
  }
}
