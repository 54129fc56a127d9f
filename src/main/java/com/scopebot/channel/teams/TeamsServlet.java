package com.scopebot.channel.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.Channels;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import com.scopebot.channel.web.JsonHttp;
import com.scopebot.service.LogSafe;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: the Bot Framework endpoint. Translates the request into an {@link Activity}, lets the
 * adapter authenticate it and run the bot, and writes what the adapter returns: 202 for a message handled, the
 * invoke response (message extension results, expected replies) with its status and body otherwise.
 *
 * <p>With an app id, a request is refused before its body is read when its {@code Authorization} header cannot carry
 * a valid token ({@link ChannelTokens#refusal}: 401) or its declared length is over the cap (413); the adapter then
 * verifies the token in full. In emulator mode (no app id) nothing is authenticated, and the adapter would post
 * replies to whatever {@code serviceUrl} the activity names; so requests are refused unless both the caller (checked
 * before the body) and that URL are on this machine. Errors are JSON, never a stack trace.
 */
final class TeamsServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsServlet.class);

  /** Teams activities are a few KB; a card action with inputs stays well below this. */
  static final int MAX_BODY_BYTES = 256 * 1024;
  /** Teams gives up on a bot after 15 s; an answer takes milliseconds, a reply to the connector a little more. */
  static final long TURN_TIMEOUT_SECONDS = 30;

  private final transient TeamsAdapter adapter;
  private final transient Bot bot;
  private final transient ChannelTokens tokens;
  private final transient JacksonAdapter json = new JacksonAdapter();
  private final transient ActivityJson activities = new ActivityJson(json);
  private final transient RefusalLog refusals = new RefusalLog(Clock.systemUTC());

  /** @param tokens how requests' tokens are checked; null selects emulator mode */
  TeamsServlet(TeamsAdapter adapter, Bot bot, ChannelTokens tokens) {
    this.adapter = adapter;
    this.bot = bot;
    this.tokens = tokens;
  }

  /** Set on a request whose line and headers {@link #refusedFromHeaders} already passed (by the server's filter). */
  private static final String HEADERS_CHECKED = TeamsServlet.class.getName() + ".headersChecked";

  /**
   * Refuses a request from its line and headers alone, before anything reads its body: a caller on another machine in
   * emulator mode (403), a declared length over the cap (413), or, with an app id, an {@code Authorization} header that
   * cannot carry a valid token (401). A caller that sends no token, or a body it never finishes, costs a header parse.
   *
   * @return true when the request was refused (the response is written)
   */
  boolean refusedFromHeaders(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean emulatorMode = tokens == null;
    if (emulatorMode && !Loopback.isLoopbackHost(req.getRemoteAddr())) {
      error(resp, 403, "emulator mode (no MICROSOFT_APP_ID) accepts requests from this machine only");
      return true;
    }
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      if (emulatorMode) {
        JsonHttp.drainRefusedBody(req); // a local client reads the 413 rather than a reset connection
      } else {
        resp.setHeader("Connection", "close"); // the body is never read: the connection cannot carry another request
      }
      error(resp, 413, "request body too large: the limit is " + MAX_BODY_BYTES + " bytes");
      return true;
    }
    if (!emulatorMode) {
      String refusal = tokens.refusal(req.getHeader("Authorization"));
      if (refusal != null) {
        refusals.refused(refusal + " (before its body)");
        error(resp, 401, "unauthorized");
        return true;
      }
    }
    req.setAttribute(HEADERS_CHECKED, Boolean.TRUE);
    return false;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (req.getAttribute(HEADERS_CHECKED) == null && refusedFromHeaders(req, resp)) {
      return;
    }
    boolean emulatorMode = tokens == null;
    String auth = req.getHeader("Authorization");
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      error(resp, 413, "request body too large: the limit is " + MAX_BODY_BYTES + " bytes");
      return;
    }
    Activity activity;
    try {
      activity = activities.read(new String(body, StandardCharsets.UTF_8));
    } catch (ActivityJson.InvalidActivityException e) {
      error(resp, 400, e.getMessage());
      return;
    }
    if (activity == null || activity.getType() == null) {
      error(resp, 400, "an activity needs a \"type\"");
      return;
    }
    if (emulatorMode) {
      if (!Loopback.isLoopbackUrl(activity.getServiceUrl())) {
        // the adapter would post the reply to this URL: never to one on another machine
        error(resp, 403, "emulator mode (no MICROSOFT_APP_ID) replies to a serviceUrl on this machine only");
        return;
      }
      // nothing is authenticated here; a token sent anyway would only make the SDK fetch signing keys
      auth = null;
      if (Channels.EMULATOR.equals(activity.getChannelId()) && activity.getRecipient() != null
          && activity.getRecipient().getRole() == null) {
        // the SDK dereferences recipient.role for the emulator channel (a NullPointerException otherwise)
        activity.getRecipient().setRole(RoleTypes.BOT);
      }
    }
    InvokeResponse result;
    try {
      result = adapter.processIncomingActivity(auth, activity, bot).get(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof AuthenticationException || cause instanceof JWTVerificationException) {
        refusals.refused(firstLine(cause.getMessage()));
        error(resp, 401, "unauthorized");
      } else if (cause instanceof IllegalArgumentException) {
        error(resp, 400, "invalid activity");
      } else {
        // where it failed too: a failure outside the turn (the SDK's pipeline) is otherwise a bare exception name
        LOG.warn("Teams request failed: {} at {}", LogSafe.text(cause.toString()), LogSafe.frames(cause));
        error(resp, 500, "the bot failed to process this activity");
      }
      return;
    } catch (TimeoutException e) {
      LOG.warn("Teams turn took more than {} s", TURN_TIMEOUT_SECONDS);
      error(resp, 504, "the bot took too long");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(resp, 503, "shutting down");
      return;
    }
    if (result == null) {
      resp.setStatus(202);
      return;
    }
    resp.setStatus(result.getStatus());
    if (result.getBody() != null) {
      resp.setContentType("application/json");
      resp.setCharacterEncoding("UTF-8");
      resp.getOutputStream().write(json.serialize(result.getBody()).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    for (int depth = 0; depth < 10 && t.getCause() != null; depth++) {
      if (t instanceof AuthenticationException || t instanceof JWTVerificationException) {
        return t;
      }
      t = t.getCause();
    }
    return t;
  }

  /** The SDK's reasons can run to a printed key; one short line is enough to tell which check failed. */
  private static String firstLine(String message) {
    String m = message == null ? "" : message.lines().findFirst().orElse("");
    return m.length() > 160 ? m.substring(0, 160) + "…" : m;
  }

  private static void error(HttpServletResponse resp, int status, String message) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getOutputStream().write(JsonNodeFactory.instance.objectNode().put("error", message).toString()
        .getBytes(StandardCharsets.UTF_8));
  }
}
