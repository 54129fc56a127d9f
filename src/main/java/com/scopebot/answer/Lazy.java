package com.scopebot.answer;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value worked out on first use, once, by whichever thread asks first: for what most questions never need and the
 * server should not wait for at start. Thread-safe.
 */
final class Lazy<T> implements Supplier<T> {

  private final Supplier<T> compute;
  private volatile T value;

  Lazy(Supplier<T> compute) {
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        if (value == null) {
          value = Objects.requireNonNull(compute.get(), "lazy value");
        }
        v = value;
      }
    }
    return v;
  }
}
