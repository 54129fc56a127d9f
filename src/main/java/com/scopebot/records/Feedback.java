package com.scopebot.records;

import java.util.Objects;

/**
 * A 👍 or 👎 on an answer.
 *
 * @param helpful true for 👍
 * @param reason optional words after a 👎, empty when none
 * @param channel where it was given (web, api, slack, teams)
 * @param user hashed id of who gave it, empty when anonymous
 * @param createdAt ISO instant
 */
public record Feedback(boolean helpful, String reason, String channel, String user, String createdAt) {

  /** Longest reason kept; the rest is cut. */
  public static final int MAX_REASON = 1000;

  public Feedback {
    reason = Objects.requireNonNullElse(reason, "");
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON);
    }
    Objects.requireNonNull(channel, "channel");
    user = Objects.requireNonNullElse(user, "");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
