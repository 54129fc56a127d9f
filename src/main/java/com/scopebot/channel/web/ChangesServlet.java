package com.scopebot.channel.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.scopebot.answer.Answerer;
import com.scopebot.corpus.Corpus;
import com.scopebot.history.ChangesJson;
import com.scopebot.history.ChangesReport;
import com.scopebot.history.History;
import com.scopebot.history.UnknownDocumentException;
import com.scopebot.service.AffectedAnswers;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.LogSafe;
import com.scopebot.service.Reanswering;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.Predicate;
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
 *
 * <p>With an answer store, the report also lists the stored answers its revisions changed and that were answered again
 * ({@link AffectedAnswers}: {@code affectedAnswers} and {@code reanswering}), read from the store at each request; a
 * store that fails leaves them out and says so in {@code affectedAnswersError}. Their questions and records are
 * people's: listed only for a request with the admin token, as the gaps report's are; without it each answer has its
 * verdicts and sentences alone, and {@code affectedAnswersPrivate} says why.
 */
public final class ChangesServlet extends HttpServlet {

  /** Reports kept rendered, per document and date asked: the same report is asked again and again. */
  static final int REPORTS_KEPT = 64;

  /**
   * A history, the corpus it was built from, and its reports as sent (a report of every document runs to ~190 KB and
   * ~7 ms to build; sent again, it costs a copy).
   */
  private record Built(Corpus corpus, History history, Cache<String, byte[]> reports) {}

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChangesServlet.class);

  private final transient LiveIndex index;
  /** The answers answered again after a new revision, or null without an answer store. */
  private final transient Reanswering reanswering;
  private final transient AtomicReference<Built> built = new AtomicReference<>();

  public ChangesServlet(LiveIndex index) {
    this(index, null, req -> false);
  }

  /** Whether a request carries the admin token; a wrong one counts as a guess, as at every admin endpoint. */
  private final transient Predicate<HttpServletRequest> admin;

  /**
   * @param reanswering the answers answered again after a new revision, or null to list none
   * @param admin whether a request carries the admin token (the questions and records are listed only then)
   */
  public ChangesServlet(LiveIndex index, Reanswering reanswering, Predicate<HttpServletRequest> admin) {
    this.index = index;
    this.reanswering = reanswering;
    this.admin = admin;
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
    ChangesReport report;
    try {
      report = ChangesReport.of(b.history(), document, since);
    } catch (UnknownDocumentException e) {
      JsonHttp.error(resp, 400, e.getMessage());
      return;
    }
    if (sent == null) {
      sent = JsonHttp.bytes(ChangesJson.of(report));
      b.reports().put(key, sent);
    }
    if (reanswering == null) {
      JsonHttp.write(resp, 200, sent);
      return;
    }
    boolean people = admin.test(req);
    if (people) {
      resp.setHeader("Cache-Control", "no-store"); // people's questions: never kept by a cache on the way
    }
    JsonHttp.write(resp, 200, withAffected(sent, report, document != null && !document.isBlank(), people));
  }

  /**
   * The report's JSON with the answers its revisions changed put in after its last field: the report stays cached as
   * sent, and the answers, which change as they are answered again, are read anew.
   */
  private byte[] withAffected(byte[] report, ChangesReport of, boolean named, boolean people) throws IOException {
    String fields;
    try {
      ObjectNode json = AffectedAnswers.of(reanswering.table(), of, named).json(id -> AnswerService.ANSWER_PAGE + id,
          people);
      if (!people) {
        json.put("affectedAnswersPrivate", "the questions and their records are listed with the admin token");
      }
      fields = json.toString();
    } catch (SQLException e) {
      LOG.warn("changes: the answer store failed listing the answers answered again: {}", LogSafe.text(e.toString()));
      fields = "{\"affectedAnswersError\":\"the answer store is unavailable; the answers affected are not listed\"}";
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(report.length + fields.length() + 16);
    out.write(report, 0, report.length - 1); // the report is an object: its fields go on before its closing brace
    out.write(',');
    byte[] more = fields.getBytes(StandardCharsets.UTF_8);
    out.write(more, 1, more.length - 1);
    return out.toByteArray();
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
