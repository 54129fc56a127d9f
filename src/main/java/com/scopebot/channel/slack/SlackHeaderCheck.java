package com.scopebot.channel.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.scopebot.channel.web.RefusedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * What {@code /slack/events} checks before it reads a body: a request timestamp within five minutes either way, a
 * well-formed signature and a declared length within the cap. Anything else is answered at once (401, 413) and its
 * body never looked at (only dropped, see {@link RefusedBody}), so a flood of made-up requests costs no more than
 * their headers.
 *
 * <p>Bolt refuses old timestamps itself; this also refuses ones from the future, which replaying a captured request
 * with a forged clock would need. Stateless and thread-safe.
 */
public final class SlackHeaderCheck extends HttpFilter {

  static final long MAX_SKEW_SECONDS = 300;
  /** Slack's payloads are a few KB; a view submission with long inputs stays well below this. */
  public static final int MAX_BODY_BYTES = 256 * 1024;
  /** Slack's signature: {@code v0=} and a hex HMAC-SHA256. */
  private static final Pattern SIGNATURE = Pattern.compile("v0=[0-9a-f]{64}");

  private static final java.util.Map<String, Integer> STATUS = java.util.Map.of("method_not_allowed", 405,
      "invalid_timestamp", 401, "invalid_signature", 401, "request_too_large", 413);

  private final transient Clock clock;
  private final long dropMillis;

  /** @param dropMillis most time spent dropping the body of a refused request (the body timeout) */
  public SlackHeaderCheck(Clock clock, long dropMillis) {
    this.clock = clock;
    this.dropMillis = dropMillis;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String refusal = refusal(req);
    if (refusal == null) {
      chain.doFilter(req, resp);
      return;
    }
    // answered at once, from the headers; the body, if any, is dropped unread after the answer has gone out
    boolean drop = RefusedBody.prepare(req, resp);
    if (refusal.equals("method_not_allowed")) {
      resp.setHeader("Allow", "POST");
    }
    error(resp, STATUS.get(refusal), refusal);
    if (drop) {
      RefusedBody.dropAfterAnswer(req, resp, dropMillis);
    }
  }

  /** Why a request is refused from its headers alone, as a Slack error code; null when it may go on. */
  private String refusal(HttpServletRequest req) {
    if (!"POST".equals(req.getMethod())) {
      return "method_not_allowed";
    } else if (!timely(req.getHeader("X-Slack-Request-Timestamp"))) {
      return "invalid_timestamp";
    } else if (!wellFormed(req.getHeader("X-Slack-Signature"))) {
      return "invalid_signature";
    } else if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      return "request_too_large";
    }
    return null;
  }

  private boolean timely(String ts) {
    if (ts == null || ts.length() > 20) {
      return false;
    }
    try {
      return Math.abs(clock.instant().getEpochSecond() - Long.parseLong(ts.trim())) <= MAX_SKEW_SECONDS;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean wellFormed(String signature) {
    return signature != null && SIGNATURE.matcher(signature).matches();
  }

  /** Slack's error shape: {@code {"ok": false, "error": "<code>"}}. */
  public static void error(HttpServletResponse resp, int status, String code) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    byte[] body = JsonNodeFactory.instance.objectNode().put("ok", false).put("error", code).toString()
        .getBytes(StandardCharsets.UTF_8);
    // the length tells the client the answer is complete while the refused body may still be arriving
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
