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

/**
 * {@code GET /api/search?q=…&limit=…}: precise search in Lucene's query syntax ({@link StatementSearch}), answered
 * with {@code {"query": …, "total": n, "results": [...]}}, each result a passage cited as answers cite it with the
 * matching statement's holder, polarity and conditions. A query that cannot be run gets 400 saying why and where.
 */
public final class SearchServlet extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient LiveSearch search;

  public SearchServlet(LiveSearch search) {
    this.search = search;
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
    try {
      JsonHttp.write(resp, 200, JSON.valueToTree(index.search(query, limit)));
    } catch (QueryException e) {
      JsonHttp.error(resp, 400, e.getMessage());
    }
  }
}
