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
 * @param contentId SHA-256 (hex) of {@code answer}: records of the same answer share one stored copy of it
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
    @JsonIgnore String contentId) {

  public AnswerRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(contentId, "contentId");
    feedback = List.copyOf(feedback);
  }

  /** SHA-256 (hex) of an answer's JSON, its {@code contentId}. */
  public static String contentIdOf(byte[] utf8Json) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(utf8Json));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
