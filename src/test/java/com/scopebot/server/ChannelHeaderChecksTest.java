package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the whole server (its body reading included): Slack's and Teams' endpoints refuse a request that cannot be
 * genuine from its headers, before its body (which here never comes) is waited for.
 */
class ChannelHeaderChecksTest {

  /** Far longer than any refusal should take, and shorter than the body timeout a waited-for body would hit. */
  private static final int BODY_TIMEOUT_MS = 5_000;

  @TempDir static Path data;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data, Map.of(
        "MICROSOFT_APP_ID", "00000000-0000-0000-0000-00000000abcd", "MICROSOFT_APP_PASSWORD", "test-password",
        "SLACK_SIGNING_SECRET", "header-checks-test-secret",
        "SCOPEBOT_BODY_TIMEOUT_MS", Integer.toString(BODY_TIMEOUT_MS)));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Headers announcing a 1,000-byte body, then nothing. */
  private static RawHttp.Reply stalled(String path, String extraHeaders) throws Exception {
    return RawHttp.exchange(server.uri("/"), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: 1000\r\n" + extraHeaders + "\r\n{\"type\":", 10_000);
  }

  @Test
  void teamsRefusesAMissingOrGarbledTokenBeforeItsBodyArrives() throws Exception {
    for (String auth : new String[] {"", "Authorization: Basic dXNlcjpwYXNz\r\n",
        "Authorization: Bearer not-a-token\r\n"}) {
      RawHttp.Reply r = stalled("/api/messages", auth);
      assertEquals(401, r.status(), auth + " -> " + r.text());
      assertTrue(r.millis() < 1_000, auth + " refused after " + r.millis() + " ms (the body timeout is "
          + BODY_TIMEOUT_MS + " ms)");
    }
  }

  @Test
  void slackRefusesAStaleTimestampBeforeItsBodyArrives() throws Exception {
    long stale = System.currentTimeMillis() / 1000 - 3_600;
    RawHttp.Reply r = stalled("/slack/events", "X-Slack-Request-Timestamp: " + stale + "\r\n"
        + "X-Slack-Signature: v0=" + "ab".repeat(32) + "\r\n");
    assertEquals(401, r.status(), r.text());
    assertTrue(r.millis() < 1_000, "refused after " + r.millis() + " ms");
    assertTrue(r.body().contains("\"ok\":false"), r.body());
  }
}
