package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body is read however it arrives: with the headers (read at once), in pieces with pauses between them (the rest
 * read asynchronously), or not in full before the body timeout (408).
 */
class BodyArrivalTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = "{\"question\": \"Who provides SSL certificates?\"}";

  @TempDir Path data;

  @Test
  void answersABodyWhetherItCameWithTheHeadersOrInPieces() throws Exception {
    try (TestServer server = TestServer.start(data, Fixtures.fixtureCorpus(),
        Map.of("SCOPEBOT_BODY_TIMEOUT_MS", "3000"))) {
      String whole = JSON.readTree(RawHttp.exchange(server.uri("/"), request(BODY), 5000).body()).get("verdict")
          .asText();
      for (int[] cuts : new int[][] {{0}, {1}, {BODY.length() / 2}, {5, 20, BODY.length() - 1}}) {
        try (Socket s = RawHttp.connect(server.uri("/"), 5000)) {
          long start = System.nanoTime();
          OutputStream out = s.getOutputStream();
          String r = request(BODY);
          int bodyStart = r.length() - BODY.length();
          int from = 0;
          for (int cut : cuts) {
            out.write(r.substring(from, bodyStart + cut).getBytes(StandardCharsets.UTF_8));
            out.flush();
            from = bodyStart + cut;
            Thread.sleep(150); // the server sees the piece on its own
          }
          out.write(r.substring(from).getBytes(StandardCharsets.UTF_8));
          out.flush();
          RawHttp.Reply reply = RawHttp.read(s, start);
          assertEquals(200, reply.status(), "cut at " + java.util.Arrays.toString(cuts) + ": " + reply.text());
          assertEquals(whole, JSON.readTree(reply.body()).get("verdict").asText());
        }
      }
    }
  }

  @Test
  void refusesABodyThatStopsHalfWayAfterTheTimeout() throws Exception {
    try (TestServer server = TestServer.start(data, Fixtures.fixtureCorpus(),
        Map.of("SCOPEBOT_BODY_TIMEOUT_MS", "1000"))) {
      String r = request(BODY);
      RawHttp.Reply reply = RawHttp.exchange(server.uri("/"), r.substring(0, r.length() - 10), 5000);
      assertEquals(408, reply.status(), reply.text());
      assertTrue(reply.millis() >= 1000 && reply.millis() < 4000, "after " + reply.millis() + " ms");
    }
  }

  private static String request(String body) {
    return "POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }
}
