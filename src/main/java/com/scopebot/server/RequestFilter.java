package com.scopebot.server;

import com.scopebot.channel.web.JsonHttp;
import com.scopebot.service.ScopeMetrics;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Counts and times every request by route, and sets the headers every response should carry. Methods this server does
 * not know get 501; TRACE gets 405.
 */
final class RequestFilter extends HttpFilter {

  /** Routes are the mounted paths, never raw request paths, so a scan of random URLs cannot grow the metrics. */
  private static final Set<String> ROUTES = Set.of("/api/ask", "/api/answers", "/answers", "/api/changes", "/api/dispute",
      "/api/documents", "/api/search", "/healthz", "/readyz", "/metrics", "/admin/reindex", "/slack/events",
      "/api/messages", "/api/gaps");

  /** Methods counted by name; any other (a client may send any token) is counted as {@code other}. */
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
      "TRACE");

  /** What a 501 lists: the methods some endpoint here answers. */
  private static final java.util.List<String> IMPLEMENTED = java.util.List.of("GET", "HEAD", "POST", "OPTIONS");

  /** What every response carries, Jetty's own errors too ({@link JsonErrorHandler}). */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");

  private final transient ScopeMetrics metrics;

  RequestFilter(ScopeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    SECURITY_HEADERS.forEach(resp::setHeader);
    if ("TRACE".equals(req.getMethod())) {
      // TRACE echoes the request back, Cookie and Authorization included: never
      JsonHttp.error(resp, 405, "TRACE is not allowed");
      metrics.request(route(req), "TRACE", 405, System.nanoTime() - start);
      return;
    }
    if (!METHODS.contains(req.getMethod())) {
      // 501, not 405: the method is unknown to this server, not merely refused here; never echoed back
      JsonHttp.error(resp, 501, "unknown method; this server implements " + String.join(", ", IMPLEMENTED));
      metrics.request(route(req), "other", 501, System.nanoTime() - start);
      return;
    }
    String route = route(req);
    String method = method(req.getMethod());
    try {
      chain.doFilter(req, resp);
    } finally {
      if (req.isAsyncStarted()) {
        // the body is still being read (BodyFilter): counted when the answer is complete, with its real status
        req.getAsyncContext().addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            metrics.request(route, method, resp.getStatus(), System.nanoTime() - start);
          }

          @Override
          public void onTimeout(AsyncEvent event) {}

          @Override
          public void onError(AsyncEvent event) {}

          @Override
          public void onStartAsync(AsyncEvent event) {
            // started again (BufferedResponses sends the body): listeners are dropped then, so stay for the end
            event.getAsyncContext().addListener(this);
          }
        });
      } else {
        metrics.request(route, method, resp.getStatus(), System.nanoTime() - start);
      }
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
