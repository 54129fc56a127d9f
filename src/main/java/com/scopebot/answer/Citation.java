package com.scopebot.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
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
 * @param holder who holds the statement the citation is for: its own subject's side, else its section's (customer,
 *     microsoft or none)
 * @param current false when a newer revision of the document exists
 * @param kind what that statement does ({@link com.scopebot.corpus.StatementKind}, lower case): grant, exclusion,
 *     responsibility, requirement, description or navigation
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
    @JsonProperty("current") boolean current,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String kind) {

  public Citation {
    Objects.requireNonNull(quote, "quote");
    section = List.copyOf(section);
    kind = kind == null ? "" : kind;
  }

  /** A citation of a passage alone, for no statement in particular (search results list the statement apart). */
  public Citation(String quote, String document, String title, List<String> section, String revision, int line,
      String url, String holder, boolean current) {
    this(quote, document, title, section, revision, line, url, holder, current, "");
  }

  /** The passage that holds a statement, cited for that statement: its holder and kind are the statement's own. */
  static Citation of(Passage p, Statement s) {
    return new Citation(p.text(), p.document().file(), p.document().title(), p.section(), p.document().revision(),
        p.line(), p.url(), s.holder().name().toLowerCase(java.util.Locale.ROOT), p.document().current(),
        s.kind().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** {@code title › section › … (revision)}, the way people read a citation; the file stays in the link. */
  public String trail() {
    StringBuilder sb = new StringBuilder(displayTitle());
    for (String s : headings()) {
      sb.append(" › ").append(s);
    }
    return sb.append(" (").append(revision).append(')').toString();
  }

  /** {@code title › section › … · revision}, as the chat channels and the answer page write a quote's source. */
  public String source() {
    StringBuilder sb = new StringBuilder(displayTitle());
    for (String s : headings()) {
      sb.append(" › ").append(s);
    }
    return sb.append(" · ").append(revision).toString();
  }

  /** The document's title, which people know it by; the file name only for a record stored without one. */
  public String displayTitle() {
    return title == null || title.isBlank() ? document : title;
  }

  /**
   * The headings from the title down to the passage, without the first when it only repeats the title: a document's
   * top heading is usually its title, or the title less a qualifier ("FastTrack responsibilities (2017)").
   */
  public List<String> headings() {
    if (!section.isEmpty()) {
      String t = displayTitle().strip().toLowerCase(java.util.Locale.ROOT);
      String top = section.get(0).strip().toLowerCase(java.util.Locale.ROOT);
      boolean repeats = t.startsWith(top)
          && (t.length() == top.length() || !Character.isLetterOrDigit(t.charAt(top.length())));
      if (!top.isEmpty() && repeats) {
        return section.subList(1, section.size());
      }
    }
    return section;
  }
}
