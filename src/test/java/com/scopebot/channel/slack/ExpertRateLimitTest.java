package com.scopebot.channel.slack;

import static com.scopebot.channel.slack.ExpertHandoffTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Engine;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anyone may hand off through the API: a replica posts a bounded number of questions a minute to the experts. */
class ExpertRateLimitTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void postsAtMostThirtyQuestionsAMinuteAndRefusesTheRestForLater() throws Exception {
    try (FakeSlackApi slack = new FakeSlackApi()) {
      ScopeServer server = ScopeServer.create(Config.fromEnv(ExpertHandoffTest.settings(data, slack, null))
          .withCorpus(Engine.DEFAULT_CORPUS)).start();
      try {
        int posted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i <= ExpertDesk.MAX_POSTS_PER_MINUTE; i++) {
          String id = JSON.readTree(post(server.uri(), "/api/ask", "application/json", JSON.createObjectNode()
              .put("question", "Who configures DNS? (" + i + ")").toString()).body()).get("id").asText();
          last = post(server.uri(), "/api/answers/" + id + "/handoff", "application/json", "");
          posted += last.statusCode() == 202 ? 1 : 0;
        }
        assertEquals(ExpertDesk.MAX_POSTS_PER_MINUTE, posted);
        assertEquals(503, last.statusCode(), last.body());
        assertEquals("Sorry, I couldn't reach the FastTrack experts right now. Please try again later.",
            JSON.readTree(last.body()).get("error").asText());
        assertEquals(ExpertDesk.MAX_POSTS_PER_MINUTE, slack.calls("chat.postMessage").size());
      } finally {
        server.stop();
      }
    }
  }
}
