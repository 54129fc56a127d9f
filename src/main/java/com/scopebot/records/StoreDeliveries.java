package com.scopebot.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Deliveries} in the answer store ({@code scopebot_delivery}), so replicas sharing a store answer a retried
 * delivery once, whichever replica it reaches. Every claim and remembered value is also kept in memory: while the
 * store is down or slow (each call gives up after the store's timeout), this process's memory answers instead, so a
 * delivery is answered rather than dropped. Never throws.
 *
 * <p>Thread-safe.
 */
public final class StoreDeliveries implements Deliveries {

  private static final Logger LOG = LoggerFactory.getLogger(StoreDeliveries.class);

  private final AnswerStore store;
  private final MemoryDeliveries memory;
  private final Clock clock;
  private final AtomicLong fallbacks = new AtomicLong();

  public StoreDeliveries(AnswerStore store, MemoryDeliveries memory, Clock clock) {
    this.store = store;
    this.memory = memory;
    this.clock = clock;
  }

  @Override
  public boolean claim(String kind, String key, Duration window) {
    if (!memory.claim(kind, key, window)) {
      return false; // this replica already saw it
    }
    if (!store.isUp()) {
      return true;
    }
    long now = clock.millis();
    long until = now + window.toMillis();
    try (Connection c = store.connection()) {
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO scopebot_delivery (kind, delivery_key, value,"
          + " expires_at) VALUES (?, ?, '', ?) ON CONFLICT DO NOTHING")) {
        ins.setQueryTimeout(store.timeoutSeconds());
        ins.setString(1, kind);
        ins.setString(2, key);
        ins.setLong(3, until);
        if (ins.executeUpdate() == 1) {
          return true;
        }
      }
      // a claim whose window has passed may be taken again: the update succeeds for one replica only
      try (PreparedStatement up = c.prepareStatement("UPDATE scopebot_delivery SET value = '', expires_at = ?"
          + " WHERE kind = ? AND delivery_key = ? AND expires_at <= ?")) {
        up.setQueryTimeout(store.timeoutSeconds());
        up.setLong(1, until);
        up.setString(2, kind);
        up.setString(3, key);
        up.setLong(4, now);
        return up.executeUpdate() == 1;
      }
    } catch (SQLException | RuntimeException e) {
      fellBack("claim", e);
      return true;
    }
  }

  @Override
  public void remember(String kind, String key, String value, Duration keep) {
    memory.remember(kind, key, value, keep);
    if (!store.isUp()) {
      return;
    }
    try (Connection c = store.connection();
        PreparedStatement up = c.prepareStatement("INSERT INTO scopebot_delivery (kind, delivery_key, value,"
            + " expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, delivery_key)"
            + " DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at")) {
      up.setQueryTimeout(store.timeoutSeconds());
      up.setString(1, kind);
      up.setString(2, key);
      up.setString(3, value);
      up.setLong(4, clock.millis() + keep.toMillis());
      up.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      fellBack("remember", e);
    }
  }

  @Override
  public Optional<String> recall(String kind, String key) {
    if (!store.isUp()) {
      return memory.recall(kind, key);
    }
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement("SELECT value FROM scopebot_delivery"
            + " WHERE kind = ? AND delivery_key = ? AND expires_at > ?")) {
      q.setQueryTimeout(store.timeoutSeconds());
      q.setString(1, kind);
      q.setString(2, key);
      q.setLong(3, clock.millis());
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : memory.recall(kind, key);
      }
    } catch (SQLException | RuntimeException e) {
      fellBack("recall", e);
      return memory.recall(kind, key);
    }
  }

  /** Deletes the deliveries whose time has passed; how many. */
  public int purgeExpired() throws SQLException {
    try (Connection c = store.connection();
        PreparedStatement d = c.prepareStatement("DELETE FROM scopebot_delivery WHERE expires_at <= ?")) {
      d.setQueryTimeout(store.timeoutSeconds());
      d.setLong(1, clock.millis());
      return d.executeUpdate();
    }
  }

  private void fellBack(String what, Exception e) {
    long n = fallbacks.incrementAndGet();
    if (n % 1000 == 1) {
      LOG.warn("deliveries: {} answered from memory, the store failed ({}); {} so far, logged one in 1000", what,
          e.getClass().getSimpleName(), n);
    }
  }
}
