package com.scopebot.service;

import com.scopebot.records.AnswerRecord;

/**
 * Where a stored answer's conversation hears that a new revision changed it (with {@code SCOPEBOT_NOTIFY_CHANGED}).
 * Re-answering calls {@link #send} once per conversation and revision: the store remembers each conversation told, so
 * a resumed run or a second replica never tells it twice. Implementations must be thread-safe and must not throw for a
 * conversation they cannot reach (they log it).
 */
public interface ChangeNotices {

  /**
   * The conversation an answer was given in, as a key: answers of one conversation that a revision changed make one
   * notice. By default each record stands alone.
   */
  default String conversation(AnswerRecord given) {
    return given.id();
  }

  /**
   * Tells the conversation of {@code old} that its answer is now {@code renewed}'s.
   *
   * @param old the outdated answer's record (where it was given)
   * @param renewed the record of its answer again
   * @param notice what to say
   */
  void send(AnswerRecord old, AnswerRecord renewed, ChangeNotice notice);
}
