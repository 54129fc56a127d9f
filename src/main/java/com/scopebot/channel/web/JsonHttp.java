package com.scopebot.channel.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Strict JSON at the HTTP edge: size-capped bodies, the right content type, errors that say what is wrong. */
public final class JsonHttp {

  /** Largest request body read; larger ones get 413 without being read further. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Strict: one JSON value and nothing after it, no key given twice (two readers could take different ones). */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** A request that cannot be served, with the status and message to answer it with. */
  public static final class HttpError extends Exception {
    private final int status;

    public HttpError(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private static final Pattern SOURCE_IN_PARENTHESES = Pattern.compile("\\s*\\([^()\\[]*\\[Source:.*$");
  private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source:.*$");

  private JsonHttp() {}

  /** Reads a JSON object body: 415 for another content type, 413 when too large, 400 when not a JSON object. */
  public static ObjectNode readObject(HttpServletRequest req) throws HttpError, IOException {
    String type = req.getContentType();
    if (!isJson(type)) {
      throw new HttpError(415, "send the body as application/json, got "
          + (type == null ? "no content type" : LogSafe.text(type)));
    }
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      // the server reads bodies ahead within this cap (BodyFilter); the cap is kept here for any other caller
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new HttpError(413, "request body too large: the limit is " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new HttpError(400, describe("invalid JSON", e));
    }
    if (node == null || !node.isObject()) {
      throw new HttpError(400, "expected a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * {@code invalid JSON at line 1, column 17 ("a.b"): reason}: where and why a body is not the JSON wanted, in the
   * reader's terms, without Jackson's own (its "[Source: REDACTED …]" locations, feature and class names); the reason,
   * which can quote a token of the body, escaped and cut as for a log line.
   *
   * @param what how the message starts ("invalid JSON")
   */
  public static String describe(String what, JsonProcessingException e) {
    StringBuilder sb = new StringBuilder(what);
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      sb.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String path = m.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      sb.append(" (\"").append(LogSafe.text(path)).append("\")");
    }
    String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    if (reason.startsWith("Trailing token")) {
      // "… (bound as `…JsonNode`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"
      reason = "more after the end of the JSON value";
    }
    // "(start marker at [Source: REDACTED …; line: 1, column: 1])": where it went wrong is said above
    reason = SOURCE_IN_PARENTHESES.matcher(reason).replaceAll("");
    reason = SOURCE.matcher(reason).replaceAll("").strip();
    if (!reason.isEmpty()) {
      sb.append(": ").append(LogSafe.text(reason));
    }
    return sb.toString();
  }

  /** True for {@code application/json}, with parameters or none, and a UTF-8 charset or none. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].trim().equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
        return false; // the body is read as UTF-8, which JSON on the wire is (RFC 8259)
      }
    }
    return true;
  }

  /**
   * Reads and drops up to a limit of an unwanted body, so a client still sending it reads the 413 rather than a reset
   * connection; a body beyond the limit gets the connection closed on it.
   */
  public static void drainRefusedBody(HttpServletRequest req) throws IOException {
    byte[] sink = new byte[8192];
    try (InputStream in = req.getInputStream()) {
      long left = RefusedBody.DISCARD_LIMIT;
      for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
        left -= n;
      }
    }
  }

  /** Writes a JSON body with a status. */
  public static void write(HttpServletResponse resp, int status, JsonNode body) throws IOException {
    write(resp, status, bytes(body));
  }

  /** Writes a JSON body already serialised ({@link #bytes}) with a status. */
  public static void write(HttpServletResponse resp, int status, byte[] json) throws IOException {
    start(resp, status);
    // the length tells the client the answer is complete, even while a refused body is still arriving
    resp.setContentLength(json.length);
    resp.getOutputStream().write(json);
  }

  /** A JSON body as it is sent. */
  public static byte[] bytes(JsonNode body) throws JsonProcessingException {
    return JSON.writeValueAsBytes(body);
  }

  /** Sets the status and headers of a JSON response whose body the caller writes. */
  public static void start(HttpServletResponse resp, int status) {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
  }

  /** Writes {@code {"error": message}}. */
  public static void error(HttpServletResponse resp, int status, String message) throws IOException {
    write(resp, status, JSON.createObjectNode().put("error", message));
  }

  /** 503 while the index loads, with a hint to retry in a second (loading takes a few). */
  public static void stillLoading(HttpServletResponse resp) throws IOException {
    resp.setHeader("Retry-After", "1");
    error(resp, 503, AnswerService.NotReadyException.MESSAGE);
  }
}
