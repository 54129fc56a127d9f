package com.scopebot.service;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs answers given without a record, one line per {@code every} of them (the first, then every {@code every}th), so
 * a database outage under load writes a few lines a minute rather than one per answer. Thread-safe.
 */
final class LossLog {

  private final Logger log;
  private final long every;
  private final AtomicLong lost = new AtomicLong();

  LossLog(Logger log, long every) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be positive, got " + every);
    }
    this.log = log;
    this.every = every;
  }

  /** One more answer given without a record; {@code why} is a fixed word, never user text. */
  void lost(String why) {
    long n = lost.incrementAndGet();
    if (n % every == 1 || every == 1) {
      log.warn("an answer was given without a record ({}); {} so far, logged one in {}", why, n, every);
    }
  }
}
