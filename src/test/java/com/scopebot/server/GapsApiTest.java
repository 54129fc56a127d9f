package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Ticker;
import com.scopebot.Fixtures;
import com.scopebot.answer.Engine;
import com.scopebot.records.AnswerStore;
import com.scopebot.service.Gaps;
import com.scopebot.service.GapsFixture;
import com.scopebot.service.LiveIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/gaps} over real HTTP, on a store of 290 recorded answers (see {@link GapsFixture}). */
class GapsApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEARER = "Bearer " + TestServer.ADMIN_TOKEN;

  @TempDir static Path data;
  private static TestServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "another-salt")) {
      GapsFixture.fill(store, Fixtures.bundled());
    }
    server = TestServer.start(data, Engine.DEFAULT_CORPUS);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> get(TestServer on, String query, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(on.uri("/api/gaps" + query));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String query) throws Exception {
    HttpResponse<String> r = get(server, query, "Authorization", BEARER);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    return JSON.readTree(r.body());
  }

  @Test
  void listsTheGroupsWithCountsFirstAndLastSeenAndExamples() throws Exception {
    JsonNode body = json("");
    assertEquals(200, body.get("totals").get("unknown").asInt());
    assertEquals(40, body.get("totals").get("thumbs_down").asInt());
    JsonNode first = body.get("byTopic").get(0);
    assertEquals("[\"sentinel\"]", first.get("topic").toString());
    assertEquals(120, first.get("count").asInt());
    assertEquals("2026-11-01T00:00:00Z", first.get("firstSeen").asText());
    assertEquals("2026-11-05T23:00:00Z", first.get("lastSeen").asText());
    JsonNode example = first.get("examples").get(0);
    assertEquals(GapsFixture.SENTINEL, example.get("question").asText(), "administrators see the question");
    assertTrue(example.get("user").asText().matches("[0-9a-f]{32}"), "users only hashed: " + example);
    assertEquals(200, server.get("/api/answers/" + example.get("answerId").asText()).statusCode());
    assertEquals(3, body.get("byTopic").size());
  }

  @Test
  void filtersByPeriodAndChannelAndRefusesBadFiltersSayingWhy() throws Exception {
    JsonNode slack = json("?channel=slack&from=2026-11-10&to=2026-11-10");
    assertEquals(1, slack.get("byTopic").size());
    assertEquals(24, slack.get("byTopic").get(0).get("count").asInt(), "Lotus Notes, hours 216..239");
    assertEquals("2026-11-10", slack.get("from").asText());
    String[][] bad = {
        {"?from=2026-13-01",
            "\"from\" must be a date like 2018-04-01, from 1990-01-01 to 2199-12-31, got \"2026-13-01\""},
        {"?to=+99999-01-01",
            "\"to\" must be a date like 2018-04-01, from 1990-01-01 to 2199-12-31, got \"+99999-01-01\""},
        {"?from=2026-11-10&to=2026-11-01", "\"from\" must not be after \"to\", got 2026-11-10 and 2026-11-01"},
        {"?channel=fax", "\"channel\" must be one of web, api, slack, teams, cli, got \"fax\""},
        {"?limit=0", "\"limit\" must be a number from 1 to 20000, got 0"},
        {"?limit=many", "\"limit\" must be a number from 1 to 20000, got \"many\""},
        {"?format=xml", "\"format\" must be json or csv, got \"xml\""}};
    for (String[] b : bad) {
      HttpResponse<String> r = get(server, b[0].replace("+", "%2B"), "Authorization", BEARER);
      assertEquals(400, r.statusCode(), b[0]);
      assertEquals(b[1], JSON.readTree(r.body()).get("error").asText());
    }
  }

  @Test
  void givesCsvForTheFormatOrTheAcceptHeaderWithFormulasDefused() throws Exception {
    for (String[] ask : List.of(new String[] {"?format=csv", "Accept", "*/*"},
        new String[] {"", "Accept", "text/csv"})) {
      HttpResponse<String> r = get(server, ask[0], "Authorization", BEARER, ask[1], ask[2]);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("text/csv;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
      List<String> rows = r.body().lines().toList();
      assertEquals("\"grouping\",\"topic_or_section\",\"document\",\"count\",\"unknown\",\"thumbs_down\",\"handoff\","
          + "\"first_seen\",\"last_seen\",\"example_questions\",\"example_reasons\",\"example_answer_ids\"",
          rows.get(0));
      assertTrue(rows.get(1).startsWith("\"topic\",\"sentinel\",\"\",\"120\",\"120\",\"0\",\"0\","
          + "\"2026-11-01T00:00:00Z\",\"2026-11-05T23:00:00Z\",\"Is Sentinel in scope? | Is Sentinel"), rows.get(1));
      String adfs = rows.stream().filter(row -> row.startsWith("\"topic\",\"adf multiforest\"")).findFirst()
          .orElseThrow();
      // the 👎's reason is a formula: it stays text, its quotes doubled (of the newest three, one gave a reason)
      assertTrue(adfs.contains(",\"'=HYPERLINK(\"\"http://x\"\") we were told AD FS is covered\","), adfs);
      assertEquals(3 + 3 + 1, rows.size(), "a header, three topics, three sections");
    }
  }

  @Test
  void needsTheAdminToken() throws Exception {
    HttpResponse<String> none = get(server, "");
    assertEquals(401, none.statusCode());
    assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
    assertEquals("a valid admin bearer token is required", JSON.readTree(none.body()).get("error").asText());
    assertFalse(none.body().contains("Sentinel"));
    HttpResponse<String> csv = get(server, "?format=csv", "Authorization", "Bearer not-the-token");
    assertEquals(401, csv.statusCode());
    assertFalse(csv.body().contains("Sentinel"));
  }

  @Test
  void wrongTokensToAnyAdminEndpointCountTogether(@TempDir Path other) throws Exception {
    try (TestServer fresh = TestServer.start(other, Engine.DEFAULT_CORPUS)) {
      for (int i = 0; i < AdminGuard.GUESSES; i++) {
        String path = i % 2 == 0 ? "/admin/reindex" : "/api/gaps";
        HttpResponse<String> r = i % 2 == 0 ? fresh.post(path, null, "", "Authorization", "Bearer guess-" + i)
            : get(fresh, "", "Authorization", "Bearer guess-" + i);
        assertEquals(401, r.statusCode(), path);
      }
      HttpResponse<String> throttled = get(fresh, "", "Authorization", BEARER);
      assertEquals(429, throttled.statusCode(), "even the right token waits out the window");
      assertEquals("60", throttled.headers().firstValue("Retry-After").orElse(""));
    }
  }

  @Test
  void countsGapsAsTheyHappenByOutcome() throws Exception {
    JsonNode unknown = JSON.readTree(server.postJson("/api/ask", "{\"question\":\"Is Sentinel in scope?\"}").body());
    server.postJson("/api/ask", "{\"question\":\"hello\"}");
    JsonNode known = JSON.readTree(server.postJson("/api/ask", "{\"question\":\"" + GapsFixture.ADFS + "\"}").body());
    assertEquals(204, server.postJson("/api/answers/" + known.get("id").asText() + "/feedback",
        "{\"helpful\":false,\"reason\":\"wrong\"}").statusCode());
    assertEquals("unknown", unknown.get("verdict").asText());
    String metrics = server.get("/metrics").body();
    assertTrue(metrics.contains("scopebot_gaps_total{outcome=\"unknown\"} 1.0"), "a greeting is no gap: " + metrics);
    assertTrue(metrics.contains("scopebot_gaps_total{outcome=\"thumbs_down\"} 1.0"), metrics);
    assertTrue(metrics.contains("scopebot_gaps_total{outcome=\"handoff\"} 0.0"), metrics);
  }

  @Test
  void saysWhyWhenItCannotReportYet(@TempDir Path other) throws Exception {
    LiveIndex loading = new LiveIndex(Engine.DEFAULT_CORPUS, null);
    try (AnswerStore store = AnswerStore.sqlite(other, "salt")) {
      Gaps gaps = new Gaps(store);
      AdminGuard guard = new AdminGuard(TestServer.ADMIN_TOKEN, Ticker.systemTicker());
      Server jetty = new Server(0);
      ServletContextHandler context = new ServletContextHandler();
      context.addServlet(new ServletHolder(new GapsServlet(loading, gaps, guard)), "/api/gaps");
      context.addServlet(new ServletHolder(new GapsServlet(loading, gaps, null)), "/off/gaps");
      jetty.setHandler(context);
      jetty.start();
      try {
        String base = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        HttpResponse<String> stillLoading = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/gaps"))
            .header("Authorization", BEARER).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, stillLoading.statusCode());
        assertEquals("the index is still loading", JSON.readTree(stillLoading.body()).get("error").asText());
        HttpResponse<String> off = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/off/gaps"))
            .header("Authorization", BEARER).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, off.statusCode());
        assertEquals("the gaps report is disabled: set SCOPEBOT_ADMIN_TOKEN to enable it",
            JSON.readTree(off.body()).get("error").asText());
        HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/gaps"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
      } finally {
        jetty.stop();
      }
    }
  }
}
