package com.scopebot.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What was answered, when, on which channel, from which document revisions: what support pastes into a dispute.
 *
 * @param id the answer's id
 * @param createdAt ISO instant
 * @param channel web, api, slack, teams or cli
 * @param user hashed user id, empty when anonymous
 * @param question the question as asked
 * @param verdict the verdict given
 * @param answer the whole answer as given (answer contract JSON, citations with revisions and lines)
 * @param feedback 👍/👎 attached to it, oldest first
 */
public record AnswerRecord(
    String id,
    String createdAt,
    String channel,
    String user,
    String question,
    String verdict,
    JsonNode answer,
    List<Feedback> feedback) {

  public AnswerRecord {
    Objects.requireNonNull(id, "id");
    feedback = List.copyOf(feedback);
  }
}
