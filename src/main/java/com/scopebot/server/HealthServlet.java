package com.scopebot.server;

import com.scopebot.service.LiveIndex;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code /healthz}: the process is alive. {@code /readyz}: the index is loaded and questions can be answered. */
final class HealthServlet extends HttpServlet {

  private final transient LiveIndex index;

  HealthServlet(LiveIndex index) {
    this.index = index;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean readiness = "/readyz".equals(req.getServletPath());
    boolean ok = !readiness || index.ready();
    resp.setStatus(ok ? 200 : 503);
    resp.setContentType("text/plain");
    resp.setHeader("Cache-Control", "no-store");
    resp.getOutputStream().write((ok ? "ok\n" : "index loading\n").getBytes(StandardCharsets.UTF_8));
  }
}
