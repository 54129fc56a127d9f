package com.scopebot.server;

import com.scopebot.records.AnswerStore;
import com.scopebot.service.LiveIndex;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /healthz}: the process is alive (touches nothing else). {@code /readyz}: the index is loaded and the answer
 * store is up, as JSON; 503 with the reason otherwise. The store's state is a flag its background check sets
 * ({@link AnswerStore#isUp()}), so neither endpoint ever waits on the database.
 */
final class HealthServlet extends HttpServlet {

  private final transient LiveIndex index;
  private final transient AnswerStore store;

  /** @param store the answer store, or null when answers are not recorded */
  HealthServlet(LiveIndex index, AnswerStore store) {
    this.index = index;
    this.store = store;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Cache-Control", "no-store");
    if (!"/readyz".equals(req.getServletPath())) {
      resp.setContentType("text/plain");
      resp.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String reason = !index.ready() ? "the index is loading"
        : store != null && !store.isUp() ? "the answer store is unreachable: answers are given without records" : null;
    resp.setStatus(reason == null ? 200 : 503);
    resp.setContentType("application/json");
    String body = reason == null ? "{\"ready\":true}\n" : "{\"ready\":false,\"reason\":\"" + reason + "\"}\n";
    resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
