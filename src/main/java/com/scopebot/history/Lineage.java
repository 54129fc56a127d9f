package com.scopebot.history;

import com.scopebot.corpus.Document;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The history of one statement: how it came to read as it does, one change per earlier revision, newest first.
 *
 * <p>The chain ends with the change that added it, or at the family's oldest revision; a statement of a document
 * without earlier revisions (or of the oldest revision) has none.
 *
 * @param version the statement as it reads in its own revision
 * @param changes the changes that led to it, newest first: each one's {@code after} is the previous one's
 *     {@code before} (the first one's is {@code version}); unchanged steps included
 */
public record Lineage(Version version, List<Change> changes) {

  public Lineage {
    Objects.requireNonNull(version, "version");
    changes = List.copyOf(changes);
  }

  /** The newest change of wording ("Changed in the 2018-12 revision; the 2018-03 revision said: …"), if any. */
  public Optional<Change> lastRewording() {
    return changes.stream().filter(Change::reworded).findFirst();
  }

  /** The revision it first appears in. */
  public Document since() {
    if (changes.isEmpty()) {
      return version.document();
    }
    Change first = changes.get(changes.size() - 1);
    return first.kind() == Change.Kind.ADDED ? first.newer() : first.older();
  }

  /** True when some earlier revision worded it otherwise or placed it elsewhere, or it was added after the first. */
  public boolean changed() {
    return changes.stream().anyMatch(c -> c.kind() != Change.Kind.UNCHANGED);
  }
}
