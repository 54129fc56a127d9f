package com.scopebot.records;

import java.util.Objects;
import java.util.Set;

/**
 * Where a question was asked, kept with its answer record so that a later message (a person's answer, a notice that
 * the documents changed) can go back there. The reference is the channel's own, as JSON text this package never reads:
 * a Teams conversation reference (service URL, conversation, bot, user, tenant), a Slack channel and thread, a web chat
 * conversation id.
 *
 * @param kind {@code teams}, {@code slack} or {@code web}
 * @param reference the channel's reference, at most {@link #MAX_REFERENCE_CHARS} characters
 */
public record Origin(String kind, String reference) {

  /** A Teams conversation reference is well under 2 KB; a longer one was not made by a channel of ours. */
  public static final int MAX_REFERENCE_CHARS = 4000;
  private static final Set<String> KINDS = Set.of("teams", "slack", "web");

  public Origin {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("an origin's kind is teams, slack or web, got " + kind);
    }
    Objects.requireNonNull(reference, "reference");
    if (reference.length() > MAX_REFERENCE_CHARS) {
      throw new IllegalArgumentException("an origin's reference is at most " + MAX_REFERENCE_CHARS
          + " characters, got " + reference.length());
    }
  }
}
