package com.scopebot.channel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Engine;
import com.scopebot.server.TestServer;
import com.scopebot.service.LiveIndex;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/changes} over real HTTP, on the bundled corpus. */
class ChangesApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data, Engine.DEFAULT_CORPUS);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> get(String document, String since) throws Exception {
    StringBuilder q = new StringBuilder("/api/changes?");
    if (document != null) {
      q.append("document=").append(URLEncoder.encode(document, StandardCharsets.UTF_8)).append('&');
    }
    if (since != null) {
      q.append("since=").append(URLEncoder.encode(since, StandardCharsets.UTF_8));
    }
    return server.get(q.toString());
  }

  @Test
  void listsAccessReviewsAddedInDecember2018WithItsLink() throws Exception {
    HttpResponse<String> r = get("FastTrack responsibilities", "2018-04-01");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode doc = JSON.readTree(r.body()).get("documents").get(0);
    assertEquals("FastTrack responsibilities", doc.get("title").asText());
    JsonNode steps = doc.get("changes");
    assertEquals(1, steps.size(), "only the revision after 2018-04-01");
    JsonNode step = steps.get(0);
    assertEquals("2018-03-09", step.get("from").get("revision").asText());
    assertTrue(step.get("from").get("url").asText().contains("/1b0f972745186ef9b1b5191364fac1b16c1a1af7/"));
    JsonNode reviews = null;
    for (JsonNode section : step.get("sections")) {
      for (JsonNode c : section.get("changes")) {
        if (c.get("text").asText().equals("Azure Active Directory Access Reviews.")) {
          reviews = c;
        }
      }
    }
    assertEquals("added", reviews.get("kind").asText());
    assertTrue(reviews.get("before").isNull());
    assertTrue(reviews.get("after").get("url").asText().endsWith("-fasttrack-responsibilities.md#L173"));
  }

  @Test
  void withoutADocumentListsEveryDocumentWithRevisions() throws Exception {
    HttpResponse<String> r = get(null, null);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertTrue(body.get("since").isNull());
    assertEquals(1, body.get("documents").size());
    assertEquals(2, body.get("documents").get(0).get("changes").size());
  }

  @Test
  void refusesABadDateAndAnUnknownDocumentWithAMessage() throws Exception {
    HttpResponse<String> date = get("FastTrack responsibilities", "2018-13-45");
    assertEquals(400, date.statusCode());
    assertEquals("\"since\" must be a date like 2018-04-01, from 1990-01-01 to 2199-12-31, got \"2018-13-45\"",
        JSON.readTree(date.body()).get("error").asText());
    HttpResponse<String> unknown = get("Okta", null);
    assertEquals(400, unknown.statusCode());
    assertTrue(JSON.readTree(unknown.body()).get("error").asText().startsWith("no document is named \"Okta\""),
        unknown.body());
  }

  @Test
  void refusesOtherMethodsSayingToGet() throws Exception {
    HttpResponse<String> r = server.postJson("/api/changes", "{}");
    assertEquals(405, r.statusCode());
    assertEquals("GET", r.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void answers503WhileTheIndexLoadsThenTheCorpusInService() throws Exception {
    LiveIndex index = new LiveIndex(Engine.DEFAULT_CORPUS, null);
    Server jetty = new Server(0);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new ChangesServlet(index)), "/api/changes");
    jetty.setHandler(context);
    jetty.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()
          + "/api/changes");
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> loading = client.send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(503, loading.statusCode());
      assertEquals("1", loading.headers().firstValue("Retry-After").orElse(""));
      assertEquals("the index is still loading", JSON.readTree(loading.body()).get("error").asText());
      index.reload();
      HttpResponse<String> ready = client.send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode(), ready.body());
    } finally {
      jetty.stop();
    }
  }
}
