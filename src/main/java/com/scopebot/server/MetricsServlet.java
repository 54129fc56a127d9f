package com.scopebot.server;

import com.scopebot.service.ScopeMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: Prometheus text format. */
final class MetricsServlet extends HttpServlet {

  private final transient ScopeMetrics metrics;

  MetricsServlet(ScopeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
