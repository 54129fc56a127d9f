package com.scopebot.channel.web;

import com.scopebot.answer.Answerer;
import com.scopebot.corpus.Corpus;
import com.scopebot.history.ChangesJson;
import com.scopebot.history.ChangesReport;
import com.scopebot.history.History;
import com.scopebot.history.UnknownDocumentException;
import com.scopebot.service.LiveIndex;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /api/changes?document=…&since=…}: what changed between revisions (see {@link ChangesJson}), of one
 * document (a file name or title of any revision) or of every document with earlier revisions, since a day or ever.
 *
 * <p>The history is built from the corpus in service on the first request, and again after a reindex swaps the
 * corpus. 400 for a bad date or a name that names no document (or several), 503 while the index loads; any other
 * method gets 405 with {@code Allow: GET}.
 */
public final class ChangesServlet extends HttpServlet {

  /** A history and the corpus it was built from. */
  private record Built(Corpus corpus, History history) {}

  private final transient LiveIndex index;
  private final transient AtomicReference<Built> built = new AtomicReference<>();

  public ChangesServlet(LiveIndex index) {
    this.index = index;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
      resp.setHeader("Allow", "GET");
      JsonHttp.error(resp, 405, "use GET /api/changes?document=…&since=YYYY-MM-DD");
      return;
    }
    super.service(req, resp);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    LocalDate since = null;
    String day = req.getParameter("since");
    if (day != null && !day.isBlank()) {
      try {
        since = ApiDate.parse("since", day);
      } catch (IllegalArgumentException e) {
        JsonHttp.error(resp, 400, e.getMessage() + ", got \"" + cut(day) + "\"");
        return;
      }
    }
    Answerer answerer = index.get();
    if (answerer == null) {
      JsonHttp.stillLoading(resp);
      return;
    }
    try {
      ChangesReport report = ChangesReport.of(history(answerer.index().corpus()), req.getParameter("document"), since);
      JsonHttp.write(resp, 200, ChangesJson.of(report));
    } catch (UnknownDocumentException e) {
      JsonHttp.error(resp, 400, e.getMessage());
    }
  }

  /** The history of the corpus in service; two requests racing after a swap may both build it, to the same effect. */
  private History history(Corpus corpus) {
    Built b = built.get();
    if (b == null || b.corpus() != corpus) {
      b = new Built(corpus, History.of(corpus));
      built.set(b);
    }
    return b.history();
  }

  private static String cut(String s) {
    return s.length() <= 40 ? s : s.substring(0, 39) + "…";
  }
}
