package com.scopebot.service;

import com.scopebot.records.Origin;

/**
 * Sends a {@link Notice} to where a question was asked, from the {@link Origin} kept with its answer record: a
 * proactive message in the Teams conversation (the Bot Framework's {@code continueConversation} with the app's
 * credentials), a reply in the Slack thread ({@code chat.postMessage} with {@code thread_ts}), or, for the web chat,
 * nothing to send ({@link Delivery#STORED}): the web chat has no connection to push to, so the caller keeps the notice
 * with the answer record (hand-off replies are rows of {@code answer_reply}, which {@code GET /api/answers/{id}} shows),
 * and the chat tab reads it when it polls or reloads.
 *
 * <p>How to use it: read the record ({@code AnswerService.record(id)}), take its {@code origin()} (null for the API and
 * the command line: nothing to send to), and call {@code AnswerService.senders().send(origin, notice)}. The experts'
 * replies to handed-off questions go this way; so can anything else that must reach the asker later (a notice that
 * the documents changed). A call blocks for at most about half a minute (the channel client's timeouts), never throws,
 * and says how it went; {@link Delivery#GONE} means the conversation no longer takes messages. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface OriginSender {

  /** How a notice went. */
  enum Delivery {
    /** The channel took it. */
    DELIVERED,
    /** Kept for the asker to read (the web chat reads it from the record). */
    STORED,
    /** The conversation no longer exists, or the bot is no longer in it (Teams' 403/404, Slack's channel_not_found). */
    GONE,
    /** The channel refused or could not be reached; logged. */
    FAILED,
    /** No sender for this origin (its channel is not configured here). */
    UNSUPPORTED;

    /** The name stored with a reply. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  Delivery send(Origin origin, Notice notice);

  /**
   * What names the conversation an origin is in: the origins of one conversation's questions give the same key (a
   * notice meant for the conversation is sent once, not once a question). By default the whole reference.
   */
  default String conversation(Origin origin) {
    return origin.kind() + ":" + origin.reference();
  }
}
