package com.scopebot.records;

import java.time.Duration;
import java.util.Optional;

/**
 * What the channels remember between deliveries: which Slack events, slash commands and signed requests were already
 * answered, and which answer each Teams reply showed. Replicas that share an answer store share this too, so a retry
 * that reaches another replica is answered once; a single replica keeps it in memory ({@link MemoryDeliveries}).
 *
 * <p>Implementations are thread-safe and never throw: when the shared store cannot be reached they fall back to what
 * this process remembers, so a delivery is answered rather than dropped.
 */
public interface Deliveries {

  /**
   * Claims a delivery.
   *
   * @param kind what the key names (a short closed set: {@code slack-event}, {@code slack-request}, ...)
   * @param key the delivery's identity, at most 200 characters (hash longer ones)
   * @param window how long a repeat counts as the same delivery
   * @return true for the first claim of this key within the window, false for a repeat
   */
  boolean claim(String kind, String key, Duration window);

  /** Remembers a value under a key (the answer id a Teams reply showed), for at least {@code keep}. */
  void remember(String kind, String key, String value, Duration keep);

  /** A remembered value, if still kept. */
  Optional<String> recall(String kind, String key);
}
