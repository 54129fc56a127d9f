package com.scopebot.channel.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** When the signing keys are fetched, who waits for a fetch and for how long, on a clock the test moves. */
class SigningKeysTest {

  private static final OpenIdMetadataKey KEY = new OpenIdMetadataKey();
  private static final Map<String, OpenIdMetadataKey> KEYS = Map.of("k1", KEY);
  private static final CompletableFuture<Map<String, OpenIdMetadataKey>> FAILS =
      CompletableFuture.failedFuture(new IOException("connect timed out"));

  private final HandClock clock = new HandClock();
  private final AtomicInteger fetches = new AtomicInteger();

  /** Keys whose every fetch is answered by the supplier, counted. */
  private SigningKeys keys(Supplier<CompletableFuture<Map<String, OpenIdMetadataKey>>> answer) {
    return keys(SigningKeys.Policy.DEFAULT, answer);
  }

  private SigningKeys keys(SigningKeys.Policy policy,
      Supplier<CompletableFuture<Map<String, OpenIdMetadataKey>>> answer) {
    return new SigningKeys(deadline -> {
      fetches.incrementAndGet();
      return answer.get();
    }, policy, clock);
  }

  private void later(Duration d) {
    clock.advance(d);
  }

  @Test
  void answersAKnownKeyFromMemory() {
    SigningKeys keys = keys(() -> CompletableFuture.completedFuture(KEYS));
    for (int i = 0; i < 100; i++) {
      assertSame(KEY, keys.find("k1"));
    }
    assertEquals(1, fetches.get());
    // what the SDK's JwtTokenExtractor calls: memory only
    assertSame(KEY, keys.getKey("k1"));
    assertNull(keys.getKey("k2"));
    assertEquals(1, fetches.get());
  }

  @Test
  void startsOneFetchForManyRequestsAndLetsOnlyAFewWait() throws Exception {
    CompletableFuture<Map<String, OpenIdMetadataKey>> slow = new CompletableFuture<>();
    SigningKeys keys = keys(() -> slow);
    int requests = 20;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<OpenIdMetadataKey>> asked = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        asked.add(pool.submit(() -> {
          go.await();
          return keys.find("k1");
        }));
      }
      go.countDown();
      // while the fetch hangs, all but the waiters are answered (no key) at once
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (asked.stream().filter(Future::isDone).count() < requests - SigningKeys.Policy.DEFAULT.waiters()
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(requests - SigningKeys.Policy.DEFAULT.waiters(), asked.stream().filter(Future::isDone).count());
      slow.complete(KEYS);
      int found = 0;
      for (Future<OpenIdMetadataKey> f : asked) {
        found += f.get(2, TimeUnit.SECONDS) == null ? 0 : 1;
      }
      assertEquals(SigningKeys.Policy.DEFAULT.waiters(), found, "the waiters get the key the fetch brought");
      assertEquals(1, fetches.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void waitsNoLongerThanTheDeadlineForAFetchThatHangs() {
    SigningKeys.Policy quick = new SigningKeys.Policy(Duration.ofMillis(300), Duration.ofDays(1), Duration.ofMinutes(1),
        Duration.ofSeconds(5), 3);
    SigningKeys keys = keys(quick, CompletableFuture::new); // never answers
    long start = System.nanoTime();
    assertNull(keys.find("k1"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 250 && millis < 1000, "waited " + millis + " ms for a 300 ms deadline");
    assertNull(keys.find("k1"), "and the hung fetch is not retried at once");
    assertEquals(1, fetches.get());
  }

  @Test
  void pausesAfterAFailedFetchDoublingUpToAMinute() {
    SigningKeys keys = keys(() -> FAILS);
    assertNull(keys.find("k1"));
    assertEquals(1, fetches.get());
    long[] pauses = {5, 10, 20, 40, 60, 60};
    for (long pause : pauses) {
      int before = fetches.get();
      later(Duration.ofSeconds(pause).minusMillis(1));
      assertNull(keys.find("k2"));
      assertEquals(before, fetches.get(), "no fetch " + (pause * 1000 - 1) + " ms after a failure");
      later(Duration.ofMillis(1));
      assertNull(keys.find("k3"));
      assertEquals(before + 1, fetches.get(), "a fetch " + pause + " s after a failure");
    }
  }

  @Test
  void fetchesForAnUnknownKeyAtMostOnceAMinuteOnceKeysAreIn() {
    SigningKeys keys = keys(() -> CompletableFuture.completedFuture(KEYS));
    assertNotNull(keys.find("k1"));
    for (int i = 0; i < 59; i++) {
      later(Duration.ofSeconds(1));
      assertNull(keys.find("made-up-" + i));
    }
    assertEquals(1, fetches.get());
    later(Duration.ofSeconds(1));
    assertNull(keys.find("made-up"));
    assertEquals(2, fetches.get());
  }

  @Test
  void refreshesDayOldKeysInTheBackgroundAndKeepsThemWhenThatFails() {
    CompletableFuture<Map<String, OpenIdMetadataKey>> refresh = new CompletableFuture<>();
    List<CompletableFuture<Map<String, OpenIdMetadataKey>>> answers =
        new ArrayList<>(List.of(CompletableFuture.completedFuture(KEYS), refresh));
    SigningKeys keys = keys(() -> answers.remove(0));
    assertSame(KEY, keys.find("k1"));
    later(Duration.ofDays(1).plusSeconds(1));
    long start = System.nanoTime();
    assertSame(KEY, keys.find("k1"), "served from memory while the refresh runs");
    assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(200), "without waiting for it");
    assertEquals(2, fetches.get());
    refresh.completeExceptionally(new IOException("503"));
    assertSame(KEY, keys.find("k1"), "a failed refresh keeps the keys");
  }

  @Test
  void refusesAPolicyThatCannotWork() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SigningKeys.Policy(
        Duration.ZERO, Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofSeconds(5), 3));
    assertEquals("durations must be positive, got PT0S", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SigningKeys.Policy(
        Duration.ofSeconds(3), Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofMinutes(2), 3));
    assertEquals("firstRetry must not exceed unknownKeyInterval, got PT2M", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SigningKeys.Policy(
        Duration.ofSeconds(3), Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofSeconds(5), 0));
    assertEquals("waiters must be positive, got 0", e.getMessage());
  }
}
