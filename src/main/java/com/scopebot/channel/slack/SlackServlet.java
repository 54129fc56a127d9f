package com.scopebot.channel.slack;

import com.scopebot.service.LogSafe;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /slack/events}, behind {@link SlackHeaderCheck}: verifies the signature over the body, answers a signed
 * request replayed within five minutes once (the repeat gets an empty 200), refuses a payload the handlers cannot read
 * with 400, then lets Bolt run the app. Errors are Slack's shape, {@code {"ok": false, "error": ...}}, never a stack
 * trace.
 */
public final class SlackServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(SlackServlet.class);
  /** How long a signed request counts as a replay: as long as its timestamp is accepted, either way. */
  static final Duration REPLAY_WINDOW = Duration.ofSeconds(2 * SlackHeaderCheck.MAX_SKEW_SECONDS);
  private static final String BODY = SlackServlet.class.getName() + ".body";

  private final transient App app;
  private final transient Adapter adapter;
  private final transient SlackSignature.Verifier verifier;
  private final transient SlackChannel channel;
  private final transient Clock clock;

  public SlackServlet(SlackChannel channel, String signingSecret, Clock clock) {
    this.app = channel.app();
    this.adapter = new Adapter(app.config());
    this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
    this.channel = channel;
    this.clock = clock;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    // the body is in memory already (read ahead within the size cap and time limit)
    String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String signature = req.getHeader("X-Slack-Signature");
    if (!verifier.isValid(req.getHeader("X-Slack-Request-Timestamp"), body, signature, clock.millis())) {
      SlackHeaderCheck.error(resp, 401, "invalid_signature");
      return;
    }
    Optional<String> problem = SlackPayloads.problem(req.getContentType(), body);
    if (problem.isPresent()) {
      SlackHeaderCheck.error(resp, 400, "invalid_payload: " + problem.get());
      return;
    }
    // the signature covers timestamp and body: the same one again is the same request again, answered once
    if (!channel.deliveries().claim("slack-request", signature, REPLAY_WINDOW)) {
      resp.setStatus(200);
      return;
    }
    req.setAttribute(BODY, body);
    Response answer;
    try {
      Request<?> request = adapter.buildSlackRequest(req);
      answer = app.run(request);
    } catch (Exception e) {
      LOG.warn("Slack request failed: {}", LogSafe.text(e));
      SlackHeaderCheck.error(resp, 500, "internal_error");
      return;
    }
    adapter.writeResponse(resp, answer);
  }

  /** Bolt's translation of a servlet request, over the body this servlet has already read. */
  private static final class Adapter extends SlackAppServletAdapter {
    Adapter(AppConfig config) {
      super(config);
    }

    @Override
    protected String doReadRequestBodyAsString(HttpServletRequest req) {
      return (String) req.getAttribute(BODY);
    }
  }
}
