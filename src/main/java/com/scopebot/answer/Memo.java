package com.scopebot.answer;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values of a pure function kept by key, at most so many, the whole memo dropped when it fills up: the hot keys come
 * back at once, and no per-entry bookkeeping costs anything on the way. A race only works a value out twice.
 * Thread-safe.
 */
public final class Memo<K, V> {

  private final int max;
  private final Map<K, V> values;

  private Memo(int max, Map<K, V> values) {
    if (max < 1) {
      throw new IllegalArgumentException("a memo keeps at least one value, got " + max);
    }
    this.max = max;
    this.values = values;
  }

  /** Keys compared by {@code equals}. */
  public static <K, V> Memo<K, V> of(int max) {
    return new Memo<>(max, new ConcurrentHashMap<>());
  }

  /** Keys compared by identity: the same object, not an equal one. */
  public static <K, V> Memo<K, V> byIdentity(int max) {
    return new Memo<>(max, Collections.synchronizedMap(new IdentityHashMap<>()));
  }

  /** The value kept for the key, or null. */
  public V get(K key) {
    return values.get(key);
  }

  /** Keeps a value; drops every value first when the memo is full. */
  public void put(K key, V value) {
    if (values.size() >= max) {
      values.clear();
    }
    values.put(key, value);
  }

  /** The value kept for the key, else the function's, then kept (worked out outside any lock). */
  public V get(K key, Function<? super K, ? extends V> compute) {
    V known = values.get(key);
    if (known == null) {
      known = compute.apply(key);
      put(key, known);
    }
    return known;
  }
}
