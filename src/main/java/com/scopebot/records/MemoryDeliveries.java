package com.scopebot.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Deliveries} kept in this process: bounded (oldest out beyond {@code capacity} keys) and forgotten at restart.
 * Right for a single replica, and the fallback of the shared store. Thread-safe.
 */
public final class MemoryDeliveries implements Deliveries {

  private record Entry(String value, Instant until) {}

  private final Clock clock;
  private final Map<String, Entry> entries;

  public MemoryDeliveries(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.clock = clock;
    this.entries = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public synchronized boolean claim(String kind, String key, Duration window) {
    Instant now = clock.instant();
    String k = kind + '\n' + key;
    Entry old = entries.get(k);
    if (old != null && old.until().isAfter(now)) {
      return false;
    }
    entries.remove(k); // re-inserted last, so the oldest claims leave first
    entries.put(k, new Entry("", now.plus(window)));
    return true;
  }

  @Override
  public synchronized void remember(String kind, String key, String value, Duration keep) {
    String k = kind + '\n' + key;
    entries.remove(k);
    entries.put(k, new Entry(value, clock.instant().plus(keep)));
  }

  @Override
  public synchronized Optional<String> recall(String kind, String key) {
    Entry e = entries.get(kind + '\n' + key);
    return e == null || !e.until().isAfter(clock.instant()) ? Optional.empty() : Optional.of(e.value());
  }
}
