package com.scopebot.channel.web;

import com.scopebot.answer.Answerer;
import com.scopebot.records.AnswerRecord;
import com.scopebot.service.AnswerService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /answers/{id}}: an answer record as a page people open from chat and paste into tickets
 * ({@link AnswerPage}); the record's JSON stays at {@code /api/answers/{id}}. 404 for an id that names no record, 503
 * while the records cannot be read.
 */
public final class AnswerPageServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerPageServlet.class);

  private final transient AnswerService service;

  public AnswerPageServlet(AnswerService service) {
    this.service = service;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Matcher m = AnswersServlet.RECORD.matcher(String.valueOf(req.getPathInfo()));
    if (!m.matches()) {
      page(resp, 404, notFound("Answer ids are 32 hexadecimal characters."));
      return;
    }
    try {
      Optional<AnswerRecord> r = service.record(m.group(1));
      if (r.isEmpty()) {
        page(resp, 404, notFound("No answer has this id."));
        return;
      }
      Answerer answerer = service.index().get();
      page(resp, 200, AnswerPage.of(r.get(), answerer == null ? List.of() : answerer.index().corpus().documents()));
    } catch (SQLException e) {
      LOG.warn("reading answer record {} failed: {}", m.group(1), e.getClass().getSimpleName());
      resp.setHeader("Retry-After", "5");
      page(resp, 503, notFound("Answer records cannot be read right now; please try again in a few seconds."));
    }
  }

  private static void page(HttpServletResponse resp, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/html;charset=utf-8");
    resp.setHeader("Cache-Control", "no-cache");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  /** A page that says why there is no answer to show (fixed text only). */
  private static String notFound(String why) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>No such answer — Scopebot</title>"
        + "<link rel=\"stylesheet\" href=\"/style.css\"></head><body><main class=\"app\"><h1>No such answer</h1><p>"
        + why + "</p><p><a href=\"/\">Ask Scopebot</a></p></main></body></html>";
  }
}
