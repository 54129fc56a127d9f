package com.scopebot.records;

import java.util.Locale;

/** What made a question a gap in the documents: the answer did not know, it got a 👎, or it went to a person. */
public enum GapOutcome {
  /** Answered "the documents don't say" (small talk, which is not about the documents, aside). */
  UNKNOWN,
  /** An answer got a 👎, with the reason given when there was one. */
  THUMBS_DOWN,
  /** The question was sent to the experts' channel for a person to answer. */
  HANDOFF;

  /** The name in JSON, CSV and the metric's label: {@code unknown}, {@code thumbs_down}, {@code handoff}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
