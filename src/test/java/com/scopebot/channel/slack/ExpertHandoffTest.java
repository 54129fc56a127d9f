package com.scopebot.channel.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Engine;
import com.scopebot.channel.teams.FakeConnector;
import com.scopebot.channel.teams.TeamsFixtures;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Ask a FastTrack expert" end to end on loopback: a question asked in Teams (emulator mode, replies to a fake Bot
 * Connector), in a Slack thread or in the web chat goes to the experts' Slack channel (a fake Slack Web API), and an
 * expert's answer, a signed Slack event or the Answer modal, comes back where it was asked, as a person's answer.
 */
class ExpertHandoffTest {

  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String EXPERTS = "C0EXPERTS1";
  static final String PUBLIC_URL = "https://scopebot.example.com";
  static final String UNKNOWN = "Does FastTrack migrate SharePoint on-premises sites?";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong IDS = new AtomicLong(1000);

  @TempDir static Path data;
  private static FakeSlackApi slack;
  private static FakeConnector connector;
  private static ScopeServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    slack = new FakeSlackApi();
    connector = new FakeConnector();
    server = ScopeServer.create(Config.fromEnv(settings(data, slack, null)).withCorpus(Engine.DEFAULT_CORPUS)).start();
  }

  /** A server with Slack and an experts' channel, Teams in emulator mode; more settings win. */
  static Map<String, String> settings(Path data, FakeSlackApi slack, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(Map.of("SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0",
        "SCOPEBOT_DATA_DIR", data.toString(), "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", "xoxb-test-token",
        "SCOPEBOT_SLACK_API_URL", slack.apiUrl(), "SCOPEBOT_PUBLIC_URL", PUBLIC_URL,
        "SCOPEBOT_EXPERTS_CHANNEL", EXPERTS));
    if (more != null) {
      env.putAll(more);
    }
    return env;
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    slack.close();
    connector.close();
  }

  // --- the channels, as their clients call them

  static HttpResponse<String> post(URI base, String path, String contentType, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request signed as Slack signs it, with a timestamp of its own (a retry is signed anew). */
  static HttpResponse<String> slackSigned(URI base, String body, String contentType, long skew, String... headers)
      throws Exception {
    long now = System.currentTimeMillis() / 1000 + skew;
    String[] all = new String[headers.length + 4];
    all[0] = "X-Slack-Request-Timestamp";
    all[1] = Long.toString(now);
    all[2] = "X-Slack-Signature";
    all[3] = SlackSigner.sign(SECRET, now, body);
    System.arraycopy(headers, 0, all, 4, headers.length);
    return post(base, "/slack/events", contentType, body, all);
  }

  static String interactive(ObjectNode payload) {
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  /** An expert's message in a thread of the experts' channel, as Slack's Events API delivers it. */
  static String threadMessage(String threadTs, String text) {
    ObjectNode envelope = JSON.createObjectNode().put("token", "t").put("team_id", "T111").put("api_app_id", "A111")
        .put("type", "event_callback").put("event_id", "Ev" + IDS.incrementAndGet()).put("event_time", 1700000000);
    envelope.putObject("event").put("type", "message").put("channel", EXPERTS).put("channel_type", "channel")
        .put("user", "U0EXPERT").put("text", text).put("ts", "1700000099." + IDS.incrementAndGet())
        .put("thread_ts", threadTs);
    return envelope.toString();
  }

  /** A button pressed in Slack (on an answer, or on the experts' post). */
  static ObjectNode click(String actionId, String value, String responseUrl) {
    ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("trigger_id", "trig." + IDS.incrementAndGet())
        .put("response_url", responseUrl);
    p.putObject("user").put("id", "U0EXPERT").put("username", "ada");
    p.putObject("team").put("id", "T111");
    p.putObject("channel").put("id", EXPERTS);
    p.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b").put("value", value)
        .put("type", "button").put("action_ts", "1700000000.1");
    return p;
  }

  /** The experts' post of a question (waits for it), and the timestamp that names its thread. */
  static FakeSlackApi.Call expertPost(FakeSlackApi slack, String question) throws Exception {
    return slack.await("chat.postMessage", c -> EXPERTS.equals(c.params().get("channel"))
        && c.params().get("thread_ts") == null && String.valueOf(c.params().get("blocks")).contains(question));
  }

  static String ts(FakeSlackApi.Call post) {
    try {
      return JSON.readTree(post.reply()).get("ts").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A message's blocks as JSON text without Slack's client's escapes of {@code <} and {@code '}. */
  static String blocks(FakeSlackApi.Call post) {
    try {
      return JSON.readTree(post.params().get("blocks")).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static long expertPosts(FakeSlackApi slack, String question) {
    return slack.calls("chat.postMessage").stream().filter(c -> EXPERTS.equals(c.params().get("channel"))
        && c.params().get("thread_ts") == null && String.valueOf(c.params().get("blocks")).contains(question)).count();
  }

  /** The answer id of a Slack answer's "Answer page" button. */
  static String answerPageId(String blocks) throws java.io.IOException {
    for (JsonNode block : JSON.readTree(blocks)) {
      for (JsonNode e : block.path("elements")) {
        if ("open_answer_page".equals(e.path("action_id").asText())) {
          String url = e.path("url").asText();
          return url.substring(url.lastIndexOf('/') + 1);
        }
      }
    }
    throw new AssertionError("no answer page button: " + blocks);
  }

  static JsonNode record(URI base, String id) throws Exception {
    return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/answers/" + id))
        .build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  /** Waits up to five seconds for the record's hand-off to have a reply that went on (or could not). */
  static JsonNode repliedRecord(URI base, String id) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    JsonNode r = record(base, id);
    while ((r.path("handoff").path("replies").isEmpty()
        || "pending".equals(r.at("/handoff/replies/0/delivery").asText())) && System.nanoTime() < deadline) {
      Thread.sleep(30);
      r = record(base, id);
    }
    return r;
  }

  private static String teamsAsk(String question, String conversation) throws Exception {
    connector.clear();
    ObjectNode ask = TeamsFixtures.message(question, connector.serviceUrl());
    ((ObjectNode) ask.get("conversation")).put("id", conversation);
    assertEquals(202, post(server.uri(), "/api/messages", "application/json", ask.toString()).statusCode());
    return askExpertId(connector.awaitCall(1));
  }

  /**
   * The answer id a card carries: its "Ask a FastTrack expert" button's, or — for an answer the documents don't give,
   * which went to the experts by itself and says so instead of offering the button — its answer page's.
   */
  static String askExpertId(FakeConnector.Call reply) {
    JsonNode card = reply.body().at("/attachments/0/content");
    for (JsonNode a : card.path("actions")) {
      if ("Ask a FastTrack expert".equals(a.path("title").asText())) {
        assertEquals("handoff", a.at("/data/action").asText());
        return a.at("/data/answerId").asText();
      }
    }
    assertTrue(card.toString().contains(com.scopebot.service.Experts.HANDED_OFF),
        "the card offers an expert, or says the question went to them: " + reply.body());
    for (JsonNode a : card.path("actions")) {
      if ("Answer page".equals(a.path("title").asText())) {
        String url = a.path("url").asText();
        return url.substring(url.lastIndexOf('/') + 1);
      }
    }
    throw new AssertionError("no answer id on the card: " + reply.body());
  }

  private static FakeConnector.Call teamsPress(String answerId, String conversation) throws Exception {
    connector.clear();
    ObjectNode press = TeamsFixtures.message(null, connector.serviceUrl());
    press.remove("text");
    ((ObjectNode) press.get("conversation")).put("id", conversation);
    press.putObject("value").put("action", "handoff").put("answerId", answerId);
    assertEquals(202, post(server.uri(), "/api/messages", "application/json", press.toString()).statusCode());
    return connector.awaitCall(1);
  }

  /** A question asked in a web chat tab and handed to the experts: its answer id. */
  private static String webHandOff(String question, String conversation) throws Exception {
    String id = JSON.readTree(post(server.uri(), "/api/ask", "application/json", JSON.createObjectNode()
        .put("question", question).put("channel", "web").put("conversation", conversation).toString()).body())
        .get("id").asText();
    assertEquals(202, post(server.uri(), "/api/answers/" + id + "/handoff", "application/json", "").statusCode());
    return id;
  }

  // --- the tests

  @Test
  void anUnknownTeamsAnswerGoesToTheExpertsAndTheirThreadReplyComesBackToTheTeamsConversation() throws Exception {
    String conversation = "a:1teams-unknown";
    String id = teamsAsk(UNKNOWN, conversation);
    assertEquals("unknown", record(server.uri(), id).get("verdict").asText());
    // the documents don't answer it: it goes to the experts by itself, no button needed
    FakeSlackApi.Call post = expertPost(slack, UNKNOWN);
    String blocks = blocks(post);
    assertTrue(blocks.contains("the documents don't answer it"), "why: " + blocks);
    assertTrue(blocks.contains("Teams, a personal chat, asked by Ada"), "where it was asked: " + blocks);
    assertTrue(blocks.contains("The documents don"), "the bot's answer: " + blocks);
    for (String button : List.of("\"Answer\"", "Not in scope of FastTrack", "Assign to me")) {
      assertTrue(blocks.contains(button), button + " in " + blocks);
    }
    assertTrue(blocks.contains(PUBLIC_URL + "/answers/" + id), "links the record: " + blocks);

    // the button pressed all the same: the experts already have it, nothing is posted twice
    FakeConnector.Call again = teamsPress(id, conversation);
    assertTrue(again.body().path("text").asText().contains("already have this question"), again.body().toString());

    connector.clear();
    String reply = threadMessage(ts(post), "Yes: FastTrack guides SharePoint Server 2013+ migrations to SharePoint Online.");
    assertEquals(200, slackSigned(server.uri(), reply, "application/json", 0).statusCode());
    // Slack retries the same event (signed anew, marked as a retry): no second message anywhere
    assertEquals(200, slackSigned(server.uri(), reply, "application/json", 1, "X-Slack-Retry-Num", "1",
        "X-Slack-Retry-Reason", "http_timeout").statusCode());

    FakeConnector.Call proactive = connector.awaitCall(1);
    assertTrue(proactive.path().startsWith("/v3/conversations/" + conversation + "/activities"),
        "in the conversation it was asked in: " + proactive.path());
    JsonNode card = proactive.body().at("/attachments/0/content");
    assertEquals("👤 Answer from a FastTrack expert, Ada Lovelace", card.at("/body/0/text").asText(), card.toString());
    assertTrue(card.at("/body/1/text").asText().startsWith("Yes: FastTrack guides SharePoint"), card.toString());
    assertEquals(PUBLIC_URL + "/answers/" + id, card.at("/actions/0/url").asText());

    JsonNode r = repliedRecord(server.uri(), id);
    assertEquals("unknown", r.at("/handoff/cause").asText(), r.toString());
    assertEquals("answered", r.at("/handoff/status").asText(), r.toString());
    assertEquals(1, r.at("/handoff/replies").size(), r.toString());
    assertEquals("Ada Lovelace", r.at("/handoff/replies/0/author").asText());
    assertEquals("delivered", r.at("/handoff/replies/0/delivery").asText());
    assertFalse(r.toString().contains("serviceUrl"), "the conversation reference stays private: " + r);
    slack.await("chat.postMessage", c -> ts(post).equals(c.params().get("thread_ts"))
        && c.params().get("text").contains("Sent to the asker"));
    Thread.sleep(300);
    assertEquals(1, connector.calls().size(), "one proactive message for an event delivered twice");
    assertEquals(1, expertPosts(slack, UNKNOWN), "one experts' post for a question handed off twice");
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher handedOff = java.util.regex.Pattern
        .compile("scopebot_gaps_total\\{outcome=\"handoff\"} (\\d+)").matcher(metrics);
    assertTrue(handedOff.find() && Integer.parseInt(handedOff.group(1)) >= 1, "a hand-off is a gap: " + metrics);
  }

  @Test
  void aTeamsConversationThatIsGoneIsReportedInTheExpertsThread() throws Exception {
    String conversation = "a:1teams-gone";
    String question = "Who is responsible for SSL certificates?";
    String id = teamsAsk(question, conversation);
    teamsPress(id, conversation);
    FakeSlackApi.Call post = expertPost(slack, question);
    connector.gone(conversation);
    assertEquals(200, slackSigned(server.uri(), threadMessage(ts(post), "The customer provides them."),
        "application/json", 0).statusCode());
    FakeSlackApi.Call note = slack.await("chat.postMessage", c -> ts(post).equals(c.params().get("thread_ts")));
    assertTrue(note.params().get("text").contains("conversation is gone"), note.params().get("text"));
    JsonNode r = repliedRecord(server.uri(), id);
    assertEquals("gone", r.at("/handoff/replies/0/delivery").asText(), r.toString());
    assertEquals("The customer provides them.", r.at("/handoff/replies/0/text").asText());
  }

  @Test
  void aSlackThreadQuestionGetsTheAnswerModalsReplyInItsThread() throws Exception {
    ObjectNode mention = JSON.createObjectNode().put("token", "t").put("team_id", "T111").put("api_app_id", "A111")
        .put("type", "event_callback").put("event_id", "Ev" + IDS.incrementAndGet()).put("event_time", 1700000000);
    mention.putObject("event").put("type", "app_mention").put("channel", "C0ASKERS1").put("user", "U0ASKER")
        .put("text", "<@U222> Who configures DNS for Exchange Online?").put("ts", "1700000500.000001")
        .put("thread_ts", "1700000400.000001");
    assertEquals(200, slackSigned(server.uri(), mention.toString(), "application/json", 0).statusCode());
    FakeSlackApi.Call answer = slack.await("chat.postMessage", c -> "C0ASKERS1".equals(c.params().get("channel")));
    // the documents don't answer it: no button, a line saying it went to the experts, who get it by themselves
    assertTrue(blocks(answer).contains(com.scopebot.service.Experts.HANDED_OFF), blocks(answer));
    assertFalse(blocks(answer).contains(ExpertPost.ASK), blocks(answer));
    String id = answerPageId(blocks(answer));
    FakeSlackApi.Call post = expertPost(slack, "Who configures DNS for Exchange Online?");
    assertTrue(blocks(post).contains("Slack, a thread in <#C0ASKERS1>"), blocks(post));

    // the expert presses Answer: a modal; its submission goes to the asker's thread
    assertEquals(200, slackSigned(server.uri(), interactive(click(ExpertPost.ANSWER, id, slack.responseUrl("a"))),
        "application/x-www-form-urlencoded", 0).statusCode());
    FakeSlackApi.Call open = slack.await("views.open", c -> c.params().get("view").contains(id));
    assertTrue(open.params().get("view").contains(ExpertPost.ANSWER_VIEW), open.params().get("view"));
    ObjectNode submission = JSON.createObjectNode().put("type", "view_submission");
    submission.putObject("team").put("id", "T111");
    submission.putObject("user").put("id", "U0EXPERT");
    ObjectNode view = submission.putObject("view").put("id", "V0MODAL1").put("callback_id", ExpertPost.ANSWER_VIEW)
        .put("private_metadata", id).put("type", "modal");
    view.putObject("state").putObject("values").putObject("answer").putObject("answer")
        .put("type", "plain_text_input").put("value", "Your DNS provider's admin does: FastTrack guides it.");
    assertEquals(200, slackSigned(server.uri(), interactive(submission), "application/x-www-form-urlencoded", 0)
        .statusCode());
    FakeSlackApi.Call back = slack.await("chat.postMessage", c -> "C0ASKERS1".equals(c.params().get("channel"))
        && String.valueOf(c.params().get("text")).startsWith("👤 Answer from a FastTrack expert"));
    assertEquals("1700000400.000001", back.params().get("thread_ts"), "in the asker's thread");
    assertTrue(blocks(back).contains("*👤 Answer from a FastTrack expert, Ada Lovelace*"),
        blocks(back));
    assertTrue(blocks(back).contains(PUBLIC_URL + "/answers/" + id), blocks(back));
    JsonNode r = repliedRecord(server.uri(), id);
    assertEquals("delivered", r.at("/handoff/replies/0/delivery").asText(), r.toString());
    assertEquals("Your DNS provider's admin does: FastTrack guides it.", r.at("/handoff/replies/0/text").asText());
  }

  @Test
  void mentionsInTheAskersWordsOrTheExpertsReplyPingNobodyAndTheAskerGetsWhatTheRecordKeeps() throws Exception {
    String question = "<!channel> who renews the SSL certificate for AD FS?";
    ObjectNode mention = JSON.createObjectNode().put("token", "t").put("team_id", "T111").put("api_app_id", "A111")
        .put("type", "event_callback").put("event_id", "Ev" + IDS.incrementAndGet()).put("event_time", 1700000000);
    mention.putObject("event").put("type", "app_mention").put("channel", "C0ASKERS2").put("user", "U0ASKER")
        .put("text", "<@U222> &lt;!channel&gt; who renews the SSL certificate for AD FS?")
        .put("ts", "1700000600.000001").put("thread_ts", "1700000600.000001");
    assertEquals(200, slackSigned(server.uri(), mention.toString(), "application/json", 0).statusCode());
    FakeSlackApi.Call answer = slack.await("chat.postMessage", c -> "C0ASKERS2".equals(c.params().get("channel")));
    String id = JSON.readTree(blocks(answer)).findValues("value").get(0).asText();
    assertEquals(202, post(server.uri(), "/api/answers/" + id + "/handoff", "application/json", "").statusCode());
    FakeSlackApi.Call posted = expertPost(slack, "who renews the SSL certificate for AD FS?");
    assertFalse(posted.params().get("text").contains("<!channel>"), "the asker pings no expert: " + posted.params());
    assertTrue(posted.params().get("text").contains("&lt;!channel&gt;"), posted.params().get("text"));

    String reply = "<!here> the customer does. " + "More detail follows. ".repeat(300);
    assertEquals(200, slackSigned(server.uri(), threadMessage(ts(posted), reply), "application/json", 0)
        .statusCode());
    FakeSlackApi.Call back = slack.await("chat.postMessage", c -> "C0ASKERS2".equals(c.params().get("channel"))
        && String.valueOf(c.params().get("text")).startsWith("👤 Answer from a FastTrack expert"));
    assertFalse(back.params().get("text").contains("<!here>"), "the expert pings no one: " + back.params());
    assertFalse(blocks(back).contains("<!here>"), blocks(back));
    JsonNode r = repliedRecord(server.uri(), id);
    String kept = r.at("/handoff/replies/0/text").asText();
    assertEquals(com.scopebot.records.Handoffs.MAX_REPLY_CHARS, kept.length(), r.toString());
    assertTrue(back.params().get("text").length() <= 3000, "a notification's text within Slack's limit");
  }

  @Test
  void aWebChatQuestionIsHandedOffOnceAndTheExpertsWordIsKeptForTheTab() throws Exception {
    String question = "Is AD FS covered for multiple forests?";
    JsonNode asked = JSON.readTree(post(server.uri(), "/api/ask", "application/json", JSON.createObjectNode()
        .put("question", question).put("channel", "web").put("conversation", "tab-expert-1").toString()).body());
    String id = asked.get("id").asText();
    assertTrue(record(server.uri(), id).get("handsOff").asBoolean(), "the chat may offer an expert");
    HttpResponse<String> first = post(server.uri(), "/api/answers/" + id + "/handoff", "application/json", "");
    assertEquals(202, first.statusCode(), first.body());
    assertEquals("posted", JSON.readTree(first.body()).get("handoff").asText());
    assertEquals("already", JSON.readTree(post(server.uri(), "/api/answers/" + id + "/handoff", "application/json", "")
        .body()).get("handoff").asText());
    FakeSlackApi.Call post = expertPost(slack, question);
    assertTrue(blocks(post).contains("the web chat, conversation tab-expert-1"),
        blocks(post));

    assertEquals(200, slackSigned(server.uri(), interactive(click(ExpertPost.NOT_IN_SCOPE, id, slack.responseUrl("n"))),
        "application/x-www-form-urlencoded", 0).statusCode());
    JsonNode r = repliedRecord(server.uri(), id);
    assertEquals("not_in_scope", r.at("/handoff/status").asText(), r.toString());
    assertEquals(ExpertDesk.NOT_IN_SCOPE_TEXT, r.at("/handoff/replies/0/text").asText());
    assertEquals("stored", r.at("/handoff/replies/0/delivery").asText(), "the tab reads it from the record");
    assertEquals(1, expertPosts(slack, question));
  }

  @Test
  void anExpertMentioningTheBotInTheThreadIsPassedOnNotAnsweredAndTheBotsOwnNotesAreNoReplies() throws Exception {
    String question = "Who installs the Intune connector?";
    String id = webHandOff(question, "tab-mention");
    FakeSlackApi.Call post = expertPost(slack, question);
    // Slack sends a mention in a channel twice: as app_mention and as a message
    String message = threadMessage(ts(post), "<@U222> the customer does, with our guidance.");
    ObjectNode mention = (ObjectNode) JSON.readTree(message);
    mention.put("event_id", "Ev" + IDS.incrementAndGet());
    ((ObjectNode) mention.get("event")).put("type", "app_mention").remove("channel_type");
    assertEquals(200, slackSigned(server.uri(), mention.toString(), "application/json", 0).statusCode());
    assertEquals(200, slackSigned(server.uri(), message, "application/json", 0).statusCode());
    JsonNode r = repliedRecord(server.uri(), id);
    assertEquals("the customer does, with our guidance.", r.at("/handoff/replies/0/text").asText(), r.toString());
    // the bot's own note in the thread comes back as an event too: it is nobody's answer
    ObjectNode own = (ObjectNode) JSON.readTree(threadMessage(ts(post), "Kept for the asker: the web chat shows it."));
    ((ObjectNode) own.get("event")).put("bot_id", "B222").put("subtype", "bot_message");
    assertEquals(200, slackSigned(server.uri(), own.toString(), "application/json", 0).statusCode());
    Thread.sleep(300);
    assertEquals(1, record(server.uri(), id).at("/handoff/replies").size(), "the bot's own message is no reply");
    assertEquals(1, slack.calls("chat.postMessage").stream()
        .filter(c -> ts(post).equals(c.params().get("thread_ts"))).count(), "only the bot's note, no answer to it");
  }

  @Test
  void anExpertsReplyAlsoSentToTheChannelIsPassedOnToo() throws Exception {
    String question = "Who sets up the Azure AD Connect server?";
    String id = webHandOff(question, "tab-broadcast");
    FakeSlackApi.Call post = expertPost(slack, question);
    ObjectNode broadcast = (ObjectNode) JSON.readTree(threadMessage(ts(post), "The customer does; we guide it."));
    ((ObjectNode) broadcast.get("event")).put("subtype", "thread_broadcast");
    assertEquals(200, slackSigned(server.uri(), broadcast.toString(), "application/json", 0).statusCode());
    JsonNode r = repliedRecord(server.uri(), id);
    assertEquals("The customer does; we guide it.", r.at("/handoff/replies/0/text").asText(), r.toString());
  }

  @Test
  void aThumbsDownHandsTheQuestionOffWithItsReason() throws Exception {
    String question = "Who is responsible for SSL certificates in the web chat?";
    String id = JSON.readTree(post(server.uri(), "/api/ask", "application/json", JSON.createObjectNode()
        .put("question", question).put("channel", "web").toString()).body()).get("id").asText();
    assertEquals(204, post(server.uri(), "/api/answers/" + id + "/feedback", "application/json",
        "{\"helpful\": false, \"reason\": \"my partner does this\", \"channel\": \"web\"}").statusCode());
    FakeSlackApi.Call post = expertPost(slack, question);
    assertTrue(blocks(post).contains("my partner does this"), blocks(post));
    assertTrue(blocks(post).contains("👎"), blocks(post));
  }

  @Test
  void assignToMeNamesTheExpertOnceInTheThread() throws Exception {
    String question = "Who configures the firewall?";
    String id = JSON.readTree(post(server.uri(), "/api/ask", "application/json", JSON.createObjectNode()
        .put("question", question).toString()).body()).get("id").asText();
    assertEquals(202, post(server.uri(), "/api/answers/" + id + "/handoff", "application/json", "").statusCode());
    FakeSlackApi.Call post = expertPost(slack, question);
    assertTrue(blocks(post).contains("the API"), blocks(post));
    for (int i = 0; i < 2; i++) {
      assertEquals(200, slackSigned(server.uri(), interactive(click(ExpertPost.ASSIGN, id, slack.responseUrl("s"))),
          "application/x-www-form-urlencoded", 0).statusCode());
    }
    slack.await("chat.postMessage", c -> ts(post).equals(c.params().get("thread_ts")));
    Thread.sleep(300);
    assertEquals("Ada Lovelace", record(server.uri(), id).at("/handoff/assignee").asText());
    assertEquals(1, slack.calls("chat.postMessage").stream()
        .filter(c -> ts(post).equals(c.params().get("thread_ts"))).count(), "named once");
  }
}
