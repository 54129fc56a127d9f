package com.scopebot.channel.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.OnTurnErrorHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ResourceResponse;
import com.scopebot.service.LogSafe;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework adapter: validates each request's JWT (when an app id is set) with {@link ChannelTokens} instead
 * of the SDK's {@code JwtTokenValidation}, and sends replies to the Bot Connector with an app token. Tokens for a
 * single-tenant app come from that tenant; a {@link TokenSource} in the settings replaces MSAL altogether.
 * Thread-safe (the SDK caches credentials and connector clients per service URL).
 */
final class TeamsAdapter extends BotFrameworkHttpAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsAdapter.class);

  private final TeamsSettings settings;
  private final ChannelTokens tokens;

  /** @param tokens how requests' tokens are checked; null in emulator mode, where nothing is */
  TeamsAdapter(TeamsSettings settings, ChannelTokens tokens) {
    // no channel provider: the public Azure cloud
    super(new SimpleCredentialProvider(settings.appId(), settings.appPassword()), null);
    if (settings.emulatorMode() != (tokens == null)) {
      throw new IllegalArgumentException("tokens are checked exactly when an app id is set, got " + settings);
    }
    this.settings = settings;
    this.tokens = tokens;
    setOnTurnError(TeamsAdapter::onTurnError);
  }

  /**
   * The SDK's entry point for a request: {@code JwtTokenValidation.authenticateRequest} would fetch signing keys
   * through its own unbounded cache, so with an app id the identity comes from {@link ChannelTokens} and the turn runs
   * through the SDK's {@code processActivity(ClaimsIdentity, ...)}. In emulator mode the SDK's anonymous path stays.
   */
  @Override
  public CompletableFuture<InvokeResponse> processActivity(String authHeader, Activity activity,
      BotCallbackHandler callback) {
    if (tokens == null) {
      return super.processActivity(authHeader, activity, callback);
    }
    return tokens.authenticate(authHeader, activity.getChannelId(), activity.getServiceUrl())
        .thenCompose(identity -> processActivity(identity, activity, callback));
  }

  /**
   * The SDK's {@code runPipeline} as it is in 4.14.3, less its {@code Locale.setDefault} with the activity's locale:
   * whoever could post an activity set the default locale of the whole server, for every channel and thread, until
   * the next one. The turn still has the activity's locale ({@link TurnContext#getLocale()}, and the activity's own).
   */
  @Override
  protected CompletableFuture<Void> runPipeline(TurnContext context, BotCallbackHandler callback) {
    if (context == null || context.getActivity() == null) {
      return super.runPipeline(context, callback); // nothing with a locale: the SDK's checks and proactive path
    }
    String locale = context.getActivity().getLocale();
    if (locale != null && !locale.isEmpty()) {
      try {
        context.setLocale(locale);
      } catch (IllformedLocaleException e) {
        // "en_US!!": the turn goes on without a locale, as for an activity that gives none; the tag is not logged
        LOG.debug("activity locale is not a language tag; ignored");
      }
    }
    return getMiddlewareSet().receiveActivityWithStatus(context, callback).exceptionally(error -> {
      OnTurnErrorHandler onError = getOnTurnError();
      if (onError == null) {
        throw new CompletionException(error);
      }
      return onError.invoke(context, error).join();
    });
  }

  /**
   * An invoke's response is kept in the turn state on the turn's own thread. The SDK's {@code sendActivities} does it
   * on its executor, while {@code processActivity(ClaimsIdentity, ...)} closes the turn (iterating that state, a plain
   * HashMap) on the request thread as soon as the pipeline is set up: the two overlapped now and then, and the close's
   * ConcurrentModificationException failed the request (500). Nothing is sent for an invoke response.
   */
  @Override
  public CompletableFuture<ResourceResponse[]> sendActivities(TurnContext context, List<Activity> activities) {
    if (context == null || activities == null || activities.isEmpty()
        || !activities.stream().allMatch(a -> a != null && a.isType(ActivityTypes.INVOKE_RESPONSE))) {
      return super.sendActivities(context, activities);
    }
    ResourceResponse[] responses = new ResourceResponse[activities.size()];
    try {
      for (int i = 0; i < responses.length; i++) {
        Activity response = activities.get(i);
        response.setId(null); // as the SDK does: a bot does not name its own activities
        context.getTurnState().add(BotFrameworkAdapter.INVOKE_RESPONSE_KEY, response);
        responses[i] = new ResourceResponse("");
      }
    } catch (IllegalArgumentException e) { // a second invoke response in one turn, refused as the SDK refuses it
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture.completedFuture(responses);
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
    // the type and name are the sender's words, and an exception's message may quote them
    LOG.warn("Teams turn failed ({} {}): {}", LogSafe.text(turn.getActivity().getType()),
        LogSafe.text(turn.getActivity().getName()), LogSafe.text(error.toString()));
    if (turn.getResponded() || !turn.getActivity().isType(ActivityTypes.MESSAGE)) {
      return CompletableFuture.completedFuture(null);
    }
    return turn.sendActivity("Sorry, something went wrong while answering. Please try again.")
        .handle((sent, e) -> null);
  }
}
