package com.scopebot.records;

import java.util.Objects;

/**
 * A stored answer that a new revision outdated, and its answer again: one row of {@code reanswer_item}.
 *
 * @param job the re-answering job that found it (one per corpus, see {@link Reanswers#startJob})
 * @param oldId the outdated answer's record
 * @param newId the record of its answer again, or null until one is reserved
 * @param question the question as asked
 * @param oldVerdict the verdict given then
 * @param newVerdict the verdict now, or null until answered again
 * @param kind what became of the cited statement: reworded, moved, removed or gone
 * @param before the cited statement as it read
 * @param after the statement as the newer revision reads it, or null (removed, gone)
 * @param document the newer revision's file (for a passage gone, the cited file)
 * @param changedOn the newer revision's date (ISO), or empty when unknown
 */
public record Reanswer(String job, String oldId, String newId, String question, String oldVerdict, String newVerdict,
    String kind, String before, String after, String document, String changedOn) {

  public Reanswer {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(oldId, "oldId");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(oldVerdict, "oldVerdict");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(document, "document");
    changedOn = Objects.requireNonNullElse(changedOn, "");
  }

  /** True when the answer again has another verdict. */
  public boolean flipped() {
    return newVerdict != null && !newVerdict.equals(oldVerdict);
  }
}
