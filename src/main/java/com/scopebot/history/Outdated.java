package com.scopebot.history;

import java.util.Objects;

/**
 * A cited passage that the revisions in force no longer read as it was cited: one of its statements changed on the
 * way to the revision in force, or the passage cannot be found any more.
 *
 * @param kind {@code reworded}, {@code moved}, {@code removed} (see {@link Change.Kind}) or {@code gone} (the cited
 *     passage is in no document of the corpus, so nothing tells what became of it)
 * @param before the statement as cited (for {@code gone}, the whole cited passage)
 * @param after the statement in the newer revision; null when it was removed or is gone
 * @param document the file of the newer revision (for {@code gone}, the cited file)
 * @param changedOn the newer revision's date (ISO); empty for {@code gone}
 */
public record Outdated(String kind, String before, String after, String document, String changedOn) {

  public static final String GONE = "gone";

  public Outdated {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(document, "document");
    changedOn = Objects.requireNonNullElse(changedOn, "");
  }

  /** What a change made of a cited statement. */
  static Outdated of(Change c) {
    return new Outdated(c.kind().wire(), c.before().text(), c.after() == null ? null : c.after().text(),
        c.newer().file(), c.newer().revision());
  }
}
