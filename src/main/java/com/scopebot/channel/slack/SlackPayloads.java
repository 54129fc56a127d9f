package com.scopebot.channel.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks that a signed request carries what this app's handlers read, before Bolt parses it: a malformed payload is
 * the sender's mistake (400), not a failure of ours (500). Only the fields the handlers use are required.
 * Stateless and thread-safe.
 */
final class SlackPayloads {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SlackPayloads() {}

  /** What is wrong with a request body, or empty when the handlers can read it. */
  static Optional<String> problem(String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("application/json")) {
      return json(body).map(SlackPayloads::event).orElse(Optional.of("body is not a JSON object"));
    }
    String payload = formField(body, "payload");
    if (payload == null) {
      return Optional.empty(); // a slash command: Bolt reads its form fields, none of which the handler requires
    }
    return json(payload).map(SlackPayloads::interaction).orElse(Optional.of("payload is not a JSON object"));
  }

  private static Optional<String> event(JsonNode n) {
    if (!n.path("type").isTextual()) {
      return Optional.of("missing type");
    }
    if ("event_callback".equals(n.get("type").asText()) && !n.path("event").path("type").isTextual()) {
      return Optional.of("event_callback without an event type");
    }
    return Optional.empty();
  }

  private static Optional<String> interaction(JsonNode n) {
    if (!n.path("type").isTextual()) {
      return Optional.of("payload without a type");
    }
    if (!n.path("user").path("id").isTextual()) {
      return Optional.of("payload without user.id");
    }
    return switch (n.get("type").asText()) {
      case "block_actions" -> n.path("actions").isArray() && !n.path("actions").isEmpty()
          ? Optional.empty() : Optional.of("block_actions without actions");
      case "view_submission", "view_closed" -> n.path("view").isObject()
          ? Optional.empty() : Optional.of("view payload without a view");
      case "message_action" -> n.path("message").isObject() && n.path("channel").path("id").isTextual()
          ? Optional.empty() : Optional.of("message_action without a message and channel.id");
      default -> Optional.empty();
    };
  }

  private static Optional<JsonNode> json(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** A form field's decoded value, or null when absent or not decodable. */
  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return "";
        }
      }
    }
    return null;
  }
}
