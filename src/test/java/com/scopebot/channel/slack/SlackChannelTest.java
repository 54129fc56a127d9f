package com.scopebot.channel.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Engine;
import com.scopebot.server.Config;
import com.scopebot.server.RawHttp;
import com.scopebot.server.ScopeServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Slack app over real HTTP on loopback, against a running server and a fake Slack Web API, replaying Slack's own
 * published example payloads (src/test/resources/fixtures/slack).
 */
class SlackChannelTest {

  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String PUBLIC_URL = "https://scopebot.example.com";
  private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  private static FakeSlackApi slack;
  private static ScopeServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    slack = new FakeSlackApi();
    server = ScopeServer.create(Config.fromEnv(Map.of(
        "SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0", "SCOPEBOT_DATA_DIR", data.toString(),
        "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", "xoxb-test-token",
        "SCOPEBOT_SLACK_API_URL", slack.apiUrl(), "SCOPEBOT_PUBLIC_URL", PUBLIC_URL)).withCorpus(Engine.DEFAULT_CORPUS))
        .start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    slack.close();
  }

  @BeforeEach
  void clear() {
    slack.clear();
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = SlackChannelTest.class.getResourceAsStream("/fixtures/slack/" + name)) {
      // Slack never sends a trailing newline; a file ends in one
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
    }
  }

  static Map<String, String> parseForm(String form) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  static String form(Map<String, String> m) {
    StringJoiner j = new StringJoiner("&");
    m.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  HttpResponse<String> send(String body, String contentType, long timestamp, String signature, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("/slack/events"))
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> signed(String body, String contentType, String... headers) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    return send(body, contentType, now, SlackSigner.sign(SECRET, now, body), headers);
  }

  /** Slack's slash command example, as our /scope command with a question. */
  String slashCommand(String text) throws IOException {
    Map<String, String> p = parseForm(fixture("slack_slash_command_docs_weather.form"));
    p.put("command", "/scope");
    p.put("text", text);
    p.put("response_url", slack.responseUrl("command"));
    // Slack gives every command its own trigger id, so two commands are never the same signed request
    p.put("trigger_id", "13345224609." + TRIGGERS.incrementAndGet() + ".a4f9b1b0c4dd8ae4b2f7e6c4f1bd2e07");
    return form(p);
  }

  String interactive(ObjectNode payload) {
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void signsLikeSlacksOwnTestVector() throws IOException {
    assertEquals("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        SlackSigner.sign(SECRET, 1531420618, fixture("slack_slash_command_docs_signed.form")));
  }

  @Test
  void answersASlashCommandWithBlocksShowingTheVerdictAndTheNote() throws Exception {
    HttpResponse<String> r = signed(slashCommand("Is AD FS covered for multiple forests?"), "application/x-www-form-urlencoded");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("ephemeral", body.get("response_type").asText());
    String blocks = body.get("blocks").toString();
    assertTrue(blocks.contains("⛔ Out of scope"), blocks);
    assertTrue(blocks.contains("For all multiple forest configurations, AD FS deployments are out of scope."), blocks);
    assertTrue(blocks.contains(">*1.* For all multiple forest configurations"), "a real block quote: " + blocks);
    assertTrue(blocks.contains("\"FastTrack responsibilities › Enable phase · 2018-12-04 · <https://"), blocks);
    assertFalse(blocks.contains("ems-fasttrack-responsibilities-2018-12.md"), "no file names for people: " + blocks);
    assertTrue(blocks.contains("\"action_id\":\"share_answer\""), "offers Share in channel");
  }

  @Test
  void explainsUsageOnHelp() throws Exception {
    HttpResponse<String> r = signed(slashCommand("help"), "application/x-www-form-urlencoded");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("/scope " + SlackBlocks.EXAMPLES.get(0)), r.body());
  }

  @Test
  void refusesAWrongSignatureAndStaleOrFutureTimestamps() throws Exception {
    String body = slashCommand("Who is responsible for SSL certificates?");
    long now = System.currentTimeMillis() / 1000;
    assertEquals(401, send(body, "application/x-www-form-urlencoded", now, SlackSigner.sign("wrong-secret", now, body)).statusCode());
    long old = now - 600;
    assertEquals(401, send(body, "application/x-www-form-urlencoded", old, SlackSigner.sign(SECRET, old, body)).statusCode());
    long future = now + 600;
    assertEquals(401, send(body, "application/x-www-form-urlencoded", future, SlackSigner.sign(SECRET, future, body)).statusCode());
    assertTrue(slack.calls("chat.postMessage").isEmpty());
  }

  @Test
  void answersTheUrlVerificationChallenge() throws Exception {
    HttpResponse<String> r = signed(fixture("slack_url_verification.json"), "application/json");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), r.body());
  }

  @Test
  void answersAMentionOnceInItsThreadEvenWhenSlackRetries() throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(fixture("slack_event_app_mention.json"));
    ((ObjectNode) event.get("event")).put("text", "<@U222> Is AD FS covered for multiple forests?");
    String body = event.toString();
    assertEquals(200, signed(body, "application/json").statusCode());
    assertEquals(200, signed(body, "application/json", "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout").statusCode());
    FakeSlackApi.Call post = slack.await("chat.postMessage", c -> true);
    Thread.sleep(300);
    assertEquals(1, slack.calls("chat.postMessage").size(), "one answer for two deliveries");
    assertEquals("C111", post.params().get("channel"));
    assertEquals("1605853844.000800", post.params().get("thread_ts"));
    assertTrue(post.params().get("blocks").contains("Out of scope"), post.params().get("blocks"));
  }

  @Test
  void answersADirectMessageInTheDm() throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(fixture("slack_event_message_im.json"));
    ((ObjectNode) event.get("event")).put("text", "Who is responsible for SSL certificates?");
    assertEquals(200, signed(event.toString(), "application/json").statusCode());
    FakeSlackApi.Call post = slack.await("chat.postMessage", c -> "D024BE91L".equals(c.params().get("channel")));
    assertTrue(post.params().get("blocks").contains("Customer"), post.params().get("blocks"));
  }

  @Test
  void answersSmallTalkWithWhatItCoversAndNoThumbs() throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(fixture("slack_event_message_im.json"));
    ((ObjectNode) event.get("event")).put("text", "hi!");
    event.put("event_id", "Ev-small-talk");
    assertEquals(200, signed(event.toString(), "application/json").statusCode());
    FakeSlackApi.Call post = slack.await("chat.postMessage", c -> "D024BE91L".equals(c.params().get("channel")));
    String blocks = post.params().get("blocks");
    assertTrue(blocks.contains("Documents I read") && blocks.contains("FastTrack responsibilities"), blocks);
    assertTrue(!blocks.contains("Not in the documents") && !blocks.contains("👎"), blocks);
  }

  /** Sends a direct message in a DM of its own, and returns the answer posted there. */
  private FakeSlackApi.Call directMessage(String text, String dm) throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(fixture("slack_event_message_im.json"));
    ((ObjectNode) event.get("event")).put("text", text).put("channel", dm);
    event.put("event_id", "Ev-" + dm);
    assertEquals(200, signed(event.toString(), "application/json").statusCode());
    return slack.await("chat.postMessage", c -> dm.equals(c.params().get("channel")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "hi!|DGREETING|Hi! I answer questions about what the FastTrack onboarding benefit covers and who does what, with a "
          + "verdict and the exact sentences of the documents it rests on.",
      "help|DHELP|How to use Scopebot: I answer questions about what the FastTrack onboarding benefit covers and who "
          + "does what, with a verdict and the exact sentences of the documents it rests on.",
      "what changed in the FastTrack responsibilities?|DCHANGES|What changed in FastTrack responsibilities, 2018-03-09 "
          + "→ 2018-12-04: 42 added, 20 removed, 13 reworded, 2 moved.",
      "LONG|DTOOLONG|That question is too long (over 1000 characters). Ask about one task or service at a time.",
      // an answer: its verdict first (the sentence after it is the answer writer's)
      "Is AD FS covered for multiple forests?|DANSWER|⛔ Out of scope:"})
  void theNotificationTextSaysWhatTheMessageIs(String asked, String dm, String start) throws Exception {
    String question = asked.equals("LONG") ? "Is AD FS covered for multiple forests? ".repeat(30) : asked;
    String text = directMessage(question, dm).params().get("text");
    String firstLine = text.lines().findFirst().orElse("");
    if (start.endsWith(":")) {
      assertTrue(firstLine.startsWith(start + " "), text);
    } else {
      assertEquals(start, firstLine, text);
    }
  }

  @Test
  void anAnswerLinksItsPageUnderThePublicAddress() throws Exception {
    FakeSlackApi.Call post = directMessage("Who is responsible for SSL certificates?", "DANSWERPAGE");
    JsonNode blocks = JSON.readTree(post.params().get("blocks"));
    List<String> pages = new java.util.ArrayList<>();
    blocks.findValues("elements").forEach(els -> els.forEach(e -> {
      if (e.path("action_id").asText().equals(SlackBlocks.PAGE)) {
        pages.add(e.path("url").asText());
      }
    }));
    assertEquals(1, pages.size(), blocks.toString());
    assertTrue(pages.get(0).matches(java.util.regex.Pattern.quote(PUBLIC_URL) + "/answers/[0-9a-f]{32}"), pages.get(0));
  }

  @Test
  void whatChangedLinksItsExamplesAndTheChangesPageWithLabels() throws Exception {
    FakeSlackApi.Call post = directMessage("what changed in the FastTrack responsibilities?", "DCHANGELINKS");
    JsonNode blocks = JSON.readTree(post.params().get("blocks"));
    String first = blocks.at("/0/text/text").asText();
    assertTrue(first.startsWith("*What changed in FastTrack responsibilities, 2018-03-09 → 2018-12-04*: 42 added, "
        + "20 removed, 13 reworded, 2 moved.\n• added: “"), first);
    // each example: its statement, then a link labelled with the revision and line it opens
    java.util.regex.Matcher example = java.util.regex.Pattern.compile(
        "” · <https://github\\.com/MicrosoftDocs/EMDocs/blob/[0-9a-f]+/[^|>\\s]+\\.md#L(\\d+)\\|2018-12-04, line (\\d+)>")
        .matcher(first);
    assertTrue(example.find(), first);
    assertEquals(example.group(1), example.group(2), "the label names the line the link opens");
    assertTrue(first.endsWith("\n<" + PUBLIC_URL + "/changes.html?document=ems-fasttrack-responsibilities-2018-12.md"
        + "&to=ems-fasttrack-responsibilities-2018-12.md|Every change in this step, with both revisions' links>"), first);
    String all = blocks.toString() + post.params().get("text");
    assertFalse(all.contains("`"), "no literal backticks: " + all);
    assertFalse(all.contains("scopebot changes") || all.contains("/api/changes"), all);
    assertFalse(java.util.regex.Pattern.compile("[^<]https://github").matcher(all).find(), "every URL is a link: " + all);
  }

  @Test
  void readsAFollowUpInAThreadAgainstTheThreadsQuestion() throws Exception {
    ObjectNode first = (ObjectNode) JSON.readTree(fixture("slack_event_app_mention.json"));
    ((ObjectNode) first.get("event")).put("text", "<@U222> Is AD FS covered for multiple forests?");
    first.put("event_id", "Ev-first-question");
    assertEquals(200, signed(first.toString(), "application/json").statusCode());
    slack.await("chat.postMessage", c -> c.params().get("blocks").contains("Out of scope"));
    ObjectNode second = (ObjectNode) JSON.readTree(fixture("slack_event_app_mention.json"));
    ObjectNode e = (ObjectNode) second.get("event");
    e.put("text", "<@U222> and for a single forest?").put("ts", "1605853900.000100")
        .put("thread_ts", "1605853844.000800");
    second.put("event_id", "Ev-follow-up");
    assertEquals(200, signed(second.toString(), "application/json").statusCode());
    FakeSlackApi.Call post = slack.await("chat.postMessage", c -> c.params().get("blocks").contains("Reading this as"));
    assertEquals("1605853844.000800", post.params().get("thread_ts"));
    assertTrue(post.params().get("blocks").contains("Is AD FS covered for a single forest?"), post.params().get("blocks"));
    assertTrue(post.params().get("blocks").contains("In scope"), post.params().get("blocks"));
  }

  @Test
  void theShortcutAnswersTheMessageInItsThread() throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree(fixture("slack_interactive_message_action.json"));
    payload.put("callback_id", SlackChannel.SHORTCUT);
    payload.put("response_url", slack.responseUrl("shortcut"));
    ((ObjectNode) payload.get("message")).put("text", "The customer says MFA setup was promised by FastTrack");
    assertEquals(200, signed(interactive(payload), "application/x-www-form-urlencoded").statusCode());
    FakeSlackApi.Call post = slack.await("chat.postMessage", c -> "C123".equals(c.params().get("channel")));
    assertEquals("1583636382.000300", post.params().get("thread_ts"));
    assertTrue(post.params().get("blocks").contains("multi-factor") || post.params().get("blocks").contains("Multi-Factor"),
        post.params().get("blocks"));
  }

  private String askedId(String question) throws Exception {
    HttpResponse<String> r = signed(slashCommand(question), "application/x-www-form-urlencoded");
    for (JsonNode block : JSON.readTree(r.body()).get("blocks")) {
      if (block.has("elements")) {
        for (JsonNode e : block.get("elements")) {
          if ("feedback_up".equals(e.path("action_id").asText())) {
            return e.get("value").asText();
          }
        }
      }
    }
    throw new AssertionError("no feedback button in " + r.body());
  }

  private ObjectNode click(String actionId, String value) throws IOException {
    ObjectNode payload = (ObjectNode) JSON.readTree(fixture("slack_interactive_block_actions_docs.json"));
    payload.put("response_url", slack.responseUrl("action"));
    ObjectNode action = (ObjectNode) payload.get("actions").get(0);
    action.put("action_id", actionId);
    action.put("value", value);
    return payload;
  }

  @Test
  void feedbackButtonsReachTheAnswerRecord() throws Exception {
    String id = askedId("Who is responsible for SSL certificates?");
    assertEquals(200, signed(interactive(click("feedback_up", id)), "application/x-www-form-urlencoded").statusCode());
    var record = server.service().record(id).orElseThrow();
    assertEquals("slack", record.channel());
    assertTrue(record.feedback().get(0).helpful());
    assertFalse(record.feedback().get(0).user().isEmpty(), "the clicking user, hashed");
    assertFalse(record.feedback().get(0).user().contains("UA8RXUSPL"), "never the raw user id");
  }

  @Test
  void thumbsDownAsksForAReasonAndRecordsIt() throws Exception {
    String id = askedId("Who configures DNS?");
    assertEquals(200, signed(interactive(click("feedback_down", id)), "application/x-www-form-urlencoded").statusCode());
    FakeSlackApi.Call open = slack.await("views.open", c -> true);
    assertTrue(open.params().get("view").contains("\"private_metadata\":\"" + id + "\""), open.params().get("view"));
    ObjectNode submission = JSON.createObjectNode();
    submission.put("type", "view_submission");
    submission.putObject("team").put("id", "T9TK3CUKW");
    submission.putObject("user").put("id", "UA8RXUSPL");
    ObjectNode view = submission.putObject("view");
    view.put("callback_id", "feedback_reason").put("private_metadata", id).put("type", "modal");
    view.putObject("state").putObject("values").putObject("reason").putObject("reason")
        .put("type", "plain_text_input").put("value", "should cite the customer's side too");
    assertEquals(200, signed(interactive(submission), "application/x-www-form-urlencoded").statusCode());
    var fb = server.service().record(id).orElseThrow().feedback().get(0);
    assertFalse(fb.helpful());
    assertEquals("should cite the customer's side too", fb.reason());
  }

  @Test
  void shareInChannelPostsTheSameAnswerPublicly() throws Exception {
    String id = askedId("Is AD FS covered for multiple forests?");
    assertEquals(200, signed(interactive(click("share_answer", id)), "application/x-www-form-urlencoded").statusCode());
    FakeSlackApi.Call respond = slack.await("/respond/action", c -> c.body().contains("in_channel"));
    assertTrue(respond.body().contains("For all multiple forest configurations, AD FS deployments are out of scope."));
    assertFalse(respond.body().contains("share_answer"), "the shared copy offers no second share");
    JsonNode shared = JSON.readTree(respond.body());
    // the channel sees who asked what, then the answer (the fixture's clicking user asked it)
    assertEquals("<@UA8RXUSPL> asked: “Is AD FS covered for multiple forests?”",
        shared.at("/blocks/0/text/text").asText());
    assertTrue(shared.at("/blocks/1/text/text").asText().startsWith("*⛔ Out of scope*"), respond.body());
    assertTrue(shared.get("text").asText().startsWith("<@UA8RXUSPL> asked:"), shared.get("text").asText());
  }

  @Test
  void publishesTheHomeTab() throws Exception {
    assertEquals(200, signed(fixture("slack_event_app_home_opened.json"), "application/json").statusCode());
    FakeSlackApi.Call publish = slack.await("views.publish", c -> true);
    assertEquals("U12345678", publish.params().get("user_id"));
    String view = publish.params().get("view");
    assertTrue(view.contains("ems-fasttrack-responsibilities-2018-12.md") && view.contains("2018-12-04"), view);
    assertTrue(view.contains("\"type\":\"home\""));
  }

  @Test
  void answersASlashCommandWhenSlacksApiCannotBeReached(@TempDir Path otherData) throws Exception {
    ScopeServer tokenless = ScopeServer.create(Config.fromEnv(Map.of(
        "SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0", "SCOPEBOT_DATA_DIR", otherData.toString(),
        "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", "xoxb-unused",
        "SCOPEBOT_SLACK_API_URL", "http://127.0.0.1:9/api/"))
        .withCorpus(Engine.DEFAULT_CORPUS)).start();
    try {
      String body = slashCommand("Who is responsible for SSL certificates?");
      long now = System.currentTimeMillis() / 1000;
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenless.uri() + "slack/events"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Slack-Request-Timestamp", Long.toString(now))
          .header("X-Slack-Signature", SlackSigner.sign(SECRET, now, body))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("Customer"), r.body());
    } finally {
      tokenless.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no timestamp||v0=0000000000000000000000000000000000000000000000000000000000000000|1000|401|invalid_timestamp",
      "stale timestamp|-400|v0=0000000000000000000000000000000000000000000000000000000000000000|1000|401|invalid_timestamp",
      "no signature|0||1000|401|invalid_signature",
      "malformed signature|0|v0=xyz|1000|401|invalid_signature",
      "upper-case hex|0|v0=ABCDEF0000000000000000000000000000000000000000000000000000000000|1000|401|invalid_signature",
      "too large|0|v0=0000000000000000000000000000000000000000000000000000000000000000|300000|413|request_too_large"})
  void refusesBadHeadersAtOnceWithoutReadingTheBody(String what, String skew, String signature, int length, int status,
      String error) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String head = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + length + "\r\n"
        + (skew == null ? "" : "X-Slack-Request-Timestamp: " + (now + Long.parseLong(skew)) + "\r\n")
        + (signature == null ? "" : "X-Slack-Signature: " + signature + "\r\n") + "\r\n";
    // the body is never sent: an answer that waited for it would come after the 5 s body timeout, as a 408
    RawHttp.Reply r = RawHttp.exchange(server.uri(), head, 8000);
    assertEquals(status, r.status(), r.text());
    assertTrue(r.millis() < 2000, what + " answered after " + r.millis() + " ms");
    JsonNode body = JSON.readTree(r.body());
    assertFalse(body.get("ok").asBoolean(true), r.body());
    assertEquals(error, body.get("error").asText(), r.body());
  }

  @Test
  void refusesAWrongSignatureInSlacksErrorShape() throws Exception {
    String body = slashCommand("Who is responsible for SSL certificates?");
    long now = System.currentTimeMillis() / 1000;
    HttpResponse<String> r = send(body, "application/x-www-form-urlencoded", now, SlackSigner.sign("wrong", now, body));
    assertEquals(401, r.statusCode());
    assertEquals("{\"ok\":false,\"error\":\"invalid_signature\"}", r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void answersASignedSlashCommandReplayedFiveTimesOnce() throws Exception {
    String question = "Who provides the public SSL certificates? (replayed)";
    String body = slashCommand(question);
    long now = System.currentTimeMillis() / 1000;
    String signature = SlackSigner.sign(SECRET, now, body);
    List<HttpResponse<String>> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      replies.add(send(body, "application/x-www-form-urlencoded", now, signature));
    }
    assertTrue(replies.get(0).body().contains("\"blocks\""), replies.get(0).body());
    for (HttpResponse<String> r : replies.subList(1, 5)) {
      assertEquals(200, r.statusCode());
      assertEquals("", r.body(), "a replay is acknowledged and not answered again");
    }
    assertEquals(1, recordsOf(question, 1), "one record for five deliveries");
    Thread.sleep(300); // a second record would have been written by now
    assertEquals(1, recordsOf(question, 1));
  }

  /** Answer records of a question, once there are at least {@code expected} (or after 5 s). */
  private static int recordsOf(String question, int expected) throws Exception {
    long until = System.currentTimeMillis() + 5000;
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answers.db"));
        java.sql.PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM answer_record WHERE question = ?")) {
      q.setString(1, question);
      while (true) {
        try (java.sql.ResultSet rs = q.executeQuery()) {
          rs.next();
          int n = rs.getInt(1);
          if (n >= expected || System.currentTimeMillis() > until) {
            return n;
          }
        }
        Thread.sleep(50);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"payload=not-json", "payload=%7B%22type%22%3A%22block_actions%22%7D",
      "payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D",
      "payload=%7B%22type%22%3A%22view_submission%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D",
      "payload=%5B1%2C2%5D", "payload=%7B%22type%22%3A%22block_actions%22%7D%20garbage"})
  void refusesASignedButMalformedInteractionWith400(String body) throws Exception {
    HttpResponse<String> r = signed(body, "application/x-www-form-urlencoded");
    assertEquals(400, r.statusCode(), r.body());
    JsonNode json = JSON.readTree(r.body());
    assertFalse(json.get("ok").asBoolean(true));
    assertTrue(json.get("error").asText().startsWith("invalid_payload"), r.body());
  }

  @Test
  void refusesASignedEventThatIsNotAnObjectWith400() throws Exception {
    assertEquals(400, signed("[1, 2]", "application/json").statusCode());
    assertEquals(400, signed("{\"type\": \"event_callback\"}", "application/json").statusCode());
  }

  @Test
  void neverLogsAnUnsignedBodyRaw() throws Exception {
    String forged = "\n12:00:00 INFO forged entry\n";
    String body = ("text=" + forged + "x".repeat(SlackHeaderCheck.MAX_BODY_BYTES)).substring(0, SlackHeaderCheck.MAX_BODY_BYTES);
    long now = System.currentTimeMillis() / 1000;
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
    List<Integer> statuses = new java.util.ArrayList<>();
    try {
      HttpRequest.Builder unsigned = HttpRequest.newBuilder(server.uri().resolve("/slack/events"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Slack-Request-Timestamp", Long.toString(now)).POST(HttpRequest.BodyPublishers.ofString(body));
      statuses.add(http.send(unsigned.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      statuses.add(send(body, "application/x-www-form-urlencoded", now, SlackSigner.sign("not-the-secret", now, body))
          .statusCode());
      // signed, but no request Bolt knows: its parser would log the whole body
      statuses.add(signed(body, "application/x-www-form-urlencoded").statusCode());
      Thread.sleep(200);
    } finally {
      System.setErr(saved);
    }
    assertEquals(List.of(401, 401), statuses.subList(0, 2));
    assertTrue(statuses.get(2) < 500, "status " + statuses.get(2));
    String log = captured.toString(StandardCharsets.UTF_8);
    long longest = log.lines().mapToLong(String::length).max().orElse(0);
    assertTrue(longest < 1024, "longest log line: " + longest + " characters");
    assertTrue(log.lines().noneMatch(l -> l.startsWith("12:00:00 INFO forged")), log);
  }

  @Test
  void anEventAnotherReplicaAnsweredIsNotAnsweredAgain() throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(fixture("slack_event_app_mention.json"));
    ((ObjectNode) event.get("event")).put("text", "<@U222> Who configures DNS?");
    event.put("event_id", "Ev-other-replica");
    // what a replica sharing the answer store records when it answers the event first
    assertTrue(server.service().deliveries().claim("slack-event", "Ev-other-replica", java.time.Duration.ofHours(1)));
    assertEquals(200, signed(event.toString(), "application/json").statusCode());
    Thread.sleep(500);
    assertTrue(slack.calls("chat.postMessage").isEmpty(), "answered by the other replica only");
  }
}
