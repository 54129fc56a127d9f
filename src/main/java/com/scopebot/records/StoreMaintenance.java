package com.scopebot.records;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer store's background work, off the request path: a check every second ({@code SELECT 1}, within the
 * store's timeout) that {@link AnswerStore#isUp()} reports, and at start and then hourly the purge of records older
 * than the retention (with their feedback and orphaned contents) and of expired deliveries. Each on its own thread,
 * so a long purge never delays the check.
 */
public final class StoreMaintenance implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);
  static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final AnswerStore store;
  private final int retentionDays;
  private final Clock clock;
  private final StoreDeliveries deliveries;
  private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(daemon("scopebot-store-check"));
  private final ScheduledExecutorService purges = Executors.newSingleThreadScheduledExecutor(daemon("scopebot-store-purge"));

  /**
   * @param retentionDays records older than this many days are purged; 0 keeps them forever
   * @param deliveries shared deliveries whose expired rows to purge, or null
   */
  public StoreMaintenance(AnswerStore store, int retentionDays, Clock clock, StoreDeliveries deliveries) {
    if (retentionDays < 0) {
      throw new IllegalArgumentException("retentionDays must be 0 (forever) or more, got " + retentionDays);
    }
    this.store = store;
    this.retentionDays = retentionDays;
    this.clock = clock;
    this.deliveries = deliveries;
  }

  /** Starts the checks and the purges (the first purge at once). */
  public StoreMaintenance start() {
    checks.scheduleWithFixedDelay(store::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    purges.scheduleWithFixedDelay(this::purge, 0, PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Purges once: old records (when a retention is set) and expired deliveries. Failures are logged. */
  void purge() {
    try {
      if (retentionDays > 0) {
        int n = store.purgeOlderThan(clock.instant().minus(Duration.ofDays(retentionDays)));
        if (n > 0) {
          LOG.info("purged {} answer records older than {} days", n, retentionDays);
        }
      }
      if (deliveries != null) {
        deliveries.purgeExpired();
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("purging old answer records failed (retried in {}): {}", PURGE_EVERY, e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
    purges.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
