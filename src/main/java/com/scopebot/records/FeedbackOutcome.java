package com.scopebot.records;

/** What became of a 👍/👎 sent to an answer's record. */
public enum FeedbackOutcome {
  /** Stored. */
  ADDED,
  /** Stored in place of the same person's earlier feedback on that answer: a change of mind. */
  REPLACED,
  /** No record has that id. */
  NO_SUCH_ANSWER,
  /** The answer already holds {@link AnswerStore#MAX_FEEDBACK} entries; refused. */
  FULL;

  /** True when the feedback is now part of the record. */
  public boolean stored() {
    return this == ADDED || this == REPLACED;
  }
}
