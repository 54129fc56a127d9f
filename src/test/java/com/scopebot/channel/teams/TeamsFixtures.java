package com.scopebot.channel.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Published Teams activities (src/test/resources/fixtures/teams) and hand-written ones, ready to post. */
public final class TeamsFixtures {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String BOT_ID = "28:00000000-1111-2222-3333-444444444444";

  private TeamsFixtures() {}

  static String raw(String name) {
    try (InputStream in = TeamsFixtures.class.getResourceAsStream("/fixtures/teams/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A published fixture, adapted at replay time only as emulator mode requires: its serviceUrl on loopback. */
  static ObjectNode published(String name, String serviceUrl) {
    try {
      ObjectNode a = (ObjectNode) JSON.readTree(raw(name));
      a.put("serviceUrl", serviceUrl);
      return a;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A personal-chat message from a Teams user, as Teams sends it. */
  public static ObjectNode message(String text, String serviceUrl) {
    ObjectNode a = JSON.createObjectNode();
    a.put("type", "message").put("id", "1700000000001").put("channelId", "msteams").put("serviceUrl", serviceUrl)
        .put("text", text).put("textFormat", "plain").put("timestamp", "2025-01-01T10:00:00.000Z");
    a.putObject("from").put("id", "29:1user").put("name", "Ada").put("aadObjectId", "6f1c1f4e-0000-4000-8000-000000000001");
    a.putObject("recipient").put("id", BOT_ID).put("name", "Scopebot");
    a.putObject("conversation").put("id", "a:1personal-conversation").put("conversationType", "personal")
        .put("tenantId", "72f988bf-0000-4000-8000-000000000000");
    a.putObject("channelData").putObject("tenant").put("id", "72f988bf-0000-4000-8000-000000000000");
    return a;
  }

  /** A Jetty server on loopback, to stop after the tests, and its base address. */
  record Loopback(Server server, URI base) {}

  /** Starts Jetty on a free loopback port with the servlets of a context. */
  static Loopback serve(ServletContextHandler context) throws Exception {
    Server jetty = new Server();
    ServerConnector http = new ServerConnector(jetty);
    http.setHost("127.0.0.1");
    http.setPort(0);
    jetty.addConnector(http);
    jetty.setHandler(context);
    jetty.start();
    return new Loopback(jetty, URI.create("http://127.0.0.1:" + http.getLocalPort() + "/"));
  }
}
