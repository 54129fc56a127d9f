package com.scopebot.channel.teams;

import com.scopebot.records.Deliveries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which answer record each reply showed, by the reply's Teams message id, kept in the answer service's
 * {@link Deliveries}: replicas sharing an answer store share it, so Teams' own feedback buttons
 * ({@code message/submitAction}, which name only the message) find their answer on whichever replica they reach.
 * The card's own 👍/👎 carry the answer id and need none of this. Thread-safe (as the deliveries are).
 */
final class RepliedAnswers {

  static final String KIND = "teams-reply";
  /** Feedback comes minutes after an answer, rarely days; a month covers the old messages people scroll back to. */
  static final Duration KEEP = Duration.ofDays(30);
  /** {@link Deliveries} keys are at most 200 characters; Teams' message ids are far shorter, forged ones may not be. */
  static final int MAX_KEY_CHARS = 200;

  private final Supplier<Deliveries> deliveries;

  /** @param deliveries read at each use: the service's deliveries may be switched to the shared store after start */
  RepliedAnswers(Supplier<Deliveries> deliveries) {
    this.deliveries = deliveries;
  }

  /** Remembers that a message showed an answer; nothing when either is missing (an answer that was not recorded). */
  void remember(String messageId, String answerId) {
    if (messageId == null || messageId.isEmpty() || answerId == null || answerId.isEmpty()) {
      return;
    }
    deliveries.get().remember(KIND, key(messageId), answerId, KEEP);
  }

  /** The answer a message showed, if remembered. */
  Optional<String> answerOf(String messageId) {
    if (messageId == null || messageId.isEmpty()) {
      return Optional.empty();
    }
    return deliveries.get().recall(KIND, key(messageId));
  }

  /** The message id itself, or its SHA-256 when it is too long to be a key. */
  static String key(String messageId) {
    if (messageId.length() <= MAX_KEY_CHARS) {
      return messageId;
    }
    try {
      return "sha256:" + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
