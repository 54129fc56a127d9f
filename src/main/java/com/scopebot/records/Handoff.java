package com.scopebot.records;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * A question handed to the FastTrack experts, as its answer record shows it.
 *
 * @param answerId the answer record it belongs to
 * @param createdAt ISO instant of the hand-off
 * @param cause what handed it off: {@code button} (Ask a FastTrack expert), {@code thumbs_down}, or {@code unknown} (an
 *     answer the documents did not give, handed off by itself)
 * @param status {@code posting} (being posted), {@code open}, {@code answered} or {@code not_in_scope}
 * @param expertsChannel the experts' Slack channel, empty while posting
 * @param expertsTs the experts' post's timestamp (its thread), empty while posting
 * @param assignee the name of the expert who took it, empty when none
 * @param replies the people's answers, oldest first
 */
public record Handoff(@JsonIgnore String answerId, String createdAt, String cause, String status,
    @JsonIgnore String expertsChannel, @JsonIgnore String expertsTs, String assignee, List<Reply> replies) {

  public Handoff {
    Objects.requireNonNull(answerId, "answerId");
    replies = List.copyOf(replies);
  }

  /**
   * A person's answer to a handed-off question.
   *
   * @param id the Slack message's (or modal's) identity, so a retried event is the same reply
   * @param createdAt ISO instant
   * @param author the expert's name as Slack gives it
   * @param text what they wrote
   * @param delivery how it reached the asker: {@code pending}, {@code delivered}, {@code stored} (the web chat reads
   *     it from the record), {@code gone} (the conversation no longer exists) or {@code failed}
   */
  public record Reply(@JsonIgnore String id, String createdAt, String author, String text, String delivery) {}
}
