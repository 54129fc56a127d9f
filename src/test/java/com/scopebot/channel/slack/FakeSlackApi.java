package com.scopebot.channel.slack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Slack's Web API and response URLs, faked on loopback: records every call and answers {@code ok}; each posted message
 * gets a timestamp of its own (so a thread can be told apart), and {@code users.info} names every user "Ada Lovelace".
 */
public final class FakeSlackApi implements AutoCloseable {

  /** One call: the API method (or response URL path), its parameters (form) or body (JSON), and what it answered. */
  public record Call(String method, Map<String, String> params, String body, String reply) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong posted = new java.util.concurrent.atomic.AtomicLong(100);

  public FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String method = path.startsWith("/api/") ? path.substring(5) : path;
      String reply = switch (method) {
        case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + form(body).getOrDefault("channel", "C111")
            + "\",\"ts\":\"1700000000." + String.format("%06d", posted.getAndIncrement()) + "\"}";
        case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"" + form(body).get("user") + "\",\"name\":\"ada\","
            + "\"real_name\":\"Ada Lovelace\",\"profile\":{\"real_name\":\"Ada Lovelace\",\"display_name\":\"\"}}}";
        case "auth.test" -> "{\"ok\":true,\"user_id\":\"U222\",\"bot_id\":\"B222\",\"team_id\":\"T111\"}";
        default -> "{\"ok\":true}";
      };
      calls.add(new Call(method, form(body), body, reply));
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  String responseUrl(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + name;
  }

  public List<Call> calls(String method) {
    List<Call> out = new ArrayList<>();
    for (Call c : calls) {
      if (c.method().equals(method)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Waits up to five seconds for a call that matches. */
  public Call await(String method, Predicate<Call> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      for (Call c : calls(method)) {
        if (match.test(c)) {
          return c;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + method + " call matched; calls: " + calls);
  }

  public void clear() {
    calls.clear();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body.startsWith("{")) {
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
