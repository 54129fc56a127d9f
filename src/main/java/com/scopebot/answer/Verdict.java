package com.scopebot.answer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The verdict of an answer, as named in the answer contract. */
public enum Verdict {
  IN_SCOPE("✅", "In scope"),
  OUT_OF_SCOPE("⛔", "Out of scope"),
  CUSTOMER("👤", "Customer's responsibility"),
  MICROSOFT("🏢", "Microsoft's responsibility"),
  SHARED("🤝", "Shared responsibility"),
  INFO("ℹ️", "From the documents"),
  UNKNOWN("❓", "Not in the documents");

  private final String emoji;
  private final String label;

  Verdict(String emoji, String label) {
    this.emoji = emoji;
    this.label = label;
  }

  /** The contract's name: {@code in_scope}, {@code out_of_scope}, ... */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A short label for people. */
  public String label() {
    return label;
  }

  public String emoji() {
    return emoji;
  }

  /** Reads a contract name; throws IllegalArgumentException naming the value when it is not one. */
  public static Verdict fromWire(String wire) {
    for (Verdict v : values()) {
      if (v.wire().equals(wire)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown verdict: " + wire);
  }
}
