package com.scopebot.channel.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.ActivityTypes;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework adapter: validates each request's JWT (when an app id is set) and sends replies to the Bot
 * Connector with an app token. Tokens for a single-tenant app come from that tenant; a {@link TokenSource} in the
 * settings replaces MSAL altogether. Thread-safe (the SDK caches credentials and connector clients per service URL).
 */
final class TeamsAdapter extends BotFrameworkHttpAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsAdapter.class);

  private final TeamsSettings settings;

  TeamsAdapter(TeamsSettings settings) {
    // no channel provider: the public Azure cloud
    super(new SimpleCredentialProvider(settings.appId(), settings.appPassword()), null);
    this.settings = settings;
    setOnTurnError(TeamsAdapter::onTurnError);
  }

  /** The SDK's seam for reply credentials: MSAL against the app's tenant, or the configured token source. */
  @Override
  protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
    AppCredentials credentials = settings.tokens() != null
        ? new SourceCredentials(appId, settings.tenantId(), scope, settings.tokens())
        : new MicrosoftAppCredentials(appId, settings.appPassword(), settings.tenantId(), scope);
    return CompletableFuture.completedFuture(credentials);
  }

  /**
   * A failure inside a turn (answering, rendering, a reply the connector refused): logged here without the
   * activity's content, and the person is told, unless the failure was the reply itself.
   */
  private static CompletableFuture<Void> onTurnError(TurnContext turn, Throwable error) {
    LOG.warn("Teams turn failed ({} {}): {}", turn.getActivity().getType(), turn.getActivity().getName(),
        error.toString());
    if (turn.getResponded() || !turn.getActivity().isType(ActivityTypes.MESSAGE)) {
      return CompletableFuture.completedFuture(null);
    }
    return turn.sendActivity("Sorry, something went wrong while answering. Please try again.")
        .handle((sent, e) -> null);
  }
}
