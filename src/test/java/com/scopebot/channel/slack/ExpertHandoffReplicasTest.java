package com.scopebot.channel.slack;

import static com.scopebot.channel.slack.ExpertHandoffTest.UNKNOWN;
import static com.scopebot.channel.slack.ExpertHandoffTest.expertPost;
import static com.scopebot.channel.slack.ExpertHandoffTest.expertPosts;
import static com.scopebot.channel.slack.ExpertHandoffTest.post;
import static com.scopebot.channel.slack.ExpertHandoffTest.repliedRecord;
import static com.scopebot.channel.slack.ExpertHandoffTest.slackSigned;
import static com.scopebot.channel.slack.ExpertHandoffTest.threadMessage;
import static com.scopebot.channel.slack.ExpertHandoffTest.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Engine;
import com.scopebot.channel.teams.FakeConnector;
import com.scopebot.channel.teams.TeamsFixtures;
import com.scopebot.records.PostgresCluster;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas sharing one PostgreSQL database behind one Teams bot and one Slack app: a question handed off on both at
 * once is posted to the experts once, and an expert's reply whose delivery reaches one replica and whose retry reaches
 * the other goes to the Teams conversation once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExpertHandoffReplicasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataA;
  @TempDir Path dataB;

  private static ScopeServer replica(Path data, FakeSlackApi slack, String url) throws Exception {
    return ScopeServer.create(Config.fromEnv(ExpertHandoffTest.settings(data, slack, Map.of("SCOPEBOT_JDBC_URL", url,
        "SCOPEBOT_USER_SALT", "test-salt", "SCOPEBOT_RECORD_WAIT_MS", "5000"))).withCorpus(Engine.DEFAULT_CORPUS))
        .start();
  }

  @Test
  void twoReplicasPostAQuestionOnceAndPassAnExpertsReplyOnOnce() throws Exception {
    PostgresCluster pg = PostgresCluster.shared();
    String url = pg.jdbcUrl(pg.createDatabase());
    try (FakeSlackApi slack = new FakeSlackApi(); FakeConnector connector = new FakeConnector()) {
      ScopeServer a = replica(dataA, slack, url);
      ScopeServer b = replica(dataB, slack, url);
      try {
        ObjectNode ask = TeamsFixtures.message(UNKNOWN, connector.serviceUrl());
        assertEquals(202, post(a.uri(), "/api/messages", "application/json", ask.toString()).statusCode());
        String id = ExpertHandoffTest.askExpertId(connector.awaitCall(1));

        // the button pressed twice, each press reaching another replica at the same moment
        ObjectNode press = TeamsFixtures.message(null, connector.serviceUrl());
        press.remove("text");
        press.putObject("value").put("action", "handoff").put("answerId", id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          List<Future<HttpResponse<String>>> presses = pool.invokeAll(List.<Callable<HttpResponse<String>>>of(
              () -> post(a.uri(), "/api/messages", "application/json", press.toString()),
              () -> post(b.uri(), "/api/messages", "application/json", press.toString())));
          for (Future<HttpResponse<String>> f : presses) {
            assertEquals(202, f.get().statusCode());
          }
        } finally {
          pool.shutdown();
        }
        FakeSlackApi.Call expertPost = expertPost(slack, UNKNOWN);
        Thread.sleep(300);
        assertEquals(1, expertPosts(slack, UNKNOWN), "one experts' post for presses on two replicas");

        connector.clear();
        String reply = threadMessage(ts(expertPost), "FastTrack guides it; your partner migrates the sites.");
        assertEquals(200, slackSigned(a.uri(), reply, "application/json", 0).statusCode());
        assertEquals(200, slackSigned(b.uri(), reply, "application/json", 1, "X-Slack-Retry-Num", "1",
            "X-Slack-Retry-Reason", "http_timeout").statusCode());
        FakeConnector.Call proactive = connector.awaitCall(1);
        assertTrue(proactive.body().at("/attachments/0/content/body/0/text").asText()
            .startsWith("👤 Answer from a FastTrack expert"), proactive.body().toString());
        Thread.sleep(500);
        assertEquals(1, connector.calls().size(), "one message to the asker for a reply delivered to both replicas");

        // both replicas show the same record: the hand-off and the one reply
        JsonNode onA = repliedRecord(a.uri(), id);
        JsonNode onB = repliedRecord(b.uri(), id);
        assertEquals(onA.get("handoff"), onB.get("handoff"));
        assertEquals(1, onB.at("/handoff/replies").size(), onB.toString());
        assertEquals("delivered", onB.at("/handoff/replies/0/delivery").asText());
      } finally {
        a.stop();
        b.stop();
      }
    }
  }
}
