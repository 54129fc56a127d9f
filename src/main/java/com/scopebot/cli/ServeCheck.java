package com.scopebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.scopebot.server.ScopeServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code serve --check}: one question asked of a started server over its HTTP API, as the web chat asks it, then the
 * server stopped. What an install needs to answer at all (index, answer store, HTTP, JSON) is exercised once.
 */
final class ServeCheck {

  /** A question the bundled corpus answers; any corpus gives it some answer, "the documents don't say" included. */
  static final String QUESTION = "Whose job is the public SSL certificate?";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServeCheck() {}

  /** Asks, prints what came back, stops the server: 0 when the server answered, 1 when it did not. */
  static int run(ScopeServer server, PrintWriter out) throws Exception {
    try {
      return ask(server.uri(), out);
    } finally {
      server.stop();
    }
  }

  /** Asks the server at {@code base} and prints one line: 0 when it answered with a verdict, 1 when it did not. */
  static int ask(URI base, PrintWriter out) throws InterruptedException {
    URI uri = base.resolve("/api/ask");
    try {
      String body = JSON.writeValueAsString(JsonNodeFactory.instance.objectNode().put("question", QUESTION));
      HttpRequest ask = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> r = client.send(ask, HttpResponse.BodyHandlers.ofString());
      String verdict = verdict(r.body());
      if (r.statusCode() != 200 || verdict == null) {
        out.printf("check failed: HTTP %d from %s%n", r.statusCode(), uri);
        return 1;
      }
      out.printf("check passed: \"%s\" answered %s by %s%n", QUESTION, verdict, uri);
      return 0;
    } catch (IOException e) {
      out.printf("check failed: %s from %s%n", e.getClass().getSimpleName(), uri);
      return 1;
    }
  }

  private static String verdict(String body) {
    try {
      JsonNode v = JSON.readTree(body).get("verdict");
      return v == null || !v.isTextual() ? null : v.asText();
    } catch (IOException e) {
      return null;
    }
  }
}
