package com.scopebot.service;

import com.scopebot.answer.Verdict;
import java.util.Objects;

/**
 * The short message a conversation gets when a new revision changed an answer given in it.
 *
 * @param changedOn the new revision's date (ISO), or empty when unknown (the cited passage is gone from the corpus)
 * @param oldVerdict the verdict given then (contract name)
 * @param newVerdict the verdict now
 * @param before the cited sentence as it read
 * @param after the sentence as the new revision reads it, or null when it no longer says it
 * @param oldLink the outdated answer's page
 * @param newLink the page of its answer again
 */
public record ChangeNotice(String changedOn, String oldVerdict, String newVerdict, String before, String after,
    String oldLink, String newLink) {

  public ChangeNotice {
    Objects.requireNonNull(changedOn, "changedOn");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(newLink, "newLink");
  }

  /**
   * "The documents changed on 2018-12-04: this answer is now Out of scope (it was In scope). They said: “…” They now
   * say: “…” See …", in plain text that every channel can post.
   */
  public String text() {
    StringBuilder sb = new StringBuilder("The documents changed")
        .append(changedOn.isEmpty() ? "" : " on " + changedOn).append(": this answer is now ")
        .append(label(newVerdict));
    sb.append(oldVerdict.equals(newVerdict) ? ", as it was, but the sentence it rests on changed."
        : " (it was " + label(oldVerdict) + ").");
    sb.append(" They said: “").append(before).append("”");
    sb.append(after == null ? " They no longer say it." : " They now say: “" + after + "”");
    return sb.append(" The answer now: ").append(newLink).toString();
  }

  /** A verdict's label for people; a name this version does not know, as it is. */
  static String label(String verdict) {
    try {
      return Verdict.fromWire(verdict).label();
    } catch (IllegalArgumentException e) {
      return verdict;
    }
  }
}
