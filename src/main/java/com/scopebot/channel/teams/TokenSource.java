package com.scopebot.channel.teams;

import java.util.concurrent.CompletableFuture;

/**
 * Where the bot gets the Azure AD access token it sends with each reply to the Bot Connector.
 *
 * <p>By default the SDK gets it from Azure AD through MSAL with the app id and password; tests pass a fake so the
 * authenticated path runs offline. Implementations cache tokens themselves and are thread-safe.
 */
@FunctionalInterface
public interface TokenSource {

  /** A bearer token for the app, valid for the given scope (e.g. {@code https://api.botframework.com/.default}). */
  CompletableFuture<String> token(String appId, String scope);
}
