package com.scopebot.server;

import com.scopebot.channel.web.JsonHttp;
import com.scopebot.service.ScopeMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/** Counts and times every request by route, and sets the headers every response should carry. */
final class RequestFilter extends HttpFilter {

  /** Routes are the mounted paths, never raw request paths, so a scan of random URLs cannot grow the metrics. */
  private static final Set<String> ROUTES = Set.of("/api/ask", "/api/answers", "/api/changes", "/api/dispute",
      "/api/documents", "/api/search", "/healthz", "/readyz", "/metrics", "/admin/reindex", "/slack/events",
      "/api/messages");

  /** Methods counted by name; any other (a client may send any token) is counted as {@code other}. */
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
      "TRACE");

  private final transient ScopeMetrics metrics;

  RequestFilter(ScopeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    if ("TRACE".equals(req.getMethod())) {
      // TRACE echoes the request back, Cookie and Authorization included: never
      JsonHttp.error(resp, 405, "TRACE is not allowed");
      metrics.request(route(req), "TRACE", 405, System.nanoTime() - start);
      return;
    }
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    try {
      chain.doFilter(req, resp);
    } finally {
      metrics.request(route(req), method(req.getMethod()), resp.getStatus(), System.nanoTime() - start);
    }
  }

  private static String route(HttpServletRequest req) {
    String path = req.getServletPath();
    return ROUTES.contains(path) ? path : "static";
  }

  /** The metric label of a method: a closed set, so made-up methods cannot grow the metrics. */
  static String method(String m) {
    return METHODS.contains(m) ? m : "other";
  }
}
