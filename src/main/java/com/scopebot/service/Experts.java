package com.scopebot.service;

/**
 * Where the channels hand a question to the FastTrack experts (the Slack channel {@code SCOPEBOT_EXPERTS_CHANNEL}),
 * from the "Ask a FastTrack expert" button or a 👎. Implementations post a question once, whichever replica and however
 * often it is asked, are thread-safe and never throw.
 */
@FunctionalInterface
public interface Experts {

  /** Said under an answer the documents don't give, which goes to the experts by itself (where it can come back). */
  String HANDED_OFF = "I've passed your question to the FastTrack experts; their answer will come here.";

  /** What became of a hand-off. */
  enum Outcome {
    /** The experts have it now. */
    POSTED,
    /** It was handed off before: not posted again. */
    ALREADY,
    /** No record of that answer. */
    NO_SUCH_ANSWER,
    /** The experts could not be reached; the asker may try again. */
    FAILED;

    /** What the asker is told, on every channel. */
    public String told() {
      return switch (this) {
        case POSTED -> "I've asked the FastTrack experts. Their answer will come here, with their name.";
        case ALREADY -> "The FastTrack experts already have this question; their answer will come here.";
        case NO_SUCH_ANSWER -> "Sorry, I couldn't find that answer's record to hand it to an expert.";
        case FAILED -> "Sorry, I couldn't reach the FastTrack experts right now. Please try again later.";
      };
    }
  }

  /**
   * Hands an answered question to the experts.
   *
   * @param cause {@code button}, {@code thumbs_down} or {@code unknown} (the documents didn't answer it)
   * @param note the asker's words with it (a 👎's reason), or empty
   */
  Outcome handOff(String answerId, String cause, String note);

  /** Hands off without waiting for Slack (a 👎: the person is thanked at once); by default, at once. */
  default void handOffLater(String answerId, String cause, String note) {
    handOff(answerId, cause, note);
  }
}
