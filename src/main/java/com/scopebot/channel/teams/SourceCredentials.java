package com.scopebot.channel.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.util.concurrent.CompletableFuture;

/** Bot Framework app credentials whose tokens come from a {@link TokenSource} instead of the SDK's own MSAL call. */
final class SourceCredentials extends AppCredentials {

  private final TokenSource source;

  SourceCredentials(String appId, String tenantId, String scope, TokenSource source) {
    super(tenantId, scope);
    setAppId(appId);
    this.source = source;
  }

  @Override
  public CompletableFuture<String> getToken() {
    return source.token(getAppId(), oAuthScope());
  }

  @Override
  protected Authenticator buildAuthenticator() {
    // getToken() is overridden, so the SDK never asks for an authenticator
    throw new UnsupportedOperationException("tokens come from the TokenSource");
  }
}
