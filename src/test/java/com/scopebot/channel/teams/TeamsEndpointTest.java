package com.scopebot.channel.teams;

import static com.scopebot.channel.teams.TeamsFixtures.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Engine;
import com.scopebot.server.TestServer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/messages} in emulator mode over real HTTP on loopback, replies going to a fake Bot Connector. */
class TeamsEndpointTest {

  private static final String SSL_QUOTE = "Provide and configure any public Secure Sockets Layer (SSL) certificates.";

  @TempDir static Path data;
  private static TestServer server;
  private static FakeConnector connector;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data, Engine.DEFAULT_CORPUS);
    connector = new FakeConnector();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    connector.close();
  }

  @BeforeEach
  void clearConnector() {
    connector.clear();
  }

  private static HttpResponse<String> post(JsonNode activity) throws Exception {
    return server.postJson("/api/messages", activity.toString());
  }

  private static JsonNode body(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** The card of a reply activity. */
  private static JsonNode card(JsonNode reply) {
    JsonNode attachment = reply.get("attachments").get(0);
    assertEquals(AnswerCard.CONTENT_TYPE, attachment.get("contentType").asText());
    return attachment.get("content");
  }

  @Test
  void answersWithACardInTheResponseWhenRepliesAreExpected() throws Exception {
    ObjectNode ask = TeamsFixtures.message("Who is responsible for SSL certificates?", connector.serviceUrl());
    ask.put("deliveryMode", "expectReplies");
    HttpResponse<String> r = post(ask);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode reply = body(r).get("activities").get(0);
    assertEquals("message", reply.get("type").asText());
    JsonNode card = card(reply);
    assertEquals("👤 Customer's responsibility", card.at("/body/0/text").asText());
    assertEquals("warning", card.at("/body/0/color").asText());
    assertTrue(card.toString().contains(SSL_QUOTE), card.toString());
    assertTrue(card.at("/body/2/items/1/text").asText().startsWith("Your responsibilities"), card.toString());
    assertFalse(card.toString().contains("ems-your-responsibilities-2018-08.md"), "no file names for people: " + card);
    // one pair of thumbs: the card's own (they carry the answer id), not Teams' feedback loop as well
    assertTrue(reply.at("/channelData/feedbackLoopEnabled").isMissingNode(), reply.toString());
    assertEquals("👍 Helpful", card.at("/actions/0/title").asText());
    assertFalse(card.toString().contains("Ask a FastTrack expert"), "no experts' channel, no button: " + card);
    assertTrue(connector.calls().isEmpty(), "expected replies go in the response, not to the connector");
  }

  @Test
  void answersSmallTalkWithWhatItCoversAndNoThumbs() throws Exception {
    ObjectNode hi = TeamsFixtures.message("hello", connector.serviceUrl());
    hi.put("deliveryMode", "expectReplies");
    HttpResponse<String> r = post(hi);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode card = card(body(r).get("activities").get(0));
    assertTrue(card.at("/body/0/text").asText().contains("Documents I read"), card.toString());
    assertTrue(card.path("actions").isMissingNode() || card.path("actions").isEmpty(), "no thumbs: " + card);
  }

  @Test
  void readsAFollowUpAgainstThePreviousQuestionOfTheConversation() throws Exception {
    ObjectNode first = TeamsFixtures.message("Is AD FS covered for multiple forests?", connector.serviceUrl());
    first.put("deliveryMode", "expectReplies");
    assertEquals(200, post(first).statusCode());
    ObjectNode second = TeamsFixtures.message("and for a single forest?", connector.serviceUrl());
    second.put("deliveryMode", "expectReplies");
    JsonNode card = card(body(post(second)).get("activities").get(0));
    assertEquals("✅ In scope", card.at("/body/0/text").asText(), card.toString());
    assertTrue(card.at("/body/1/text").asText().startsWith("Reading this as: Is AD FS covered for a single forest?"),
        card.toString());
  }

  @Test
  void postsTheReplyToTheConnectorAsAReplyToTheQuestion() throws Exception {
    HttpResponse<String> r = post(TeamsFixtures.message("Who is responsible for SSL certificates?", connector.serviceUrl()));
    assertEquals(202, r.statusCode(), r.body());
    FakeConnector.Call call = connector.awaitCall(1);
    assertEquals("POST", call.method());
    assertEquals("/v3/conversations/a:1personal-conversation/activities/1700000000001", call.path());
    assertEquals("1700000000001", call.body().get("replyToId").asText());
    assertEquals("a:1personal-conversation", call.body().at("/conversation/id").asText());
    assertTrue(card(call.body()).toString().contains(SSL_QUOTE));
    assertNull(call.authorization(), "emulator mode sends no token");
  }

  @Test
  void answersAChannelMentionInItsThreadWithTheMentionsStripped() throws Exception {
    ObjectNode ask = TeamsFixtures.published("teams_message_channel_two_at_mentions.json", connector.serviceUrl());
    ask.put("text", "<at>Test Bot 1</at>   <at>TestBot2</at>  Who is responsible for  SSL certificates?");
    assertEquals(202, post(ask).statusCode());
    FakeConnector.Call call = connector.awaitCall(1);
    // the ;messageid= suffix of the conversation id is what keeps the reply in the thread
    assertEquals("/v3/conversations/19:ChannelID@thread.skype;messageid=1493158451000/activities/1493158451219",
        call.path());
    assertTrue(card(call.body()).toString().contains(SSL_QUOTE));
    JsonNode record = JSON.readTree(server.get("/api/answers/"
        + card(call.body()).at("/actions/0/data/answerId").asText()).body());
    assertEquals("Who is responsible for SSL certificates?", record.get("question").asText());
    assertEquals("teams", record.get("channel").asText());
  }

  @Test
  void replaysThePublishedChannelMessages() throws Exception {
    for (String name : List.of("teams_message_channel_two_at_mentions.json",
        "teams_message_channel_at_mention_channeldata.json",
        "teams_message_card_action_value_trailing_comma_removed.json")) {
      connector.clear();
      HttpResponse<String> r = post(TeamsFixtures.published(name, connector.serviceUrl()));
      assertEquals(202, r.statusCode(), name + ": " + r.body());
      FakeConnector.Call call = connector.awaitCall(1);
      assertTrue(call.path().startsWith("/v3/conversations/19:"), call.path());
      assertEquals(AnswerCard.CONTENT_TYPE, call.body().at("/attachments/0/contentType").asText(), name);
    }
    // the question of the two-mention fixture is what is left once both mentions are gone
    assertEquals("TestMessage", ScopeBot.question(TeamsFixtures.published("teams_message_channel_two_at_mentions.json",
        "").get("text").asText()));
  }

  @Test
  void refusesTheVerbatimPublishedInvalidJson() throws Exception {
    String invalid = TeamsFixtures.raw("teams_message_card_action_value_VERBATIM_invalid.jsonc")
        .replace("https://smba.trafficmanager.net/amer-client-ss.msg/", connector.serviceUrl());
    HttpResponse<String> r = server.postJson("/api/messages", invalid);
    assertEquals(400, r.statusCode());
    // the published sample's trailing comma, before the closing brace on line 43
    assertEquals("invalid activity JSON at line 43, column 1: Unexpected character ('}' (code 125)): was expecting "
        + "double-quote to start field name", body(r).get("error").asText());
    assertTrue(connector.calls().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-11-22T22:00:00Z", "2026-11-22T22:00:00+00:00", "2026-11-22T22:00:00.1234567Z",
      "2026-11-22T23:00:00.123+01:00", "2026-11-22T22:00:00.000Z", "2026-11-22T22:00:00+0000", "2026-11-22T22:00:00"})
  void acceptsEveryTimestampFormTheBotFrameworkAndEmulatorSend(String timestamp) throws Exception {
    ObjectNode ask = TeamsFixtures.message("Who is responsible for SSL certificates?", connector.serviceUrl());
    ask.put("deliveryMode", "expectReplies").put("timestamp", timestamp).put("localTimestamp", timestamp);
    HttpResponse<String> r = post(ask);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(card(body(r).get("activities").get(0)).toString().contains(SSL_QUOTE));
  }

  @Test
  void saysWhatIsWrongWithAnActivityWithoutEchoingIt() throws Exception {
    ObjectNode ask = TeamsFixtures.message("Who is responsible for SSL certificates?", connector.serviceUrl());
    ask.put("timestamp", "yesterday " + "x".repeat(100_000));
    HttpResponse<String> r = post(ask);
    assertEquals(400, r.statusCode());
    String error = body(r).get("error").asText();
    assertTrue(error.startsWith("invalid activity JSON at line 1, column "), error);
    assertTrue(error.contains("(\"timestamp\")") && error.contains("expected an ISO-8601 date-time"), error);
    assertTrue(r.body().length() < 500, "the value is not echoed: " + r.body().length() + " characters");
    HttpResponse<String> cut = server.postJson("/api/messages", "{\"type\": ");
    assertEquals("invalid activity JSON at line 1, column 10: Unexpected end-of-input within/between Object entries",
        body(cut).get("error").asText());
  }

  @Test
  void welcomesWhenAddedToATeam() throws Exception {
    ObjectNode added = TeamsFixtures.published("teams_conversationUpdate_bot_added_to_team.json", connector.serviceUrl());
    assertEquals("29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI....", added.at("/from/id").asText(), "the published cut id");
    assertEquals(202, post(added).statusCode());
    FakeConnector.Call call = connector.awaitCall(1);
    assertEquals("/v3/conversations/19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2/activities/"
        + "f:0b9079f4-d4d3-3d8e-b883-798298053c7e", call.path());
    JsonNode card = card(call.body());
    assertTrue(card.toString().contains("2018-12-04"), "lists documents with their revisions: " + card);
    List<String> examples = new ArrayList<>();
    card.get("actions").forEach(a -> examples.add(a.at("/data/msteams/value").asText()));
    assertEquals(WelcomeCard.EXAMPLES, examples);
  }

  @Test
  void saysNothingWhenSomeoneElseJoins() throws Exception {
    ObjectNode joined = TeamsFixtures.published("teams_conversationUpdate_bot_added_to_team.json", connector.serviceUrl());
    ((ObjectNode) joined.get("membersAdded").get(0)).put("id", "29:someone-else");
    assertEquals(202, post(joined).statusCode());
    Thread.sleep(100);
    assertTrue(connector.calls().isEmpty());
  }

  @Test
  void recordsFeedbackFromTheCardButtons() throws Exception {
    ObjectNode ask = TeamsFixtures.message("Who is responsible for SSL certificates?", connector.serviceUrl());
    ask.put("deliveryMode", "expectReplies");
    JsonNode card = card(body(post(ask)).get("activities").get(0));
    // 👎 is a ShowCard with a reason input; Teams merges the inputs into the submit data
    JsonNode down = card.get("actions").get(1);
    assertEquals("Action.ShowCard", down.get("type").asText());
    ObjectNode value = down.at("/card/actions/0/data").deepCopy();
    value.put("reason", "wrong document");
    String answerId = value.get("answerId").asText();

    ObjectNode submit = TeamsFixtures.message(null, connector.serviceUrl());
    submit.remove("text");
    submit.set("value", value);
    submit.put("replyToId", "reply-9");
    assertEquals(202, post(submit).statusCode());
    FakeConnector.Call thanks = connector.awaitCall(1);
    assertTrue(thanks.body().get("text").asText().startsWith("Thanks"), thanks.body().toString());

    JsonNode record = JSON.readTree(server.get("/api/answers/" + answerId).body());
    JsonNode feedback = record.get("feedback").get(0);
    assertFalse(feedback.get("helpful").asBoolean());
    assertEquals("wrong document", feedback.get("reason").asText());
    assertEquals("teams", feedback.get("channel").asText());
  }

  @Test
  void recordsTeamsFeedbackLoopReactionsAgainstTheAnsweredMessage() throws Exception {
    assertEquals(202, post(TeamsFixtures.message("Is AD FS covered for multiple forests?", connector.serviceUrl()))
        .statusCode());
    FakeConnector.Call reply = connector.awaitCall(1);
    String answerId = card(reply.body()).at("/actions/0/data/answerId").asText();

    // the published fragment's shape, completed into an activity, with the current docs' value (feedback as a
    // JSON string inside the JSON); replyToId names the message the connector gave our reply
    ObjectNode invoke = TeamsFixtures.message(null, connector.serviceUrl());
    invoke.remove("text");
    ObjectNode fragment = TeamsFixtures.published("teams_invoke_message_submitAction_feedback_FRAGMENT.json", "");
    invoke.put("type", "invoke").put("name", fragment.get("name").asText()).put("replyToId", reply.returnedId());
    invoke.set("value", JSON.readTree(TeamsFixtures.raw("teams_invoke_message_submitAction_value_current_docs.json")));
    HttpResponse<String> r = post(invoke);
    assertEquals(200, r.statusCode());
    assertEquals("", r.body(), "Teams wants an empty body");

    JsonNode feedback = JSON.readTree(server.get("/api/answers/" + answerId).body()).get("feedback").get(0);
    assertTrue(feedback.get("helpful").asBoolean());
    assertEquals("This is my feedback.", feedback.get("reason").asText());
  }

  @Test
  void answersTheFeedbackLoopEvenForAForgottenMessage() throws Exception {
    ObjectNode invoke = TeamsFixtures.message(null, connector.serviceUrl());
    invoke.put("type", "invoke").put("name", "message/submitAction").put("replyToId", "unknown-message");
    invoke.set("value", TeamsFixtures.published("teams_invoke_message_submitAction_feedback_FRAGMENT.json", "")
        .get("value"));
    assertEquals(200, post(invoke).statusCode());
  }

  @Test
  void answersTheFeedbackLoopOfAnOldMessageWhateverItCarries() throws Exception {
    for (String value : List.of("{}", "{\"actionName\":\"feedback\",\"actionValue\":{\"reaction\":\"love\"}}",
        "{\"actionName\":\"something-new\"}")) {
      ObjectNode invoke = TeamsFixtures.message(null, connector.serviceUrl());
      invoke.put("type", "invoke").put("name", "message/submitAction").put("replyToId", "old-message");
      invoke.set("value", JSON.readTree(value));
      HttpResponse<String> r = post(invoke);
      assertEquals(200, r.statusCode(), value);
      assertEquals("", r.body(), value);
    }
    assertTrue(connector.calls().isEmpty());
  }

  @Test
  void neverLogsAnActivitysNameRaw() throws Exception {
    // the reply goes to a port where nothing listens, so the turn fails and its type and name are logged
    ObjectNode message = TeamsFixtures.message("Is AD FS covered for multiple forests?", "http://127.0.0.1:9/");
    message.put("name", "x\n12:00:00 ERROR ScopeServer - forged entry");
    String log = com.scopebot.LogCapture.during(() -> {
      post(message);
      Thread.sleep(200);
      return null;
    }).log();
    assertTrue(log.contains("Teams turn failed (message x\\n12:00:00 ERROR ScopeServer - forged entry)"), log);
    assertTrue(log.lines().noneMatch(l -> l.startsWith("12:00:00 ERROR")), log);
  }

  @Test
  void refusesACardActionWithoutAnActionTypeWith400() throws Exception {
    for (String value : List.of("{}", "{\"action\":{}}", "{\"action\":{\"type\":null,\"verb\":\"x\"}}")) {
      ObjectNode invoke = TeamsFixtures.message(null, connector.serviceUrl());
      invoke.put("type", "invoke").put("name", "adaptiveCard/action");
      invoke.set("value", JSON.readTree(value));
      HttpResponse<String> r = post(invoke);
      assertEquals(400, r.statusCode(), value + " -> " + r.body());
      JsonNode error = body(r);
      assertEquals("application/vnd.microsoft.error", error.path("type").asText(), r.body());
      assertEquals("BadRequest", error.path("value").path("code").asText(), r.body());
    }
    assertTrue(connector.calls().isEmpty());
  }

  @Test
  void searchesCitedStatementsForTheMessageExtension() throws Exception {
    ObjectNode query = TeamsFixtures.published("teams_invoke_composeExtension_query_docs.json", connector.serviceUrl());
    ((ObjectNode) query.at("/value/parameters/0")).put("value", "SSL certificates");
    HttpResponse<String> r = post(query);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode result = body(r).get("composeExtension");
    assertEquals("result", result.get("type").asText());
    assertEquals("list", result.get("attachmentLayout").asText());
    JsonNode first = result.get("attachments").get(0);
    assertEquals(SSL_QUOTE, first.at("/content/body/0/items/0/text").asText().replaceAll("^“|”$", ""));
    assertEquals("application/vnd.microsoft.card.thumbnail", first.at("/preview/contentType").asText());
    assertTrue(first.at("/preview/content/text").asText().startsWith("Your responsibilities"), first.toString());
    assertTrue(connector.calls().isEmpty(), "an invoke is answered in the response");
  }

  @Test
  void replaysThePublishedQueriesVerbatim() throws Exception {
    for (String name : List.of("teams_invoke_composeExtension_query_docs.json",
        "teams_invoke_composeExtension_query_sdkfixture.json")) {
      HttpResponse<String> r = post(TeamsFixtures.published(name, connector.serviceUrl()));
      assertEquals(200, r.statusCode(), name + ": " + r.body());
      assertEquals("result", body(r).at("/composeExtension/type").asText());
      assertTrue(body(r).at("/composeExtension/attachments").isArray());
    }
  }

  @Test
  void offersCommonTopicsOnTheInitialRun() throws Exception {
    ObjectNode query = TeamsFixtures.published("teams_invoke_composeExtension_query_docs.json", connector.serviceUrl());
    ObjectNode p = (ObjectNode) query.at("/value/parameters/0");
    p.put("name", "initialRun").put("value", "true");
    HttpResponse<String> r = post(query);
    assertEquals(200, r.statusCode());
    JsonNode attachments = body(r).at("/composeExtension/attachments");
    assertEquals(WelcomeCard.EXAMPLES.size(), attachments.size());
    assertTrue(attachments.toString().contains(SSL_QUOTE));
  }

  @Test
  void refusesANonLoopbackServiceUrlWithoutConnectingAnywhere() throws Exception {
    double answered = teamsAnswers();
    long start = System.nanoTime();
    HttpResponse<String> r = post(TeamsFixtures.message("Who is responsible for SSL certificates?",
        "https://example.invalid/"));
    assertEquals(403, r.statusCode());
    assertTrue(body(r).get("error").asText().contains("serviceUrl on this machine"), r.body());
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused before any lookup or connection");
    // the bot never saw it: no answer was computed
    assertEquals(answered, teamsAnswers());
  }

  private static double teamsAnswers() {
    return server.server().service().metrics().registry().find("scopebot.answers").tags("channel", "teams")
        .counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Test
  void refusesPublishedActivitiesThatNameTheRealConnector() throws Exception {
    String verbatim = TeamsFixtures.raw("teams_message_channel_two_at_mentions.json");
    HttpResponse<String> r = server.postJson("/api/messages", verbatim);
    assertEquals(403, r.statusCode());
  }

  @Test
  void refusesCallersOnOtherMachinesInEmulatorMode() throws Exception {
    InetAddress external = externalAddress();
    Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
    try (TestServer open = TestServer.start(data.resolve("open"), Engine.DEFAULT_CORPUS, "0.0.0.0")) {
      URI uri = URI.create("http://" + external.getHostAddress() + ":" + open.server().uri().getPort() + "/api/messages");
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  TeamsFixtures.message("Who is responsible for SSL certificates?", connector.serviceUrl()).toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(403, r.statusCode(), r.body());
      assertTrue(r.body().contains("from this machine only"), r.body());
    }
    assertTrue(connector.calls().isEmpty());
  }

  private static InetAddress externalAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return a;
        }
      }
    }
    return null;
  }

  @Test
  void capsTheBodyAndRefusesNonsense() throws Exception {
    HttpResponse<String> big = server.postJson("/api/messages",
        TeamsFixtures.message("x".repeat(300 * 1024), connector.serviceUrl()).toString());
    assertEquals(413, big.statusCode());
    assertTrue(body(big).get("error").asText().contains("262144"), big.body());
    HttpResponse<String> bad = server.postJson("/api/messages", "{\"type\": ");
    assertEquals(400, bad.statusCode());
    assertFalse(bad.body().contains("Exception"), bad.body());
    assertEquals(400, server.postJson("/api/messages", "{}").statusCode());
    assertEquals(405, server.get("/api/messages").statusCode());
  }
}
