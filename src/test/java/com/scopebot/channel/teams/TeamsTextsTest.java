package com.scopebot.channel.teams;

import static com.scopebot.channel.teams.TeamsFixtures.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Engine;
import com.scopebot.server.TestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a Teams reply says besides its card (its summary, shown in notifications and chat previews, and no text that
 * would show the answer a second time), and "what changed" with labelled links, over {@code /api/messages} in
 * emulator mode with the bot's public address set.
 */
class TeamsTextsTest {

  static final String PUBLIC_URL = "https://scopebot.example.com";
  static final String LONG_QUESTION = "Is AD FS covered for multiple forests? ".repeat(30);

  @TempDir static Path data;
  private static TestServer server;
  private static FakeConnector connector;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data, Engine.DEFAULT_CORPUS, Map.of("SCOPEBOT_PUBLIC_URL", PUBLIC_URL));
    connector = new FakeConnector();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    connector.close();
  }

  /** The one reply to a message, given in the response (expectReplies). */
  private static JsonNode reply(String text) throws Exception {
    ObjectNode ask = TeamsFixtures.message(text, connector.serviceUrl());
    ask.put("deliveryMode", "expectReplies");
    var r = server.postJson("/api/messages", ask.toString());
    assertEquals(200, r.statusCode(), r.body());
    JsonNode activities = JSON.readTree(r.body()).get("activities");
    assertEquals(1, activities.size(), activities.toString());
    return activities.get(0);
  }

  @Test
  void anAnswerShowsItsCardOnceWithTheVerdictFirstInItsSummary() throws Exception {
    JsonNode reply = reply("Who is responsible for SSL certificates?");
    JsonNode card = reply.at("/attachments/0/content");
    assertEquals("👤 Customer's responsibility", card.at("/body/0/text").asText());
    assertTrue(reply.path("text").isMissingNode() || reply.path("text").isNull(), "no text above the card: " + reply);
    assertEquals("👤 Customer's responsibility: " + card.at("/body/1/text").asText(), reply.get("summary").asText());
    // the record's page, to paste into a ticket, under the public address
    boolean page = false;
    for (JsonNode action : card.path("actions")) {
      if (action.path("title").asText().equals("Answer page")) {
        page = action.path("url").asText().matches(java.util.regex.Pattern.quote(PUBLIC_URL) + "/answers/[0-9a-f]{32}");
      }
    }
    assertTrue(page, card.path("actions").toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "hello|Hi! I answer questions about what the FastTrack onboarding benefit covers and who does what, with a verdict",
      "help|How to use Scopebot: I answer questions about what the FastTrack onboarding benefit covers",
      "what changed in the FastTrack responsibilities?|What changed in FastTrack responsibilities, 2018-03-09 → "
          + "2018-12-04: 42 added, 20 removed, 13 reworded, 2 moved.",
      "LONG|That question is too long (over 1000 characters). Ask about one task or service at a time."})
  void aReplyThatIsNoVerdictSaysWhatItIsInItsSummary(String asked, String start) throws Exception {
    JsonNode reply = reply(asked.equals("LONG") ? LONG_QUESTION : asked);
    String summary = reply.get("summary").asText();
    assertTrue(summary.startsWith(start), summary);
    assertFalse(summary.contains("Not in the documents"), summary);
    assertTrue(reply.path("text").isMissingNode() || reply.path("text").isNull(), "no text above the card: " + reply);
  }

  @Test
  void whatChangedLinksItsExamplesAndTheChangesPageWithLabels() throws Exception {
    JsonNode card = reply("what changed in the FastTrack responsibilities?").at("/attachments/0/content");
    String all = card.get("body").toString();
    assertEquals("What changed in FastTrack responsibilities, 2018-03-09 → 2018-12-04: 42 added, 20 removed, "
        + "13 reworded, 2 moved.", card.at("/body/0/text").asText());
    // an example: its statement, then a Markdown link labelled with the revision and line
    Matcher example = Pattern.compile("“ · \\[(2018-12-04|2018-03-09), line (\\d+)]"
        + "\\(https://github\\.com/MicrosoftDocs/EMDocs/blob/[0-9a-f]+/[^)\\s]+\\.md#L(\\d+)\\)")
        .matcher(card.at("/body/1/text").asText().replace("”", "“"));
    assertTrue(example.find(), card.at("/body/1/text").asText());
    assertEquals(example.group(2), example.group(3), "the label names the line the link opens");
    assertTrue(all.contains("[Every change in this step, with both revisions' links](" + PUBLIC_URL
        + "/changes.html?document=ems-fasttrack-responsibilities-2018-12.md&to=ems-fasttrack-responsibilities-2018-12.md)"),
        all);
    assertFalse(all.contains("`"), "no literal backticks: " + all);
    assertFalse(all.contains("scopebot changes") || all.contains("/api/changes"), all);
    assertFalse(Pattern.compile("[^(]https://github").matcher(all).find(), "every GitHub URL is a link: " + all);
  }

  @Test
  void theWelcomeShowsItsCardOnceWithASummary() throws Exception {
    connector.clear();
    ObjectNode added = TeamsFixtures.published("teams_conversationUpdate_bot_added_to_team.json", connector.serviceUrl());
    assertEquals(202, server.postJson("/api/messages", added.toString()).statusCode());
    JsonNode welcome = connector.awaitCall(1).body();
    assertEquals("Hi, I'm Scopebot", welcome.at("/attachments/0/content/body/0/text").asText());
    assertTrue(welcome.path("text").isMissingNode() || welcome.path("text").isNull(), "no text above the card");
    assertTrue(welcome.get("summary").asText().startsWith("Hi, I'm Scopebot: ask me what the FastTrack onboarding "
        + "benefit covers"), welcome.toString());
  }
}
