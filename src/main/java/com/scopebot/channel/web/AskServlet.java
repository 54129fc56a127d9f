package com.scopebot.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Answerer;
import com.scopebot.records.Origin;
import com.scopebot.service.AnswerService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /api/ask {"question": "..."}}: the answer contract's JSON plus the record's {@code id}; with
 * {@code "explain": true}, also an {@code explain} object saying how the question was read and why the verdict; with
 * {@code "conversation": "<id>"}, a follow-up ("and for a single forest?") is read against that conversation's
 * previous question; with {@code "as_of": "2018-04-01"}, the answer comes from the revisions in force that day.
 *
 * <p>The web chat sends {@code "channel": "web"}; other callers are counted as {@code api}. Any other method gets 405
 * with {@code Allow: POST} and a body saying how to ask.
 */
public final class AskServlet extends HttpServlet {

  /** Longest conversation id a client may send (the web chat sends a random session id). */
  static final int MAX_CONVERSATION_ID = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient AnswerService service;

  public AskServlet(AnswerService service) {
    this.service = service;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    if (!"POST".equals(req.getMethod())) {
      resp.setHeader("Allow", "POST");
      JsonHttp.error(resp, 405, "use POST with {\"question\": \"…\"}");
      return;
    }
    super.service(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      ObjectNode body = JsonHttp.readObject(req);
      JsonNode q = body.get("question");
      if (q == null || q.isNull()) {
        throw new JsonHttp.HttpError(400, "missing \"question\"");
      }
      if (!q.isTextual()) {
        throw new JsonHttp.HttpError(400, "\"question\" must be a string");
      }
      if (q.asText().isBlank()) {
        throw new JsonHttp.HttpError(400, "\"question\" is empty");
      }
      if (q.asText().length() > Answerer.MAX_QUESTION_CHARS) {
        throw new JsonHttp.HttpError(413, "\"question\" is too long: the limit is " + Answerer.MAX_QUESTION_CHARS
            + " characters");
      }
      String channel = "web".equals(body.path("channel").asText()) ? "web" : "api";
      JsonNode explain = body.get("explain");
      if (explain != null && !explain.isBoolean() && !explain.isNull()) {
        throw new JsonHttp.HttpError(400, "\"explain\" must be true or false");
      }
      JsonNode conversation = body.get("conversation");
      if (conversation != null && !conversation.isNull()
          && (!conversation.isTextual() || conversation.asText().length() > MAX_CONVERSATION_ID)) {
        throw new JsonHttp.HttpError(400, "\"conversation\" must be a string of at most " + MAX_CONVERSATION_ID
            + " characters");
      }
      JsonNode asOf = body.get("as_of");
      java.time.LocalDate date = null;
      if (asOf != null && !asOf.isNull()) {
        try {
          date = ApiDate.parse("as_of", asOf.asText());
        } catch (IllegalArgumentException e) {
          throw new JsonHttp.HttpError(400, e.getMessage());
        }
      }
      boolean inConversation = conversation != null && !conversation.isNull();
      // a web chat's conversation is where an expert's answer is kept for it (the tab reads it from the record)
      Origin origin = inConversation && channel.equals("web") ? new Origin("web", JSON.createObjectNode()
          .put("conversation", conversation.asText()).put("label", "conversation " + conversation.asText()).toString())
          : null;
      AnswerService.Given given = service.ask(q.asText(), channel, null, explain != null && explain.asBoolean(),
          inConversation ? ownConversation(req, conversation.asText()) : null, date, origin);
      JsonHttp.start(resp, 200);
      resp.setContentLength(given.jsonWithIdLength());
      given.writeJsonWithId(resp.getOutputStream());
    } catch (JsonHttp.HttpError e) {
      JsonHttp.error(resp, e.status(), e.getMessage());
    } catch (AnswerService.NotReadyException e) {
      JsonHttp.stillLoading(resp);
    }
  }

  /**
   * A conversation id as the caller's own: the id with the caller's address, so that another client that learns or
   * guesses the id neither reads the earlier question through a follow-up nor steers the next one.
   */
  private static String ownConversation(HttpServletRequest req, String id) {
    return ClientAddress.of(req) + "\u0000" + id;
  }
}
