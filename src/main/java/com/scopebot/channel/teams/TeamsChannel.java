package com.scopebot.channel.teams;

import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.scopebot.service.AnswerService;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Teams endpoint, {@code /api/messages}; the only entry point into this package for the server. */
public final class TeamsChannel {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsChannel.class);

  private TeamsChannel() {}

  /** The endpoint for the server's settings; with no app id it runs in emulator mode, and says so. */
  public static HttpServlet servlet(String appId, String appPassword, String tenantId, AnswerService service) {
    return servlet(new TeamsSettings(appId, appPassword, tenantId), service);
  }

  public static HttpServlet servlet(TeamsSettings settings, AnswerService service) {
    if (settings.emulatorMode()) {
      LOG.warn("Teams runs in emulator mode (MICROSOFT_APP_ID is not set): /api/messages accepts unauthenticated "
          + "requests from this machine only, with a serviceUrl on this machine; set MICROSOFT_APP_ID and "
          + "MICROSOFT_APP_PASSWORD to serve Teams");
    } else {
      LOG.info("Teams enabled for app {}{}", settings.appId(),
          settings.tenantId() == null ? "" : " (single tenant " + settings.tenantId() + ")");
    }
    ChannelTokens tokens = settings.emulatorMode() ? null : tokens(settings.appId());
    return new TeamsServlet(new TeamsAdapter(settings, tokens),
        new ScopeBot(service, new RepliedAnswers(service::deliveries)), tokens);
  }

  /** Token checks with keys from the SDK's configured OpenID metadata URL (tests point it at a fake on loopback). */
  private static ChannelTokens tokens(String appId) {
    String metadataUrl = ChannelValidation.getOpenIdMetaDataUrl();
    OpenIdFetch fetch = new OpenIdFetch(metadataUrl);
    SigningKeys keys = new SigningKeys(fetch::keys, SigningKeys.Policy.DEFAULT, Clock.systemUTC());
    return new ChannelTokens(appId, metadataUrl, keys, Clock.systemUTC());
  }
}
