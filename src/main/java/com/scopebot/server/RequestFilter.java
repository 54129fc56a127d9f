package com.scopebot.server;

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

  private final transient ScopeMetrics metrics;

  RequestFilter(ScopeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    try {
      chain.doFilter(req, resp);
    } finally {
      String path = req.getServletPath();
      String route = ROUTES.contains(path) ? path : "static";
      metrics.request(route, req.getMethod(), resp.getStatus(), System.nanoTime() - start);
    }
  }
}
