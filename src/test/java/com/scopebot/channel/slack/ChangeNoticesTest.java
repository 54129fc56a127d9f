package com.scopebot.channel.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.channel.teams.FakeConnector;
import com.scopebot.channel.teams.TeamsFixtures;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import com.scopebot.service.TwoRevisions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code SCOPEBOT_NOTIFY_CHANGED}, a reindex that brings a revision changing a stored answer tells the Teams
 * conversation and the Slack thread it was given in, once each (a fake Bot Connector and a fake Slack Web API on
 * loopback), and leaves the conversations whose answers did not change alone.
 */
class ChangeNoticesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "admin-token-for-the-test";

  @TempDir Path dir;

  @Test
  void eachConversationWhoseAnswerARevisionChangedIsToldOnce() throws Exception {
    Path corpus = TwoRevisions.first(dir.resolve("corpus"));
    try (FakeSlackApi slack = new FakeSlackApi(); FakeConnector connector = new FakeConnector()) {
      Config config = Config.fromEnv(ExpertHandoffTest.settings(dir.resolve("data"), slack, Map.of(
          "SCOPEBOT_NOTIFY_CHANGED", "true", "SCOPEBOT_ADMIN_TOKEN", TOKEN))).withCorpus(corpus);
      ScopeServer server = ScopeServer.create(config).start();
      try {
        URI base = server.uri();
        // one Teams conversation asks two questions the revision changes, another one it does not change
        teamsAsk(base, connector, TwoRevisions.FLIPPED, "a:1changed");
        teamsAsk(base, connector, TwoRevisions.REWORDED, "a:1changed");
        teamsAsk(base, connector, TwoRevisions.UNCHANGED, "a:2unchanged");
        // and a Slack thread asks the flipped one
        ObjectNode mention = (ObjectNode) JSON.readTree(SlackChannelTest.fixture("slack_event_app_mention.json"));
        ((ObjectNode) mention.get("event")).put("text", "<@U222> " + TwoRevisions.FLIPPED);
        assertEquals(200, ExpertHandoffTest.slackSigned(base, mention.toString(), "application/json", 0).statusCode());
        slack.await("chat.postMessage", c -> "C111".equals(c.params().get("channel")));
        connector.clear();
        slack.clear();

        TwoRevisions.second(corpus);
        HttpResponse<String> reindex = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            base.resolve("/admin/reindex")).header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reindex.statusCode(), reindex.body());

        FakeConnector.Call told = connector.awaitCall(1);
        assertTrue(told.path().startsWith("/v3/conversations/a:1changed/activities"), told.path());
        JsonNode card = told.body().at("/attachments/0/content");
        assertEquals("The documents changed", card.at("/body/0/text").asText(), card.toString());
        String text = card.at("/body/1/text").asText();
        assertTrue(text.startsWith("The documents changed on 2018-12-04: this answer is now"), text);
        assertTrue(text.contains(TwoRevisions.ADFS_AFTER) || text.contains("Enrolling devices"), text);

        FakeSlackApi.Call thread = slack.await("chat.postMessage",
            c -> String.valueOf(c.params().get("text")).startsWith("The documents changed"));
        assertEquals("C111", thread.params().get("channel"));
        assertEquals("1605853844.000800", thread.params().get("thread_ts"), "in the thread it was asked in");
        assertTrue(thread.params().get("text").contains("this answer is now Out of scope (it was In scope)"),
            thread.params().get("text"));

        Thread.sleep(1_000); // what else re-answering might still send
        List<FakeConnector.Call> all = connector.calls();
        assertEquals(1, all.size(), "one notice for the conversation with two changed answers, none for the other: "
            + all.stream().map(FakeConnector.Call::path).toList());
        assertEquals(1, slack.calls("chat.postMessage").size());
      } finally {
        server.stop();
      }
    }
  }

  private static void teamsAsk(URI base, FakeConnector connector, String question, String conversation)
      throws Exception {
    connector.clear();
    ObjectNode ask = TeamsFixtures.message(question, connector.serviceUrl());
    ((ObjectNode) ask.get("conversation")).put("id", conversation);
    assertEquals(202, ExpertHandoffTest.post(base, "/api/messages", "application/json", ask.toString()).statusCode());
    connector.awaitCall(1);
  }
}
