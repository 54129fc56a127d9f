package com.scopebot.channel.teams;

import com.microsoft.bot.connector.UserAgent;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.scopebot.service.AnswerService;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Teams endpoint, {@code /api/messages}; the only entry point into this package for the server. */
public final class TeamsChannel {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsChannel.class);

  private TeamsChannel() {}

  /**
   * The endpoint's servlet, and the filter that refuses requests from their headers before their body is read (the
   * server mounts it ahead of its body reading; without it the servlet makes the same checks itself).
   */
  public record Endpoint(HttpServlet servlet, Filter headerCheck) {}

  /** The endpoint for the server's settings; with no app id it runs in emulator mode, and says so. */
  public static Endpoint endpoint(String appId, String appPassword, String tenantId, AnswerService service) {
    TeamsServlet servlet = servlet(new TeamsSettings(appId, appPassword, tenantId), service);
    return new Endpoint(servlet, new HttpFilter() {
      @Override
      protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
          throws IOException, ServletException {
        if (!"POST".equals(req.getMethod()) || !servlet.refusedFromHeaders(req, resp)) {
          chain.doFilter(req, resp);
        }
      }
    });
  }

  /**
   * The servlet; its sender of proactive messages (the app's credentials, in the conversation a question was asked
   * in) is registered for Teams origins in the service's {@link AnswerService#senders()}.
   */
  static TeamsServlet servlet(TeamsSettings settings, AnswerService service) {
    if (settings.emulatorMode()) {
      LOG.warn("Teams runs in emulator mode (MICROSOFT_APP_ID is not set): /api/messages accepts unauthenticated "
          + "requests from this machine only, with a serviceUrl on this machine; set MICROSOFT_APP_ID and "
          + "MICROSOFT_APP_PASSWORD to serve Teams");
    } else {
      LOG.info("Teams enabled for app {}{}", settings.appId(),
          settings.tenantId() == null ? "" : " (single tenant " + settings.tenantId() + ")");
    }
    // what Bot Framework sees, SDK version included, for whoever compares a start with Bot Framework's records
    LOG.info("Teams replies as {}", UserAgent.value());
    ChannelTokens tokens = settings.emulatorMode() ? null : tokens(settings.appId());
    TeamsAdapter adapter = new TeamsAdapter(settings, tokens);
    service.senders().register(ScopeBot.CHANNEL, new TeamsSender(adapter, settings));
    return new TeamsServlet(adapter, new ScopeBot(service, new RepliedAnswers(service::deliveries)), tokens);
  }

  /** Token checks with keys from the SDK's configured OpenID metadata URL (tests point it at a fake on loopback). */
  private static ChannelTokens tokens(String appId) {
    String metadataUrl = ChannelValidation.getOpenIdMetaDataUrl();
    OpenIdFetch fetch = new OpenIdFetch(metadataUrl);
    SigningKeys keys = new SigningKeys(fetch::keys, SigningKeys.Policy.DEFAULT, Clock.systemUTC());
    return new ChannelTokens(appId, metadataUrl, keys, Clock.systemUTC());
  }
}
