package com.scopebot.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.service.AnswerService;
import com.scopebot.service.Experts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/answers/{id}}: an answer record (what was answered, when, from which revision, and its hand-off to
 * the experts with their replies), {@code POST /api/answers/{id}/feedback {"helpful": true|false, "reason": "...",
 * "channel": "web"|"api"}}, {@code POST /api/answers/{id}/handoff} (ask a FastTrack expert) and
 * {@code GET /api/answers/experts} ({@code {"handsOff": true|false}}: whether an experts' channel is configured).
 *
 * <p>Feedback is recorded with the channel it came from: the web chat says {@code "web"}; without a channel it is
 * {@code api}, whatever channel the answer was given on.
 */
public final class AnswersServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(AnswersServlet.class);
  /** An answer record's path below its servlet: the id, 32 hexadecimal characters (the answer page's too). */
  static final Pattern RECORD = Pattern.compile("^/([0-9a-f]{32})$");
  private static final Pattern FEEDBACK = Pattern.compile("^/([0-9a-f]{32})/feedback$");
  private static final Pattern HANDOFF = Pattern.compile("^/([0-9a-f]{32})/handoff$");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The channels that post feedback here; Slack and Teams record theirs through their own endpoints. */
  private static final Set<String> CHANNELS = Set.of("web", "api");

  private final transient AnswerService service;

  public AnswersServlet(AnswerService service) {
    this.service = service;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if ("/experts".equals(req.getPathInfo())) {
      // whether the chat may offer "Ask a FastTrack expert": one small answer a page load
      JsonHttp.write(resp, 200, JSON.createObjectNode().put("handsOff", service.handsOff()));
      return;
    }
    Matcher m = RECORD.matcher(String.valueOf(req.getPathInfo()));
    if (!m.matches()) {
      JsonHttp.error(resp, 404, "no such answer: ids are 32 hexadecimal characters");
      return;
    }
    try {
      Optional<AnswerRecord> r = service.record(m.group(1));
      if (r.isEmpty()) {
        JsonHttp.error(resp, 404, "no such answer: " + m.group(1));
        return;
      }
      JsonHttp.write(resp, 200, withHandoff(r.get()));
    } catch (SQLException e) {
      LOG.warn("reading answer record {} failed: {}", m.group(1), e.toString());
      JsonHttp.error(resp, 503, "answer records are unavailable right now");
    }
  }

  /**
   * The record as JSON, with its hand-off to the experts and the people's replies ({@code "handoff"}, null when it was
   * never handed off), and whether it may be handed off here ({@code "handsOff"}).
   */
  private ObjectNode withHandoff(AnswerRecord r) throws SQLException {
    ObjectNode json = JSON.valueToTree(r);
    json.set("handoff", JSON.valueToTree(service.handoff(r.id()).orElse(null)));
    json.put("handsOff", service.handsOff());
    return json;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Matcher h = HANDOFF.matcher(String.valueOf(req.getPathInfo()));
    if (h.matches()) {
      handOff(h.group(1), resp);
      return;
    }
    Matcher m = FEEDBACK.matcher(String.valueOf(req.getPathInfo()));
    if (!m.matches()) {
      JsonHttp.error(resp, 404, "post feedback to /api/answers/{id}/feedback");
      return;
    }
    try {
      ObjectNode body = JsonHttp.readObject(req);
      JsonNode helpful = body.get("helpful");
      if (helpful == null || !helpful.isBoolean()) {
        throw new JsonHttp.HttpError(400, "\"helpful\" must be true or false");
      }
      JsonNode reason = body.path("reason");
      if (!reason.isMissingNode() && !reason.isNull() && !reason.isTextual()) {
        throw new JsonHttp.HttpError(400, "\"reason\" must be a string");
      }
      String channel = channel(body.get("channel"));
      // one feedback an answer per caller, a later one replacing the earlier: one client cannot fill an answer's slots
      String caller = "address " + ClientAddress.of(req);
      switch (service.feedback(m.group(1), helpful.asBoolean(), reason.asText(""), channel, caller)) {
        case NO_SUCH_ANSWER -> throw new JsonHttp.HttpError(404, "no such answer: " + m.group(1));
        case FULL -> throw new JsonHttp.HttpError(429, "this answer already has all the feedback it takes ("
            + AnswerStore.MAX_FEEDBACK + "); yours was not saved");
        default -> { }
      }
      resp.setStatus(204);
    } catch (JsonHttp.HttpError e) {
      JsonHttp.error(resp, e.status(), e.getMessage());
    } catch (SQLException e) {
      LOG.warn("storing feedback for {} failed: {}", m.group(1), e.toString());
      JsonHttp.error(resp, 503, "feedback could not be stored right now; please try again");
    }
  }

  /**
   * {@code POST /api/answers/{id}/handoff}: "Ask a FastTrack expert" from the web chat. 202 with
   * {@code {"handoff": "posted"|"already", "message": "<what the asker is told>"}}; 404 for no such answer; 503 when
   * no experts' channel is configured or it cannot be reached.
   */
  private void handOff(String id, HttpServletResponse resp) throws IOException {
    if (!service.handsOff()) {
      JsonHttp.error(resp, 503, "no experts' channel is configured (SCOPEBOT_EXPERTS_CHANNEL)");
      return;
    }
    Experts.Outcome outcome = service.handOff(id, "button", "");
    switch (outcome) {
      case POSTED, ALREADY -> JsonHttp.write(resp, 202, JSON.createObjectNode()
          .put("handoff", outcome.name().toLowerCase(java.util.Locale.ROOT)).put("message", outcome.told()));
      case NO_SUCH_ANSWER -> JsonHttp.error(resp, 404, "no such answer: " + id);
      case FAILED -> JsonHttp.error(resp, 503, outcome.told());
    }
  }

  /** The feedback's channel: {@code api} when not given, else one of {@link #CHANNELS}. */
  private static String channel(JsonNode given) throws JsonHttp.HttpError {
    if (given == null || given.isNull()) {
      return "api";
    }
    if (!given.isTextual() || !CHANNELS.contains(given.asText())) {
      throw new JsonHttp.HttpError(400, "\"channel\" must be \"web\" or \"api\", got " + cut(given.toString()));
    }
    return given.asText();
  }

  private static String cut(String s) {
    return s.length() <= 40 ? s : s.substring(0, 39) + "…";
  }
}
