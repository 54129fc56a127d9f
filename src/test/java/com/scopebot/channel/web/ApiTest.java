package com.scopebot.channel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopebot.records.AnswerStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.server.RawHttp;
import com.scopebot.server.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API over real HTTP on loopback. */
class ApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonNode ask(String question) throws Exception {
    HttpResponse<String> r = server.postJson("/api/ask", JSON.createObjectNode().put("question", question).toString());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  @Test
  void answersWithTheContractAndAnId() throws Exception {
    JsonNode a = ask("Is AD FS covered for multiple forests?");
    assertTrue(a.get("id").asText().matches("[0-9a-f]{32}"));
    assertEquals("Is AD FS covered for multiple forests?", a.get("question").asText());
    assertEquals("out_of_scope", a.get("verdict").asText());
    assertTrue(a.get("confidence").isNumber());
    JsonNode c = a.get("citations").get(0);
    assertEquals("For all multiple forest configurations, AD FS deployments are out of scope.", c.get("quote").asText());
    assertEquals("fasttrack-responsibilities.md", c.get("document").asText());
    assertEquals("2019-03-07", c.get("revision").asText());
    assertEquals(34, c.get("line").asInt());
    assertTrue(c.get("url").asText().endsWith("#L34"));
  }

  @Test
  void offersNoExpertWithoutAnExpertsChannel() throws Exception {
    String id = ask("Is AD FS covered for multiple forests?").get("id").asText();
    JsonNode record = JSON.readTree(server.get("/api/answers/" + id).body());
    assertFalse(record.get("handsOff").asBoolean(), record.toString());
    assertTrue(record.get("handoff").isNull(), record.toString());
    HttpResponse<String> r = server.postJson("/api/answers/" + id + "/handoff", "");
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(r.body().contains("SCOPEBOT_EXPERTS_CHANNEL"), r.body());
  }

  @Test
  void readsAFollowUpOfTheSameConversation() throws Exception {
    String first = JSON.createObjectNode().put("question", "Is AD FS covered for multiple forests?")
        .put("conversation", "tab-1").toString();
    assertEquals(200, server.postJson("/api/ask", first).statusCode());
    String next = JSON.createObjectNode().put("question", "and for a single forest?").put("conversation", "tab-1")
        .toString();
    JsonNode a = JSON.readTree(server.postJson("/api/ask", next).body());
    assertEquals("and for a single forest?", a.get("question").asText());
    assertEquals("Is AD FS covered for a single forest?", a.get("readAs").asText());
    assertEquals("in_scope", a.get("verdict").asText());
    // another caller (through a proxy on this machine) holding the same id has a conversation of its own
    JsonNode other = JSON.readTree(server.post("/api/ask", "application/json", JSON.createObjectNode()
        .put("question", "and for a single forest?").put("conversation", "tab-1").toString(), "X-Forwarded-For",
        "10.7.7.7").body());
    assertFalse(other.has("readAs") && other.get("readAs").asText().contains("AD FS"), other.toString());
    // a conversation that starts with a follow-up: read on its own, and what follows it reads as whole questions
    String fresh = JSON.createObjectNode().put("question", "and for Intune?").put("conversation", "tab-2").toString();
    assertEquals("Is Intune covered?", JSON.readTree(server.postJson("/api/ask", fresh).body()).get("readAs").asText());
    String then = JSON.createObjectNode().put("question", "and for a single forest?").put("conversation", "tab-2")
        .toString();
    assertEquals("Is Intune covered for a single forest?",
        JSON.readTree(server.postJson("/api/ask", then).body()).get("readAs").asText());
    HttpResponse<String> bad = server.postJson("/api/ask",
        JSON.createObjectNode().put("question", "dns?").put("conversation", "x".repeat(101)).toString());
    assertEquals(400, bad.statusCode());
  }

