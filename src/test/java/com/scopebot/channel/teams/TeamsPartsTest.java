package com.scopebot.channel.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small rules of the Teams channel, as tables. */
class TeamsPartsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "localhost|true", "LOCALHOST|true", "127.0.0.1|true", "127.8.9.10|true", "::1|true", "[::1]|true",
      "0:0:0:0:0:0:0:1|true", "::ffff:127.0.0.1|true",
      "10.0.0.1|false", "192.168.1.5|false", "example.invalid|false", "localhost.example.com|false",
      "127.0.0.1.nip.io|false", "0.0.0.0|false", "::|false", "''|false", "2130706433|false", "169.254.169.254|false"})
  void knowsLoopbackHostsFromTheirTextAlone(String host, boolean loopback) {
    assertEquals(loopback, Loopback.isLoopbackHost(host));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:3979/|true", "https://localhost/|true", "http://[::1]:8080/v3|true",
      "https://example.invalid/|false", "https://smba.trafficmanager.net/amer/|false", "file:///etc/passwd|false",
      "http://user@127.0.0.1/|false", "ftp://127.0.0.1/|false", "not a url|false", "http://127.0.0.1@evil.example/|false"})
  void acceptsOnlyHttpServiceUrlsOnThisMachine(String url, boolean loopback) {
    assertEquals(loopback, Loopback.isLoopbackUrl(url));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "<at>Scopebot</at> Who configures DNS?|Who configures DNS?",
      "<at>Test Bot 1</at>   <at>TestBot2</at>  TestMessage|TestMessage",
      "Who configures\u00a0DNS?  |Who configures DNS?",
      "<at>Scopebot</at>|''"})
  void stripsMentionsAndFoldsSpaces(String text, String question) {
    assertEquals(question, ScopeBot.question(text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "{\"feedbackText\":\"This is my feedback.\"}|This is my feedback.",
      "test feedback|test feedback",
      "{not json|{not json",
      "''|''"})
  void readsTheFeedbackLoopsTextWhetherEncodedOrNot(String feedback, String text) {
    assertEquals(text, ScopeBot.feedbackText(TextNode.valueOf(feedback)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "2017-06-22T22:38:47.407Z|2017-06-22T22:38:47.407Z",
      "2026-11-22T22:00:00Z|2026-11-22T22:00:00Z",
      "2026-11-22T22:00:00+00:00|2026-11-22T22:00:00Z",
      "2026-11-22T14:00:00.1234567-08:00|2026-11-22T22:00:00.123456700Z",
      "2026-11-22T23:00:00+0100|2026-11-22T22:00:00Z",
      "2026-11-22T23:00:00+01|2026-11-22T22:00:00Z",
      "2026-11-22t22:00:00z|2026-11-22T22:00:00Z",
      "2026-11-22T22:00:00|2026-11-22T22:00:00Z"})
  void readsActivityTimestampsInEveryIsoForm(String sent, String instant) throws Exception {
    ActivityJson reader = new ActivityJson(new JacksonAdapter());
    Activity a = reader.read("{\"type\":\"message\",\"timestamp\":\"" + sent + "\"}");
    // the SDK's own pattern read ".407" as 407 nanoseconds
    assertEquals(Instant.parse(instant), a.getTimestamp().toInstant());
  }

  @Test
  void logsAFewRefusalsPerWindowAndNotAFlood() {
    HandClock clock = new HandClock();
    RefusalLog log = new RefusalLog(clock);
    int ownLines = 0;
    for (int i = 0; i < 1000; i++) {
      ownLines += log.refused("token signed with an unknown key") ? 1 : 0;
    }
    assertEquals(RefusalLog.LINES_PER_WINDOW, ownLines, "lines for 1000 refusals in one window");
    clock.advance(RefusalLog.WINDOW);
    assertEquals(true, log.refused("no Authorization header"), "a new window logs again");
  }

  @Test
  void settingsNeverShowTheSecretAndRefuseHalfAConfiguration() {
    TeamsSettings s = new TeamsSettings("3c1f9e0a-5d7b-4c1e-9a2f-0123456789ab", "s3cret-value", " ");
    assertEquals("TeamsSettings[appId=3c1f9e0a-5d7b-4c1e-9a2f-0123456789ab, appPassword=(set), tenantId=(multi-tenant)]",
        s.toString());
    assertEquals(true, new TeamsSettings(null, null, null).emulatorMode());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TeamsSettings("3c1f9e0a-5d7b-4c1e-9a2f-0123456789ab", "", null));
    assertEquals("MICROSOFT_APP_ID is set, so MICROSOFT_APP_PASSWORD must be set too", e.getMessage());
  }
}
