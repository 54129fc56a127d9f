package com.scopebot.channel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.search.QueryException;
import com.scopebot.search.StatementSearch;
import com.scopebot.service.LiveSearch;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /api/search?q=…&limit=…}: precise search in Lucene's query syntax ({@link StatementSearch}), answered
 * with {@code {"query": …, "total": n, "results": [...]}}, each result a passage cited as answers cite it with the
 * matching statement's holder, polarity and conditions. A query that cannot be run gets 400 saying why and where; a
 * search that finds the searches it may run beside all running gets 503 with {@code Retry-After}.
 */
public final class SearchServlet extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient LiveSearch search;
  /**
   * Searches that may run at once. A search costs up to {@link StatementSearch#TIME_BUDGET_MILLIS} of one core; one
   * core fewer than the machine has leaves room for answers and health checks while a client sends costly ones.
   */
  private final transient Semaphore running;

  public SearchServlet(LiveSearch search) {
    this(search, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
  }

  SearchServlet(LiveSearch search, int atOnce) {
    this.search = search;
    this.running = new Semaphore(atOnce);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
      resp.setHeader("Allow", "GET");
      JsonHttp.error(resp, 405, "use GET /api/search?q=…");
      return;
    }
    super.service(req, resp);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String query = req.getParameter("q");
    if (query == null || query.isBlank()) {
      JsonHttp.error(resp, 400, "missing \"q\": GET /api/search?q=holder:customer+AND+certificat*");
      return;
    }
    int limit;
    try {
      String given = req.getParameter("limit");
      limit = given == null || given.isBlank() ? StatementSearch.DEFAULT_LIMIT : Integer.parseInt(given.strip());
    } catch (NumberFormatException e) {
      JsonHttp.error(resp, 400, "\"limit\" must be a number from 1 to " + StatementSearch.MAX_LIMIT);
      return;
    }
    StatementSearch index = search.get();
    if (index == null) {
      JsonHttp.stillLoading(resp);
      return;
    }
    // turned away at once rather than queued: a queued search would hold a request thread while it waits
    if (!running.tryAcquire()) {
      resp.setHeader("Retry-After", "1");
      JsonHttp.error(resp, 503, "too many searches at once; try again in a second");
      return;
    }
    try {
      JsonHttp.write(resp, 200, JSON.valueToTree(index.search(query, limit)));
    } catch (QueryException e) {
      JsonHttp.error(resp, 400, e.getMessage());
    } finally {
      running.release();
    }
  }
}
