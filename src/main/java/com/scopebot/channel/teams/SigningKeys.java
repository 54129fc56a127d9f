package com.scopebot.channel.teams;

import com.microsoft.bot.connector.authentication.OpenIdMetadata;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's signing keys, cached, with at most one fetch in flight and a pause after each fetch.
 *
 * <p>The SDK's {@code CachingOpenIdMetadata} (bot-connector 4.14.3) refetches under one lock, with no timeouts, for
 * every unknown key id once the keys are an hour old, and for every request at all after a failed fetch: forged
 * tokens with made-up key ids while Microsoft was slow held each request 30 s and stalled the server. Here:
 * <ul>
 *   <li>a key id already known is answered from memory, always; keys a day old are refreshed in the background and
 *       kept until a fetch succeeds;
 *   <li>an unknown key id starts a fetch only if none is in flight and the last one ended at least
 *       {@link Policy#unknownKeyInterval} ago (after a failure: {@link Policy#firstRetry}, doubling up to that);
 *   <li>a fetch ends within {@link Policy#deadline}; up to {@link Policy#waiters} requests wait for it, the others are
 *       answered at once as if the key were unknown (a 401).
 * </ul>
 * The SDK's {@code JwtTokenExtractor} reads keys through {@link #getKey}, which never fetches: only {@link #find} does,
 * on the request's thread, before the request's body is read. Thread-safe.
 */
final class SigningKeys implements OpenIdMetadata {

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

  /**
   * When to fetch and how long to wait.
   *
   * @param deadline how long one fetch (metadata and key set) may take
   * @param maxAge keys older than this are refreshed in the background
   * @param unknownKeyInterval the least time between fetches triggered by unknown key ids
   * @param firstRetry the pause after a failed fetch, doubled after each further failure up to unknownKeyInterval
   * @param waiters how many requests may wait for a fetch at once
   */
  record Policy(Duration deadline, Duration maxAge, Duration unknownKeyInterval, Duration firstRetry, int waiters) {

    /**
     * Microsoft answers in a fraction of a second; waiting 2.5 s keeps a refusal under 3.5 s in all. SDK 4.14.3
     * refreshes daily too; a pause of a minute makes a flood of made-up key ids one fetch a minute.
     */
    static final Policy DEFAULT = new Policy(Duration.ofMillis(2500), Duration.ofDays(1), Duration.ofMinutes(1),
        Duration.ofSeconds(5), 3);

    Policy {
      for (Duration d : new Duration[] {deadline, maxAge, unknownKeyInterval, firstRetry}) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("durations must be positive, got " + d);
        }
      }
      if (firstRetry.compareTo(unknownKeyInterval) > 0) {
        throw new IllegalArgumentException("firstRetry must not exceed unknownKeyInterval, got " + firstRetry);
      }
      if (waiters < 1) {
        throw new IllegalArgumentException("waiters must be positive, got " + waiters);
      }
    }
  }

  private final Function<Duration, CompletableFuture<Map<String, OpenIdMetadataKey>>> fetch;
  private final Policy policy;
  private final Clock clock;
  private final Semaphore waiting;

  // guarded by this
  private Map<String, OpenIdMetadataKey> keys = Map.of();
  private Instant fetchedAt;
  private Instant nextFetch = Instant.MIN;
  private Duration retry;
  private CompletableFuture<Map<String, OpenIdMetadataKey>> inFlight;

  /** @param fetch one fetch of the keys within the given deadline ({@link OpenIdFetch#keys}) */
  SigningKeys(Function<Duration, CompletableFuture<Map<String, OpenIdMetadataKey>>> fetch, Policy policy, Clock clock) {
    this.fetch = fetch;
    this.policy = policy;
    this.clock = clock;
    this.waiting = new Semaphore(policy.waiters());
    this.retry = policy.firstRetry();
  }

  /** The key if it is known now; never fetches. This is what the SDK's {@code JwtTokenExtractor} calls. */
  @Override
  public synchronized OpenIdMetadataKey getKey(String keyId) {
    return keyId == null ? null : keys.get(keyId);
  }

  /**
   * The key, fetching the key set if this key id is unknown and a fetch is allowed now; null when it stays unknown.
   * Waits at most for the fetch's deadline, and not at all when enough requests wait already.
   */
  OpenIdMetadataKey find(String keyId) {
    if (keyId == null || keyId.isEmpty()) {
      return null;
    }
    CompletableFuture<Map<String, OpenIdMetadataKey>> pending;
    synchronized (this) {
      Instant now = clock.instant();
      OpenIdMetadataKey known = keys.get(keyId);
      if (known != null) {
        if (fetchedAt != null && fetchedAt.plus(policy.maxAge()).isBefore(now)) {
          startFetch(now); // in the background: the keys in hand serve meanwhile
        }
        return known;
      }
      pending = startFetch(now);
    }
    if (pending == null || !waiting.tryAcquire()) {
      return null;
    }
    try {
      // the fetch ends by its deadline; the margin only covers completing it
      pending.get(policy.deadline().toMillis() + 250, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // logged once, by the fetch's own completion
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waiting.release();
    }
    return getKey(keyId);
  }

  /** The fetch in flight, a new one if allowed now, or null. Called holding the lock. */
  private CompletableFuture<Map<String, OpenIdMetadataKey>> startFetch(Instant now) {
    if (inFlight != null) {
      return inFlight;
    }
    if (now.isBefore(nextFetch)) {
      return null;
    }
    CompletableFuture<Map<String, OpenIdMetadataKey>> f;
    try {
      f = fetch.apply(policy.deadline()).orTimeout(policy.deadline().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Map<String, OpenIdMetadataKey>> started = f;
    inFlight = started;
    started.whenComplete((fetched, error) -> done(started, fetched, error));
    return started;
  }

  private synchronized void done(CompletableFuture<Map<String, OpenIdMetadataKey>> which,
      Map<String, OpenIdMetadataKey> fetched, Throwable error) {
    if (inFlight == which) {
      inFlight = null;
    }
    Instant now = clock.instant();
    if (error == null && fetched != null && !fetched.isEmpty()) {
      keys = Map.copyOf(fetched);
      fetchedAt = now;
      retry = policy.firstRetry();
      nextFetch = now.plus(policy.unknownKeyInterval());
      LOG.info("Bot Framework signing keys fetched: {} keys", keys.size());
      return;
    }
    nextFetch = now.plus(retry);
    LOG.warn("fetching the Bot Framework signing keys failed ({}); {} keys kept, next attempt in {} s at the earliest",
        error == null ? "no keys" : cause(error), keys.size(), retry.toSeconds());
    Duration doubled = retry.multipliedBy(2);
    retry = doubled.compareTo(policy.unknownKeyInterval()) > 0 ? policy.unknownKeyInterval() : doubled;
  }

  private static String cause(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t != t.getCause()) {
      t = t.getCause();
    }
    return t instanceof TimeoutException ? "no answer within the deadline" : t.toString();
  }
}
