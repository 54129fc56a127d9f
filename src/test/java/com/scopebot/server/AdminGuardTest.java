package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.base.Ticker;
import com.scopebot.server.AdminGuard.Outcome;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Admin-token guesses: five wrong a minute from one address, then 429 without a comparison until the minute ends. */
class AdminGuardTest {

  private static final String TOKEN = "the-admin-token-0123456789";

  @Test
  void throttlesAnAddressAfterFiveWrongGuessesForAMinute() {
    AtomicLong nanos = new AtomicLong();
    Ticker ticker = new Ticker() {
      @Override
      public long read() {
        return nanos.get();
      }
    };
    AdminGuard guard = new AdminGuard(TOKEN, ticker);
    for (int i = 0; i < AdminGuard.GUESSES; i++) {
      assertEquals(Outcome.WRONG, guard.check("Bearer guess-" + i, "198.51.100.1"), "guess " + i);
    }
    // the sixth is refused even with the right token: the address is guessing
    assertEquals(Outcome.THROTTLED, guard.check("Bearer " + TOKEN, "198.51.100.1"));
    assertEquals(Outcome.THROTTLED, guard.check("Bearer guess-6", "198.51.100.1"));
    // another address is not held back, and the right token passes there
    assertEquals(Outcome.ALLOWED, guard.check("Bearer " + TOKEN, "198.51.100.2"));
    assertEquals(Outcome.WRONG, guard.check(null, "198.51.100.2"));
    // a minute after its first wrong guess the address may try again
    nanos.addAndGet(AdminGuard.WINDOW.toNanos() + 1);
    assertEquals(Outcome.ALLOWED, guard.check("Bearer " + TOKEN, "198.51.100.1"));
  }
}
