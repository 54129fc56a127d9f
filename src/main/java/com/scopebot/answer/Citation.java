package com.scopebot.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.scopebot.corpus.Passage;
import java.util.List;
import java.util.Objects;

/**
 * One quoted passage an answer rests on, as the answer contract names it.
 *
 * @param quote the passage, verbatim with white space folded, at most 400 characters
 * @param document file name of the document
 * @param title the document's title
 * @param section heading path from the title down to the passage
 * @param revision the document's revision date (ISO)
 * @param line 1-based line in the file
 * @param url permalink to the line in that revision, empty when the document's upstream is unknown
 * @param holder who holds the passage by its section: customer, microsoft or none
 * @param current false when a newer revision of the document exists
 */
public record Citation(
    String quote,
    String document,
    String title,
    List<String> section,
    String revision,
    int line,
    String url,
    String holder,
    @JsonProperty("current") boolean current) {

  public Citation {
    Objects.requireNonNull(quote, "quote");
    section = List.copyOf(section);
  }

  static Citation of(Passage p) {
    return new Citation(p.text(), p.document().file(), p.document().title(), p.section(), p.document().revision(),
        p.line(), p.url(), p.holder().name().toLowerCase(java.util.Locale.ROOT), p.document().current());
  }

  /** {@code document › section › … (revision)}, the way people read a citation. */
  public String trail() {
    StringBuilder sb = new StringBuilder(document);
    for (String s : section) {
      sb.append(" › ").append(s);
    }
    return sb.append(" (").append(revision).append(')').toString();
  }
}
