package com.scopebot.records;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
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
 * @param answer the whole answer as given: the answer contract's JSON text (citations with revisions and lines)
 * @param feedback 👍/👎 attached to it, oldest first
 * @param contentId the id of the stored copy of {@code answer}, which records of the same answer share
 * @param origin where the question was asked, or null when nothing can be sent back there (the API, the command
 *     line); not shown with the record: it names conversations and people
 */
public record AnswerRecord(
    String id,
    String createdAt,
    String channel,
    String user,
    String question,
    String verdict,
    @JsonRawValue String answer,
    List<Feedback> feedback,
    @JsonIgnore String contentId,
    @JsonIgnore Origin origin) {

  public AnswerRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(contentId, "contentId");
    feedback = List.copyOf(feedback);
  }

  /** A record without an origin. */
  public AnswerRecord(String id, String createdAt, String channel, String user, String question, String verdict,
      String answer, List<Feedback> feedback, String contentId) {
    this(id, createdAt, channel, user, question, verdict, answer, feedback, contentId, null);
  }
}
