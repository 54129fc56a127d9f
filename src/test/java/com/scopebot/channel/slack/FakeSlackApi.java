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

/** Slack's Web API and response URLs, faked on loopback: records every call and answers {@code ok}. */
final class FakeSlackApi implements AutoCloseable {

  /** One call: the API method (or response URL path), its parameters (form) or body (JSON). */
  record Call(String method, Map<String, String> params, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String method = path.startsWith("/api/") ? path.substring(5) : path;
      calls.add(new Call(method, form(body), body));
      String reply = switch (method) {
        case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"C111\",\"ts\":\"1700000000.000100\"}";
        case "auth.test" -> "{\"ok\":true,\"user_id\":\"U222\",\"bot_id\":\"B222\",\"team_id\":\"T111\"}";
        default -> "{\"ok\":true}";
      };
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  String responseUrl(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + name;
  }

  List<Call> calls(String method) {
    List<Call> out = new ArrayList<>();
    for (Call c : calls) {
      if (c.method().equals(method)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Waits up to five seconds for a call that matches. */
  Call await(String method, Predicate<Call> match) throws InterruptedException {
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

  void clear() {
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
