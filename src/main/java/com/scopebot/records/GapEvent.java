package com.scopebot.records;

import java.util.Objects;

/**
 * One gap as the store holds it: an unknown answer, a 👎 or a hand-off, with the answer it concerns.
 *
 * @param outcome what kind of gap
 * @param at when it happened (ISO instant): the answer's time for an unknown, the feedback's for a 👎
 * @param answerId the answer record it concerns
 * @param channel where it happened (web, api, slack, teams, cli)
 * @param user hashed id of who asked or gave the 👎, empty when anonymous
 * @param question the question as asked
 * @param reason the words given with a 👎 (or a hand-off), empty when none
 * @param answer the answer contract's JSON of the answer given
 */
public record GapEvent(GapOutcome outcome, String at, String answerId, String channel, String user, String question,
    String reason, String answer) {

  public GapEvent {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(answerId, "answerId");
    channel = Objects.requireNonNullElse(channel, "");
    user = Objects.requireNonNullElse(user, "");
    question = Objects.requireNonNullElse(question, "");
    reason = Objects.requireNonNullElse(reason, "");
    Objects.requireNonNull(answer, "answer");
  }
}
