package com.scopebot.channel.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Bot Connector's REST API, faked on loopback: records every call and answers with a new activity id; a
 * conversation marked {@link #gone} is answered 404, as the connector answers for a chat the bot is no longer in.
 */
public final class FakeConnector implements AutoCloseable {

  /**
   * One recorded call: path as sent (percent-encoded), its decoded form, the Authorization header, the body and the
   * activity id the connector gave back.
   */
  public record Call(String method, String rawPath, String path, String authorization, JsonNode body, String returnedId) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final java.util.Set<String> gone = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public FakeConnector() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String id = "reply-" + ids.incrementAndGet();
      calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
          body.length == 0 ? null : JSON.readTree(body), id));
      String path = exchange.getRequestURI().getPath();
      boolean isGone = gone.stream().anyMatch(c -> path.startsWith("/v3/conversations/" + c + "/"));
      byte[] out = (isGone ? "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation not found.\"}}"
          : "{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(isGone ? 404 : 200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  /** From now on, answers 404 for a conversation (the bot was removed from it). */
  public void gone(String conversationId) {
    gone.add(conversationId);
  }

  /** The service URL to put in activities, with the trailing slash Teams sends. */
  public String serviceUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits up to five seconds for the n-th call (1-based) to arrive. */
  public Call awaitCall(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (calls.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    if (calls.size() < n) {
      throw new AssertionError("the connector got " + calls.size() + " calls, expected " + n + ": " + calls);
    }
    return calls.get(n - 1);
  }

  public void clear() {
    calls.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
