package com.scopebot.server;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.scopebot.channel.web.ClientAddress;
import com.scopebot.channel.web.JsonHttp;
import com.scopebot.service.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin token's check: compared in constant time, and guessed at most {@link #GUESSES} times a
 * {@link #WINDOW} from one address (then 429 until the window ends, without comparing), each wrong guess logged with
 * its address. Without it a client could try ~20,000 tokens a second, unseen. One guard serves every admin endpoint,
 * so that their guesses count together. Thread-safe.
 */
final class AdminGuard {

  private static final Logger LOG = LoggerFactory.getLogger(AdminGuard.class);

  static final int GUESSES = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** What a check found. */
  enum Outcome { ALLOWED, WRONG, THROTTLED }

  private final byte[] token;
  /** Wrong guesses per address in the window since its first; bounded, so many addresses cannot grow it. */
  private final Cache<String, AtomicInteger> wrong;

  AdminGuard(String token, Ticker ticker) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.wrong = CacheBuilder.newBuilder().maximumSize(10_000).expireAfterWrite(WINDOW).ticker(ticker).build();
  }

  /**
   * Checks a request's admin token; when it is wrong or its address is throttled, answers 401 or 429 and returns
   * false.
   */
  boolean admits(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    switch (check(req.getHeader("Authorization"), ClientAddress.of(req))) {
      case THROTTLED -> {
        resp.setHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
        JsonHttp.error(resp, 429, "too many wrong admin tokens from your address; try again in a minute");
        return false;
      }
      case WRONG -> {
        resp.setHeader("WWW-Authenticate", "Bearer");
        JsonHttp.error(resp, 401, "a valid admin bearer token is required");
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  /** Checks an {@code Authorization} header from an address. */
  Outcome check(String authorization, String address) {
    AtomicInteger tries = wrong.getIfPresent(address);
    if (tries != null && tries.get() >= GUESSES) {
      return Outcome.THROTTLED;
    }
    byte[] given = authorization != null && authorization.startsWith("Bearer ")
        ? authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
    // constant-time comparison: the time taken must not tell how much of the token was right
    if (MessageDigest.isEqual(given, token)) {
      return Outcome.ALLOWED;
    }
    int n;
    try {
      n = wrong.get(address, AtomicInteger::new).incrementAndGet();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e); // a new counter cannot fail
    }
    // the address only: never what was sent, which may be a near miss of the token
    LOG.warn("wrong admin token from {} ({} of {} allowed in {} s)", LogSafe.text(address), n, GUESSES,
        WINDOW.toSeconds());
    return Outcome.WRONG;
  }
}
