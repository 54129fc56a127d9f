package com.scopebot.channel.slack;

import com.scopebot.channel.web.JsonHttp;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * {@code /slack/events}: Bolt's servlet, behind two checks of our own. Request bodies are capped, and the request
 * timestamp must be within five minutes either way: Bolt refuses old ones, this also refuses ones from the future,
 * which a replay of a captured request with a forged clock would need.
 */
public final class SlackServlet extends HttpServlet {

  static final long MAX_SKEW_SECONDS = 300;
  static final int MAX_BODY_BYTES = 256 * 1024;

  private final transient SlackAppServlet bolt;
  private final transient Clock clock;

  public SlackServlet(SlackChannel channel, Clock clock) {
    this.bolt = new SlackAppServlet(channel.app());
    this.clock = clock;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    bolt.init(config);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      JsonHttp.drainRefusedBody(req); // so the sender reads the 413 rather than a reset connection
      JsonHttp.error(resp, 413, "request body too large");
      return;
    }
    String ts = req.getHeader("X-Slack-Request-Timestamp");
    long now = clock.instant().getEpochSecond();
    try {
      if (ts == null || Math.abs(now - Long.parseLong(ts.trim())) > MAX_SKEW_SECONDS) {
        JsonHttp.error(resp, 401, "invalid request timestamp");
        return;
      }
    } catch (NumberFormatException e) {
      JsonHttp.error(resp, 401, "invalid request timestamp");
      return;
    }
    bolt.service(req, resp);
  }
}
