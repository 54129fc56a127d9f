package com.scopebot.history;

import com.scopebot.corpus.Document;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The revisions of one document and the changes between each and the next.
 *
 * @param id the family's id ({@link Document#family()})
 * @param revisions oldest first
 * @param changes the changes of every consecutive pair, the newest pair first, each pair's in the newer revision's
 *     order (a removed statement where it stood); statements that stayed the same are not listed
 */
public record Family(String id, List<Document> revisions, List<Change> changes) {

  public Family {
    Objects.requireNonNull(id, "id");
    revisions = List.copyOf(revisions);
    changes = List.copyOf(changes);
    if (revisions.isEmpty()) {
      throw new IllegalArgumentException("a family has at least one revision: " + id);
    }
  }

  /** The revision in force. */
  public Document current() {
    return revisions.get(revisions.size() - 1);
  }

  /** The changes made in revisions dated after a day (a revision of that very day is not "since"). */
  public List<Change> changesSince(LocalDate day) {
    String after = day.toString(); // revisions are ISO dates, which sort as text
    return changes.stream().filter(c -> c.newer().revision().compareTo(after) > 0).toList();
  }
}
