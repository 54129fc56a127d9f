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
 * store is up, as JSON with the store's state; 503 with the reason otherwise. {@code /readyz?require=index} asks for
 * the index only (the store's state is still reported). The store's state is a flag its background check sets
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
    // ?require=index: ready to answer, records or not; what a load balancer should ask, so that a database outage
    // does not take every replica out of service (answers then say they were not recorded)
    boolean storeRequired = !"index".equals(req.getParameter("require"));
    boolean storeUp = store == null || store.isUp();
    String reason = !index.ready() ? "the index is loading"
        : storeRequired && !storeUp ? "the answer store is unreachable: answers are given without records" : null;
    resp.setStatus(reason == null ? 200 : 503);
    resp.setContentType("application/json");
    String stored = ",\"store\":\"" + (store == null ? "none" : storeUp ? "up" : "down") + "\"";
    String body = reason == null ? "{\"ready\":true" + stored + "}\n"
        : "{\"ready\":false" + stored + ",\"reason\":\"" + reason + "\"}\n";
    resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
