package com.scopebot.history;

import com.scopebot.corpus.Document;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of one statement between two consecutive revisions of a document.
 *
 * @param kind what happened to it
 * @param older the earlier revision of the pair
 * @param newer the later revision of the pair
 * @param section the headings it sits under in the newer revision, below the title; for a removed statement, where
 *     its section went (or, when the section is gone too, the older revision's headings); empty at the top
 * @param before the statement in the older revision; null when it was added
 * @param after the statement in the newer revision; null when it was removed
 * @param diff the words changed, when the wording changed (reworded, or moved and reworded); else empty
 */
public record Change(Kind kind, Document older, Document newer, List<String> section, Version before, Version after,
    List<WordDiff.Run> diff) {

  /** What happened to a statement between two revisions. */
  public enum Kind {
    /** The same words under the same section. */
    UNCHANGED,
    /** Other words, mostly the same or in the same place, under the same section. */
    REWORDED,
    /** Under another section, with the same or similar words. */
    MOVED,
    /** Only in the newer revision. */
    ADDED,
    /** Only in the older revision. */
    REMOVED;

    /** The name in JSON and on the command line: {@code added}, {@code removed}, … */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    section = List.copyOf(section);
    diff = List.copyOf(diff);
    if ((before == null) != (kind == Kind.ADDED)) {
      throw new IllegalArgumentException("an " + kind + " change " + (before == null ? "needs" : "has no")
          + " older statement");
    }
    if ((after == null) != (kind == Kind.REMOVED)) {
      throw new IllegalArgumentException("a " + kind + " change " + (after == null ? "needs" : "has no")
          + " newer statement");
    }
  }

  /** The statement's text in the newer revision, or in the older one when it was removed. */
  public String text() {
    return after != null ? after.text() : before.text();
  }

  /** True when the words changed, not only the place. */
  public boolean reworded() {
    return !diff.isEmpty();
  }

  /** The word diff as one line with {@code [-removed-]} and <code>{+added+}</code> marks; empty when none. */
  public String rendered() {
    return WordDiff.render(diff);
  }

  /** True when the two versions are classified differently: who holds it or what it says about scope. */
  public boolean verdictChanged() {
    return before != null && after != null
        && (before.statement().holder() != after.statement().holder()
            || before.statement().polarity() != after.statement().polarity());
  }
}