  @Test
  void answersAsOfADate() throws Exception {
    JsonNode a = JSON.readTree(server.postJson("/api/ask", JSON.createObjectNode()
        .put("question", "Is AD FS covered for multiple forests?").put("as_of", "2017-06-01").toString()).body());
    assertEquals("2017-06-01", a.get("asOf").asText());
    assertTrue(a.get("answer").asText().startsWith("As of 2017-06-01"), a.toString());
    HttpResponse<String> bad = server.postJson("/api/ask",
        JSON.createObjectNode().put("question", "dns?").put("as_of", "last spring").toString());
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("as_of"), bad.body());
    // LocalDate.parse takes these; no document can be meant by them
    for (String date : List.of("+99999-01-01", "-999999999-01-01", "0001-01-01", "99999-01-01", "2200-01-01")) {
      HttpResponse<String> far = server.postJson("/api/ask",
          JSON.createObjectNode().put("question", "dns?").put("as_of", date).toString());
      assertEquals(400, far.statusCode(), date);
      assertTrue(far.body().contains("from 1990-01-01 to 2199-12-31"), far.body());
    }
  }

  @Test
  void laysOutAClaimForADispute() throws Exception {
    HttpResponse<String> r = server.get("/api/dispute?claim="
        + java.net.URLEncoder.encode("FastTrack will deploy AD FS for our two forests", java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode d = JSON.readTree(r.body());
    assertEquals("out_of_scope", d.at("/answer/verdict").asText());
    assertEquals("out_of_scope", d.at("/sides/0/verdict").asText());
    assertTrue(d.at("/sides/0/evidence/0/citation/quote").asText().contains("AD FS deployments are out of scope"), r.body());
    assertEquals(400, server.get("/api/dispute").statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hi", "thanks!", "help", "which documents do you use?"})
  void refusesSmallTalkAsAClaimSayingItIsNotOne(String claim) throws Exception {
    HttpResponse<String> r = server.get("/api/dispute?claim=" + java.net.URLEncoder.encode(claim,
        java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("\"claim\" is small talk, not a claim about scope: name the work the claim is about, for example "
        + "FastTrack will deploy AD FS", JSON.readTree(r.body()).get("error").asText());
  }

  @Test
  void listsTheDocumentsAndGivesOneAsItsClassifiedStatements() throws Exception {
    JsonNode list = JSON.readTree(server.get("/api/documents").body());
    assertTrue(list.get("documents").size() >= 2, list.toString());
    JsonNode first = list.get("documents").get(0);
    JsonNode doc = JSON.readTree(server.get("/api/documents/" + first.get("document").asText()).body());
    assertTrue(doc.get("statements").size() > 0, doc.toString());
    JsonNode s = doc.get("statements").get(0);
    assertTrue(s.has("holder") && s.has("polarity") && s.has("url") && s.has("section"), s.toString());
    assertEquals(404, server.get("/api/documents/no-such.md").statusCode());
  }

  @Test
  void listsAPointerElsewhereAsNavigationHeldByNoOne() throws Exception {
    JsonNode doc = JSON.readTree(server.get("/api/documents/fasttrack-responsibilities.md").body());
    Map<String, JsonNode> byText = new LinkedHashMap<>();
    doc.get("statements").forEach(s -> byText.put(s.get("statement").asText(), s));
    JsonNode see = byText.entrySet().stream().filter(e -> e.getKey().startsWith("For more information, see"))
        .findFirst().orElseThrow(() -> new AssertionError(byText.keySet())).getValue();
    assertEquals("navigation", see.get("kind").asText(), see.toString());
    assertEquals("none", see.get("holder").asText(), see.toString());
    JsonNode adfs = byText.get("For all multiple forest configurations, AD FS deployments are out of scope.");
    assertEquals("exclusion", adfs.get("kind").asText(), adfs.toString());
    assertEquals("microsoft", adfs.get("holder").asText(), adfs.toString());
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.uri(path))
        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer s3cret-token")
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusesTraceWithoutEchoingTheRequest() throws Exception {
    HttpResponse<String> r = send("TRACE", "/healthz");
    assertEquals(405, r.statusCode());
    assertTrue(!r.body().contains("s3cret-token") && r.body().contains("TRACE is not allowed"), r.body());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), r.headers().toString());
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
  }

  @Test
  void namesNoServerVersion() throws Exception {
    HttpResponse<String> r = server.get("/healthz");
    assertTrue(r.headers().firstValue("Server").isEmpty(), r.headers().map().toString());
  }

  @Test
  void countsMadeUpMethodsUnderOneLabel() throws Exception {
    server.get("/metrics"); // reading the metrics is itself a request with a series of its own
    for (int i = 0; i < 50; i++) {
      send("MADEUP" + i, i % 2 == 0 ? "/healthz" : "/api/ask");
    }
    String metrics = server.get("/metrics").body();
    assertTrue(!metrics.contains("MADEUP"), "no series per made-up method");
    long series = metrics.lines().filter(l -> l.startsWith("scopebot_http_requests_seconds_count")).count();
    // 5,000 more random method tokens, from 8 clients at once
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder method = new StringBuilder();
      for (int n = 3 + random.nextInt(10); n > 0; n--) {
        method.append((char) ('A' + random.nextInt(26)));
      }
      String m = method.toString();
      String path = random.nextBoolean() ? "/healthz" : "/api/ask";
      sent.add(clients.submit(() -> send(m, path).statusCode()));
    }
    clients.shutdown();
    long refused = 0;
    for (java.util.concurrent.Future<Integer> f : sent) {
      refused += f.get(60, java.util.concurrent.TimeUnit.SECONDS) >= 400 ? 1 : 0;
    }
    assertEquals(5_000, refused, "every made-up method refused");
    assertEquals(series, server.get("/metrics").body().lines()
        .filter(l -> l.startsWith("scopebot_http_requests_seconds_count")).count(), "series unchanged by 5,000 more");
    assertTrue(metrics.contains("method=\"other\""), metrics);
  }

  @Test
  void answersAnUnknownMethodWith501AndAJsonBody() throws Exception {
    RawHttp.Reply r = RawHttp.exchange(server.uri("/"), "FOO /api/ask HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        5000);
    assertEquals(501, r.status(), r.text());
    assertTrue(r.text().toLowerCase().contains("content-type: application/json"), r.text());
    assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith("unknown method"), r.body());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/1.2"})
  void answersAnUnsupportedHttpVersionWith505(String version) throws Exception {
    RawHttp.Reply r = RawHttp.exchange(server.uri("/"), "GET /healthz " + version + "\r\nHost: x\r\n\r\n", 5000);
    assertEquals(505, r.status(), r.text());
    assertEquals("HTTP Version Not Supported (status 505)", JSON.readTree(r.body()).get("error").asText(), r.text());
    assertSecurityHeaders(r);
  }

  @Test
  void answersARequestJettyCannotParseWith400AndTheSecurityHeaders() throws Exception {
    RawHttp.Reply r = RawHttp.exchange(server.uri("/"), "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 5000);
    assertEquals(400, r.status(), r.text());
    assertSecurityHeaders(r);
  }

  private static void assertSecurityHeaders(RawHttp.Reply r) {
    String head = r.text().toLowerCase(java.util.Locale.ROOT);
    assertTrue(head.contains("x-content-type-options: nosniff"), r.text());
    assertTrue(head.contains("referrer-policy: no-referrer"), r.text());
    assertTrue(head.contains("content-security-policy: default-src 'self'"), r.text());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "application/json|200",
      "application/json; charset=utf-8|200",
      "Application/JSON;charset=\"UTF-8\"|200",
      "application/jsonx|415",
      "application/json-patch+json|415",
      "text/json|415",
      "application/json; charset=iso-8859-1|415"})
  void acceptsOnlyJsonAsJson(String type, int status) throws Exception {
    HttpResponse<String> r = server.post("/api/ask", type, "{\"question\": \"who does the DNS config?\"}");
    assertEquals(status, r.statusCode(), r.body());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"question\":\"x\"} garbage", "{\"question\":\"x\"}{}", "{\"question\":\"x\",\"question\":\"y\"}"})
  void refusesTrailingGarbageAndRepeatedKeys(String body) throws Exception {
    HttpResponse<String> r = server.postJson("/api/ask", body);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith("invalid JSON"), r.body());
  }

  @Test
  void saysWhereAndWhatIsWrongWithMalformedJsonWithoutJacksonsInternals() throws Exception {
    Map<String, String> said = new LinkedHashMap<>();
    said.put("{\"question\": \"x\"",
        "invalid JSON at line 1, column 17: Unexpected end-of-input: expected close marker for Object");
    said.put("{\"question\":\"x\"}{}", "invalid JSON at line 1, column 17: more after the end of the JSON value");
    said.put("{'question': \"x\"}", "invalid JSON at line 1, column 2: Unexpected character (''' (code 39)): "
        + "was expecting double-quote to start field name");
    said.put("\n\n  {\"question\" \"x\"}", "invalid JSON at line 3, column 15: Unexpected character ('\"' (code 34)): "
        + "was expecting a colon to separate field name and value");
    said.put("{\"question\":\"x\",\"question\":\"y\"}", "invalid JSON at line 1, column 27: Duplicate field 'question'");
    for (Map.Entry<String, String> e : said.entrySet()) {
      HttpResponse<String> r = server.postJson("/api/ask", e.getKey());
      assertEquals(400, r.statusCode(), r.body());
      assertEquals(e.getValue(), JSON.readTree(r.body()).get("error").asText(), e.getKey());
    }
  }

  @Test
  void answersHelpWithWhatItCovers() throws Exception {
    JsonNode a = ask("help");
    assertEquals("help", a.get("smallTalk").asText());
    assertTrue(a.get("answer").asText().contains("Documents I read"), a.toString());
  }

  @Test
  void explainsHowTheAnswerWasReachedWhenAsked() throws Exception {
    String body = JSON.createObjectNode().put("question", "who does the DNS config?").put("explain", true).toString();
    HttpResponse<String> r = server.postJson("/api/ask", body);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode e = JSON.readTree(r.body()).get("explain");
    assertEquals("WHO", e.get("intent").asText());
    assertTrue(e.get("top").size() > 0, r.body());
    assertTrue(e.get("reason").asText().contains("holder"), r.body());
    assertTrue(!ask("who does the DNS config?").has("explain"), "only when asked");
    HttpResponse<String> bad = server.postJson("/api/ask",
        JSON.createObjectNode().put("question", "dns?").put("explain", "yes").toString());
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("explain"), bad.body());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"question\": |400|invalid JSON",
      "[1,2]|400|expected a JSON object",
      "{}|400|missing \"question\"",
      "{\"question\": null}|400|missing \"question\"",
      "{\"question\": 42}|400|\"question\" must be a string",
      "{\"question\": \"   \"}|400|\"question\" is empty"})
  void rejectsBadBodiesWithAMessage(String body, int status, String message) throws Exception {
    HttpResponse<String> r = server.postJson("/api/ask", body);
    assertEquals(status, r.statusCode());
    assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith(message), r.body());
  }

  @Test
  void rejectsAnOverLongQuestion() throws Exception {
    HttpResponse<String> r = server.postJson("/api/ask",
        JSON.createObjectNode().put("question", "x".repeat(1001)).toString());
    assertEquals(413, r.statusCode());
    assertTrue(r.body().contains("the limit is 1000 characters"), r.body());
  }

  @Test
  void capsTheRequestBody() throws Exception {
    HttpResponse<String> r = server.postJson("/api/ask", "{\"question\": \"" + "a".repeat(70_000) + "\"}");
    assertEquals(413, r.statusCode());
    assertTrue(r.body().contains("request body too large"), r.body());
  }

  @Test
  void capsABodyOfUndeclaredLengthAsItArrives() throws Exception {
    byte[] big = ("{\"question\": \"" + "a".repeat(70_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // no Content-Length: sent chunked, so only counting what arrives can catch it
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/api/ask"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), r.body());
    assertEquals("request body too large: the limit is 65536 bytes", JSON.readTree(r.body()).get("error").asText());
  }

  @Test
  void requiresJsonContentType() throws Exception {
    HttpResponse<String> r = server.post("/api/ask", "text/plain", "{\"question\": \"x\"}");
    assertEquals(415, r.statusCode());
    assertTrue(r.body().contains("application/json"), r.body());
  }

  @Test
  void answersBinaryAndLuceneSyntaxWithoutAStackTrace() throws Exception {
    for (String q : new String[] {"AD FS AND (", "*:*", "a~~~", "\u0000\u0007\uFFFF", "AD FS はカバーされていますか"}) {
      JsonNode a = ask(q);
      assertTrue(a.has("verdict"), q);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "PUT", "DELETE"})
  void refusesOtherMethodsSayingToPost(String method) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/api/ask"))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode());
    assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("use POST with {\"question\": \"…\"}", JSON.readTree(r.body()).get("error").asText());
  }

  @Test
  void keepsARecordOfEachAnswerAndAttachesFeedback() throws Exception {
    JsonNode a = ask("Who is responsible for SSL certificates?");
    String id = a.get("id").asText();
    HttpResponse<String> fb = server.postJson("/api/answers/" + id + "/feedback", "{\"helpful\": false, \"reason\": \"wrong document\"}");
    assertEquals(204, fb.statusCode(), fb.body());
    JsonNode record = JSON.readTree(server.get("/api/answers/" + id).body());
    assertEquals(id, record.get("id").asText());
    assertEquals("api", record.get("channel").asText());
    assertEquals("customer", record.get("verdict").asText());
    assertEquals("Who is responsible for SSL certificates?", record.get("question").asText());
    assertEquals("2018-06-01", record.get("answer").get("citations").get(0).get("revision").asText());
    assertFalse(record.get("createdAt").asText().isEmpty());
    JsonNode f = record.get("feedback").get(0);
    assertFalse(f.get("helpful").asBoolean());
    assertEquals("wrong document", f.get("reason").asText());
    assertEquals("api", f.get("channel").asText(), "feedback without a channel came through the API");
  }

  @Test
  void recordsTheChannelFeedbackCameFrom() throws Exception {
    String id = ask("Who configures DNS?").get("id").asText();
    assertEquals(204, server.postJson("/api/answers/" + id + "/feedback", "{\"helpful\": true, \"channel\": \"web\"}")
        .statusCode());
    assertEquals(204, server.postJson("/api/answers/" + id + "/feedback", "{\"helpful\": true, \"channel\": null}")
        .statusCode());
    JsonNode feedback = JSON.readTree(server.get("/api/answers/" + id).body()).get("feedback");
    assertEquals("web", feedback.get(0).get("channel").asText());
    assertEquals("api", feedback.get(1).get("channel").asText());
    for (String channel : new String[] {"\"slack\"", "\"WEB\"", "7"}) {
      HttpResponse<String> r = server.postJson("/api/answers/" + id + "/feedback",
          "{\"helpful\": true, \"channel\": " + channel + "}");
      assertEquals(400, r.statusCode(), channel);
      assertEquals("\"channel\" must be \"web\" or \"api\", got " + channel, JSON.readTree(r.body()).get("error").asText());
    }
    assertEquals(2, JSON.readTree(server.get("/api/answers/" + id).body()).get("feedback").size(), "refused ones not kept");
  }

  @Test
  void refusesFeedbackBeyondTheCapWith429AndTheRecordShowsTheCap() throws Exception {
    String id = ask("Who configures DNS?").get("id").asText();
    // 200 callers behind a proxy on this machine, which names each in X-Forwarded-For
    for (int i = 0; i < AnswerStore.MAX_FEEDBACK; i++) {
      assertEquals(204, feedbackFrom("10.0." + i / 250 + "." + i % 250, id, "{\"helpful\": true}").statusCode());
    }
    HttpResponse<String> refused = feedbackFrom("10.9.9.9", id, "{\"helpful\": false}");
    assertEquals(429, refused.statusCode());
    assertEquals("this answer already has all the feedback it takes (200); yours was not saved",
        JSON.readTree(refused.body()).get("error").asText());
    assertEquals(200, JSON.readTree(server.get("/api/answers/" + id).body()).get("feedback").size());
  }

  @Test
  void oneCallerHoldsOneFeedbackAnAnswerSoCannotFillItsSlots() throws Exception {
    String id = ask("Who configures DNS records for Exchange?").get("id").asText();
    for (int i = 0; i < 300; i++) {
      assertEquals(204, server.postJson("/api/answers/" + id + "/feedback",
          "{\"helpful\": " + (i % 2 == 0) + ", \"channel\": \"web\"}").statusCode());
    }
    JsonNode feedback = JSON.readTree(server.get("/api/answers/" + id).body()).get("feedback");
    assertEquals(1, feedback.size(), "300 posts from one address are one feedback, the last: " + feedback);
    assertFalse(feedback.get(0).get("helpful").asBoolean());
    assertEquals(204, feedbackFrom("10.1.2.3", id, "{\"helpful\": true, \"channel\": \"web\"}").statusCode(),
        "another caller's feedback is still taken");
    assertEquals(2, JSON.readTree(server.get("/api/answers/" + id).body()).get("feedback").size());
  }

  private static HttpResponse<String> feedbackFrom(String forwardedFor, String id, String json) throws Exception {
    return server.post("/api/answers/" + id + "/feedback", "application/json", json, "X-Forwarded-For",
        "203.0.113.7, " + forwardedFor);
  }

  @Test
  void aQuestionAskedAgainSharesTheStoredCopyOfItsAnswer() throws Exception {
    String first = ask("Who renews the public SSL certificates for AD FS?").get("id").asText();
    String again = ask("Who renews the public SSL certificates for AD FS?").get("id").asText();
    String other = ask("Who configures DNS records for Exchange?").get("id").asText();
    assertNotEquals(first, again, "each answer given has its own record");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answers.db"));
        java.sql.PreparedStatement q = c.prepareStatement(
            "SELECT COUNT(DISTINCT content_id), COUNT(*) FROM answer_record WHERE id IN (?, ?, ?)")) {
      q.setString(1, first);
      q.setString(2, again);
      q.setString(3, other);
      try (java.sql.ResultSet rs = q.executeQuery()) {
        rs.next();
        assertEquals(3, rs.getInt(2), "three records");
        assertEquals(2, rs.getInt(1), "two stored answers: the question asked again shares the first one's");
      }
    }
    assertEquals(JSON.readTree(server.get("/api/answers/" + first).body()).get("answer").get("citations"),
        JSON.readTree(server.get("/api/answers/" + again).body()).get("answer").get("citations"));
  }

  @Test
  void saysAnAnswerIsRecorded() throws Exception {
    JsonNode a = ask("Who configures DNS?");
    assertTrue(a.get("recorded").asBoolean());
    assertFalse(a.has("recordNote"));
  }

  @Test
  void saysWhenThereIsNoSuchAnswer() throws Exception {
    assertEquals(404, server.get("/api/answers/0123456789abcdef0123456789abcdef").statusCode());
    assertEquals(404, server.get("/api/answers/not-an-id").statusCode());
    HttpResponse<String> fb = server.postJson("/api/answers/0123456789abcdef0123456789abcdef/feedback", "{\"helpful\": true}");
    assertEquals(404, fb.statusCode());
  }

  @Test
  void rejectsFeedbackWithoutAVerdict() throws Exception {
    String id = ask("Who configures DNS?").get("id").asText();
    HttpResponse<String> fb = server.postJson("/api/answers/" + id + "/feedback", "{\"helpful\": \"yes\"}");
    assertEquals(400, fb.statusCode());
    assertEquals("\"helpful\" must be true or false", JSON.readTree(fb.body()).get("error").asText());
  }

  @Test
  void reportsHealthAndReadiness() throws Exception {
    assertEquals(200, server.get("/healthz").statusCode());
    HttpResponse<String> ready = server.get("/readyz");
    assertEquals(200, ready.statusCode());
    assertEquals("{\"ready\":true,\"store\":\"up\"}", ready.body().trim());
  }

  @Test
  void exposesPrometheusMetricsByChannelAndVerdict() throws Exception {
    ask("Is AD FS covered for multiple forests?");
    HttpResponse<String> m = server.get("/metrics");
    assertEquals(200, m.statusCode());
    assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(m.body().matches("(?s).*scopebot_answers_total\\{channel=\"api\",verdict=\"out_of_scope\"} [1-9].*"), m.body());
    assertTrue(m.body().contains("scopebot_answer_latency_seconds_bucket{channel=\"api\""));
    assertTrue(m.body().contains("scopebot_http_requests_seconds_count{method=\"POST\",route=\"/api/ask\",status=\"200\"}"));
  }

  @Test
  void exposesRecordFailuresAtZeroBeforeTheFirstOne() throws Exception {
    String metrics = server.get("/metrics").body();
    // a series that appears only with the first failure cannot be alerted on, nor told from one never scraped
    assertTrue(metrics.contains("\nscopebot_records_failures_total{what=\"answer\"} 0.0\n"), metrics);
    assertTrue(metrics.contains("\nscopebot_records_failures_total{what=\"feedback\"} 0.0\n"), metrics);
  }

  @Test
  void servesTheWebChat() throws Exception {
    HttpResponse<String> page = server.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Scopebot"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    assertEquals(200, server.get("/app.js").statusCode());
    assertEquals(404, server.get("/nope.html").statusCode());
  }

  @Test
  void answersABrowserWithAPageNotFoundAndAnApiClientWithJson() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
    for (String path : List.of("/nope.html", "/api/nope", "/documents/old-link")) {
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(server.uri(path)).header("Accept", browser)
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, page.statusCode(), path);
      assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElse("")
          .replace(" ", "").toLowerCase(java.util.Locale.ROOT), path);
      assertTrue(page.body().contains("<title>Page not found — Scopebot</title>"), page.body());
      assertTrue(page.body().contains("<a href=\"/\">the chat</a>"), page.body());
      assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals(server.get("/").headers().firstValue("Content-Security-Policy").orElseThrow(),
          page.headers().firstValue("Content-Security-Policy").orElse(""), path);
    }
    for (String accept : List.of("", "*/*", "application/json", "application/json, text/html;q=0.5", "text/html;q=0")) {
      HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/api/nope"));
      if (!accept.isEmpty()) {
        b.header("Accept", accept);
      }
      HttpResponse<String> json = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, json.statusCode(), accept);
      assertEquals("Not Found (status 404)", JSON.readTree(json.body()).get("error").asText(), accept);
    }
  }

  @Test
  void endsTheConnectionOfAnAnswerGivenWithoutReadingTheBody() throws Exception {
    // the body comes after the head, as clients send it; the disabled endpoint answers without reading it, so the rest
    // of it must not be read as a next request: the connection ends, and the answer says so
    try (java.net.Socket s = RawHttp.connect(server.uri("/"), 5000)) {
      s.getOutputStream().write(("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 20\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      RawHttp.Reply r = RawHttp.read(s, System.nanoTime());
      assertEquals(503, r.status(), r.text());
      assertTrue(r.text().toLowerCase(java.util.Locale.ROOT).contains("connection: close"), r.text());
    }
    // a body read in full keeps the connection
    RawHttp.Reply kept = RawHttp.exchange(server.uri("/"), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 2000);
    assertFalse(kept.text().toLowerCase(java.util.Locale.ROOT).contains("connection: close"), kept.text());
  }

  @Test
  void saysSlackIsNotConfiguredAndServesTeamsInEmulatorMode() throws Exception {
    HttpResponse<String> slack = server.postJson("/slack/events", "{}");
    assertEquals(503, slack.statusCode());
    assertTrue(slack.body().contains("SLACK_SIGNING_SECRET"), slack.body());
    // no MICROSOFT_APP_ID: the Teams endpoint runs in emulator mode and reads the activity (here: none)
    HttpResponse<String> teams = server.postJson("/api/messages", "{}");
    assertEquals(400, teams.statusCode(), teams.body());
    assertTrue(teams.body().contains("an activity needs a"), teams.body());
  }
}
