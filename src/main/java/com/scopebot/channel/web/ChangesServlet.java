package com.scopebot.channel.web;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
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

  /** Reports kept rendered, per document and date asked: the same report is asked again and again. */
  static final int REPORTS_KEPT = 64;

  /**
   * A history, the corpus it was built from, and its reports as sent (a report of every document runs to ~190 KB and
   * ~7 ms to build; sent again, it costs a copy).
   */
  private record Built(Corpus corpus, History history, Cache<String, byte[]> reports) {}

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
    Built b = built(answerer.index().corpus());
    String document = req.getParameter("document");
    String key = since + "\u0000" + document;
    byte[] sent = b.reports().getIfPresent(key);
    if (sent == null) {
      try {
        sent = JsonHttp.bytes(ChangesJson.of(ChangesReport.of(b.history(), document, since)));
      } catch (UnknownDocumentException e) {
        JsonHttp.error(resp, 400, e.getMessage());
        return;
      }
      b.reports().put(key, sent);
    }
    JsonHttp.write(resp, 200, sent);
  }

  /** The history of the corpus in service; two requests racing after a swap may both build it, to the same effect. */
  private Built built(Corpus corpus) {
    Built b = built.get();
    if (b == null || b.corpus() != corpus) {
      b = new Built(corpus, History.of(corpus), CacheBuilder.newBuilder().maximumSize(REPORTS_KEPT).build());
      built.set(b);
    }
    return b;
  }

  private static String cut(String s) {
    return s.length() <= 40 ? s : s.substring(0, 39) + "…";
  }
}
