package com.scopebot.channel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Engine;
import com.scopebot.server.TestServer;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.LiveSearch;
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

/** {@code GET /api/search} over real HTTP on loopback, on the bundled corpus. */
class SearchApiTest {

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

  private static HttpResponse<String> search(String query, String more) throws Exception {
    return server.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + more);
  }

  @Test
  void answersAGoodQueryWithTheCountAndCitedPassages() throws Exception {
    HttpResponse<String> r = search("holder:customer AND certificat*", "");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode found = JSON.readTree(r.body());
    assertEquals("holder:customer AND certificat*", found.get("query").asText());
    assertEquals(3, found.get("total").asInt());
    JsonNode first = found.get("results").get(0);
    assertEquals("Provide and configure any public Secure Sockets Layer (SSL) certificates.",
        first.get("quote").asText());
    assertEquals("ems-your-responsibilities-2018-08.md", first.get("document").asText());
    assertEquals("Your responsibilities", first.get("title").asText());
    assertEquals("General responsibilities", first.get("section").get(1).asText());
    assertEquals("2018-08-13", first.get("revision").asText());
    assertEquals(68, first.get("line").asInt());
    assertTrue(first.get("url").asText().endsWith("#L68"), first.toString());
    assertEquals("customer", first.get("holder").asText());
    assertEquals("none", first.get("polarity").asText());
    assertEquals(0, first.get("conditions").size());

    JsonNode one = JSON.readTree(search("holder:customer AND certificat*", "&limit=1").body());
    assertEquals(3, one.get("total").asInt());
    assertEquals(1, one.get("results").size());
  }

  @Test
  void refusesABadQueryWith400SayingWhatAndWhere() throws Exception {
    HttpResponse<String> r = search("\"unclosed", "");
    assertEquals(400, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("the phrase opened by the quote at character 1 is not closed: add a closing \"",
        JSON.readTree(r.body()).get("error").asText());
    assertEquals("unknown field \"owner\" in owner:customer; the fields are text, document, section, holder,"
        + " polarity, revision, condition", JSON.readTree(search("owner:customer", "").body()).get("error").asText());
    assertEquals("limit must be between 1 and 100, got 500",
        JSON.readTree(search("ssl", "&limit=500").body()).get("error").asText());
    HttpResponse<String> notANumber = search("ssl", "&limit=ten");
    assertEquals(400, notANumber.statusCode());
    assertEquals("\"limit\" must be a number from 1 to 100", JSON.readTree(notANumber.body()).get("error").asText());
    HttpResponse<String> missing = server.get("/api/search");
    assertEquals(400, missing.statusCode());
    assertTrue(JSON.readTree(missing.body()).get("error").asText().startsWith("missing \"q\""), missing.body());
    HttpResponse<String> tooLong = search("ssl ".repeat(130), "");
    assertEquals(400, tooLong.statusCode());
    assertEquals("the query is too long: 520 characters, the limit is 500",
        JSON.readTree(tooLong.body()).get("error").asText());
  }

  @Test
  void otherMethodsAreToldToUseGet() throws Exception {
    HttpResponse<String> r = server.postJson("/api/search", "{\"q\": \"ssl\"}");
    assertEquals(405, r.statusCode());
    assertEquals("GET", r.headers().firstValue("Allow").orElse(""));
    assertTrue(JSON.readTree(r.body()).get("error").asText().contains("GET /api/search?q="), r.body());
  }

  @Test
  void answers503WhileTheIndexLoads() throws Exception {
    // an index that has not loaded yet: the servlet alone, as the server mounts it
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SearchServlet(new LiveSearch(new LiveIndex(null, null)))), "/api/search");
    jetty.setHandler(context);
    jetty.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/search?q=ssl");
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(503, r.statusCode());
      assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
      assertEquals("the index is still loading", JSON.readTree(r.body()).get("error").asText());
    } finally {
      jetty.stop();
    }
  }
}
