package com.scopebot.channel.web;

import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Answerer;
import com.scopebot.answer.Dispute;
import com.scopebot.service.LiveIndex;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/dispute?claim=…}: a claim laid out for a dispute — every statement for and against it across
 * documents and revisions, grouped by the verdict each supports, newest first (the dispute page renders it).
 */
public final class DisputeServlet extends HttpServlet {

  private final transient LiveIndex index;

  public DisputeServlet(LiveIndex index) {
    this.index = index;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String claim = req.getParameter("claim");
    if (claim == null || claim.isBlank()) {
      JsonHttp.error(resp, 400, "missing \"claim\": GET /api/dispute?claim=FastTrack+will+deploy+AD+FS");
      return;
    }
    if (claim.length() > Answerer.MAX_QUESTION_CHARS) {
      JsonHttp.error(resp, 413, "\"claim\" is too long: the limit is " + Answerer.MAX_QUESTION_CHARS + " characters");
      return;
    }
    Answerer answerer = index.get();
    if (answerer == null) {
      JsonHttp.stillLoading(resp);
      return;
    }
    Dispute d = answerer.dispute(claim);
    if (d.answer().smallTalk() != null) {
      // "hi", "thanks", "help": answering with the greeting would look like the documents' view of a claim
      JsonHttp.error(resp, 400, "\"claim\" is small talk, not a claim about scope: name the work the claim is "
          + "about, for example FastTrack will deploy AD FS");
      return;
    }
    JsonHttp.write(resp, 200, AnswerJson.mapper().valueToTree(d));
  }
}
