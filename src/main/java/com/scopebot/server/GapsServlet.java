package com.scopebot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Answerer;
import com.scopebot.channel.web.ApiDate;
import com.scopebot.channel.web.JsonHttp;
import com.scopebot.records.GapQuery;
import com.scopebot.service.Gaps;
import com.scopebot.service.GapsCsv;
import com.scopebot.service.GapsReport;
import com.scopebot.service.LiveIndex;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/gaps?from=…&to=…&channel=…&limit=…&format=csv} with the admin token
 * ({@code Authorization: Bearer}): the gaps report ({@link GapsReport}) as JSON, or as CSV with {@code format=csv} or
 * {@code Accept: text/csv}. Only administrators see it, because it shows questions as people asked them.
 *
 * <p>A report reads at most {@code limit} rows a source and lists at most {@link Gaps#MAX_GROUPS} groups a grouping;
 * {@link #AT_ONCE} reports are built at a time, a further one gets 503. 400 for a bad filter, 401/429 as every admin
 * endpoint, 404 when no admin token is set, 503 while the index loads or the store is unavailable.
 */
final class GapsServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(GapsServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reports built at once: each may read thousands of rows and questions. */
  static final int AT_ONCE = 2;

  private final transient LiveIndex index;
  private final transient Gaps gaps;
  private final transient AdminGuard guard;
  private final transient Semaphore running = new Semaphore(AT_ONCE);

  /**
   * @param gaps the report's sources, or null when no answers are recorded
   * @param guard the admin token's check; null disables the endpoint
   */
  GapsServlet(LiveIndex index, Gaps gaps, AdminGuard guard) {
    this.index = index;
    this.gaps = gaps;
    this.guard = guard;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
      resp.setHeader("Allow", "GET");
      JsonHttp.error(resp, 405, "use GET /api/gaps?from=YYYY-MM-DD&to=YYYY-MM-DD&channel=…");
      return;
    }
    super.service(req, resp);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Cache-Control", "no-store"); // people's questions: never kept by a cache on the way
    if (guard == null) {
      JsonHttp.error(resp, 404, "the gaps report is disabled: set SCOPEBOT_ADMIN_TOKEN to enable it");
      return;
    }
    if (!guard.admits(req, resp)) {
      return;
    }
    GapQuery query;
    boolean csv;
    try {
      query = query(req);
      csv = wantsCsv(req);
    } catch (IllegalArgumentException e) {
      JsonHttp.error(resp, 400, e.getMessage());
      return;
    }
    Answerer answerer = index.get();
    if (answerer == null) {
      JsonHttp.stillLoading(resp);
      return;
    }
    if (gaps == null) {
      JsonHttp.error(resp, 503, "answers are not recorded, so there are no gaps to report");
      return;
    }
    if (!running.tryAcquire()) {
      resp.setHeader("Retry-After", "5");
      JsonHttp.error(resp, 503, "other gaps reports are being built; try again in a few seconds");
      return;
    }
    GapsReport report;
    try {
      report = gaps.report(query, answerer);
    } catch (SQLException e) {
      LOG.warn("reading the gaps failed: {}", e.toString());
      JsonHttp.error(resp, 503, "answer records are unavailable right now");
      return;
    } finally {
      running.release();
    }
    if (csv) {
      byte[] body = GapsCsv.of(report).getBytes(StandardCharsets.UTF_8);
      resp.setStatus(200);
      resp.setContentType("text/csv; charset=utf-8");
      resp.setHeader("Content-Disposition", "attachment; filename=\"scopebot-gaps.csv\"");
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
    } else {
      JsonHttp.write(resp, 200, JSON.valueToTree(report));
    }
  }

  /** The filters of a request; each refused with what is wrong. */
  static GapQuery query(HttpServletRequest req) {
    String channel = req.getParameter("channel");
    String limit = req.getParameter("limit");
    return new GapQuery(date("from", req.getParameter("from")), date("to", req.getParameter("to")),
        blank(channel) ? null : channel.strip(), blank(limit) ? Gaps.DEFAULT_LIMIT : number("limit", limit));
  }

  private static int number(String field, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + field + "\" must be a number from 1 to " + GapQuery.MAX_LIMIT
          + ", got \"" + cut(text) + "\"");
    }
  }

  private static LocalDate date(String field, String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return ApiDate.parse(field, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + ", got \"" + cut(text) + "\"");
    }
  }

  /** CSV when {@code format=csv}, or without a format when the client accepts {@code text/csv}. */
  private static boolean wantsCsv(HttpServletRequest req) {
    String format = req.getParameter("format");
    if (!blank(format)) {
      String f = format.strip().toLowerCase(java.util.Locale.ROOT);
      if (!f.equals("csv") && !f.equals("json")) {
        throw new IllegalArgumentException("\"format\" must be json or csv, got \"" + cut(format) + "\"");
      }
      return f.equals("csv");
    }
    String accept = req.getHeader("Accept");
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String cut(String s) {
    return s.length() <= 40 ? s : s.substring(0, 39) + "…";
  }
}
