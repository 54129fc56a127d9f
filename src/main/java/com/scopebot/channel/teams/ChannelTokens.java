package com.scopebot.channel.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot Framework tokens Teams sends with each request, for a bot with an app id.
 *
 * <p>Two steps. {@link #refusal} reads only the {@code Authorization} header, before the request's body: its shape,
 * the claims it states (issuer, audience, expiry, key id) and whether the signing key is known or can be fetched now
 * ({@link SigningKeys#find}). {@link #authenticate} then does what the SDK's
 * {@code ChannelValidation.authenticateToken} does (bot-connector 4.14.3): the SDK's {@code JwtTokenExtractor} checks
 * the signature, lifetime and endorsements with keys from {@link SigningKeys} (through
 * {@code TokenValidationParameters.issuerSigningKeyResolver}, so the SDK's own unbounded
 * {@code CachingOpenIdMetadataResolver} is never used), then the issuer, the audience and the service URL claim are
 * checked here. Only Bot Framework channel tokens are accepted: the Emulator's Azure AD tokens, skill and
 * government-cloud tokens are refused (the Emulator is served in emulator mode). Thread-safe.
 */
final class ChannelTokens {

  /** Bot Framework tokens are about 1–2 KB; a header far longer is not one. */
  static final int MAX_HEADER_CHARS = 8 * 1024;
  /** Three base64url parts; the scheme is case-insensitive, as the SDK's {@code JwtTokenExtractor} reads it. */
  private static final Pattern BEARER =
      Pattern.compile("(?i:bearer) ([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
  /** The SDK's {@code JwtTokenExtractor} verifies with RS256 whatever the token names, so nothing else can pass. */
  private static final String ALGORITHM = "RS256";
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(AuthenticationConstants.DEFAULT_CLOCKSKEW_MINUTES);

  private final String appId;
  private final String metadataUrl;
  private final SigningKeys keys;
  private final Clock clock;

  /** @param metadataUrl the OpenID metadata the keys come from (the SDK's {@code ChannelValidation} setting) */
  ChannelTokens(String appId, String metadataUrl, SigningKeys keys, Clock clock) {
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("an app id is needed to check tokens, got " + appId);
    }
    this.appId = appId;
    this.metadataUrl = metadataUrl;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Why the request must be refused on its {@code Authorization} header alone, or null when its body is worth reading.
   * The reasons are fixed texts, safe to log. May wait for a fetch of the signing keys (see {@link SigningKeys#find}).
   */
  String refusal(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return "no Authorization header";
    }
    if (authorization.length() > MAX_HEADER_CHARS) {
      return "Authorization header too long";
    }
    Matcher m = BEARER.matcher(authorization);
    if (!m.matches()) {
      return "Authorization is not a bearer JWT";
    }
    DecodedJWT token;
    try {
      token = JWT.decode(m.group(1));
    } catch (JWTDecodeException e) {
      return "token does not decode";
    }
    if (!ALGORITHM.equals(token.getAlgorithm())) {
      return "token not signed with RS256";
    }
    if (!AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equals(token.getIssuer())) {
      return "token not issued by the Bot Framework";
    }
    if (token.getAudience() == null || !token.getAudience().contains(appId)) {
      return "token is for another bot";
    }
    Instant now = clock.instant();
    if (token.getExpiresAt() == null || token.getExpiresAt().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
      return "token expired";
    }
    if (keys.find(token.getKeyId()) == null) {
      return "token signed with an unknown key";
    }
    return null;
  }

  /** The caller's identity, or a future failed with an {@link AuthenticationException} giving a fixed reason. */
  CompletableFuture<ClaimsIdentity> authenticate(String authorization, String channelId, String serviceUrl) {
    if (refusal(authorization) != null) {
      return CompletableFuture.failedFuture(new AuthenticationException("token refused"));
    }
    TokenValidationParameters parameters = ChannelValidation.getTokenValidationParameters();
    parameters.issuerSigningKeyResolver = url -> keys;
    JwtTokenExtractor extractor =
        new JwtTokenExtractor(parameters, metadataUrl, AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
    return extractor.getIdentity(authorization, channelId, List.of()).thenApply(identity -> {
      if (identity == null || !identity.isAuthenticated()) {
        throw new AuthenticationException("token not authenticated");
      }
      if (!AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equalsIgnoreCase(identity.getIssuer())) {
        throw new AuthenticationException("wrong issuer");
      }
      if (!appId.equals(identity.claims().get(AuthenticationConstants.AUDIENCE_CLAIM))) {
        throw new AuthenticationException("token is for another bot");
      }
      // as the SDK: an activity naming no service URL has nothing to compare (and nowhere to send a reply)
      String claimed = identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM);
      if (serviceUrl != null && (claimed == null || !claimed.equalsIgnoreCase(serviceUrl))) {
        throw new AuthenticationException("token issued for another service URL");
      }
      return identity;
    });
  }
}
