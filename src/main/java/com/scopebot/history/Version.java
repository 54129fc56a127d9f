package com.scopebot.history;

import com.scopebot.corpus.Document;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import java.util.List;
import java.util.Objects;

/**
 * A statement as one revision writes it, in the passage that holds it (which gives its line and permalink).
 *
 * @param passage the passage the statement was cut from
 * @param statement the statement, one of {@code passage.statements()}
 */
public record Version(Passage passage, Statement statement) {

  public Version {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(statement, "statement");
  }

  public Document document() {
    return passage.document();
  }

  /** The revision's date, ISO. */
  public String revision() {
    return passage.document().revision();
  }

  public String text() {
    return statement.text();
  }

  /** The headings above the statement, below the document's title (which revisions rename): empty at the top. */
  public List<String> section() {
    List<String> path = passage.section();
    return path.isEmpty() ? path : path.subList(1, path.size());
  }

  public int line() {
    return passage.line();
  }

  /** Permalink to the statement's line in this revision, or empty when the upstream is unknown. */
  public String url() {
    return passage.url();
  }
}
