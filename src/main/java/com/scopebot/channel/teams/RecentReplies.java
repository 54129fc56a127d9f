package com.scopebot.channel.teams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which answer record each recent reply showed, by the reply's Teams message id.
 *
 * <p>Teams' own feedback buttons ({@code message/submitAction}) name only the message they were pressed on
 * ({@code replyToId}), not our answer. The card's own 👍/👎 carry the answer id and need none of this. The map is in
 * memory and bounded (least recently used out): feedback on a message older than the last {@code capacity} replies,
 * sent before a restart, or sent by another replica cannot be matched and is logged and dropped. Thread-safe.
 */
final class RecentReplies {

  private final Map<String, String> answers;

  RecentReplies(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.answers = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void put(String messageId, String answerId) {
    if (messageId != null && !messageId.isEmpty()) {
      answers.put(messageId, answerId);
    }
  }

  /** The answer shown by a message, or null when it is unknown or forgotten. */
  synchronized String answerOf(String messageId) {
    return messageId == null ? null : answers.get(messageId);
  }

  synchronized int size() {
    return answers.size();
  }
}
