package com.scopebot.search;

import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import java.util.List;
import java.util.Objects;

/**
 * One passage a search found, cited as answers cite it, with the classification of the statement that matched.
 *
 * @param quote the passage, verbatim with white space folded, at most 400 characters
 * @param document file name of the document
 * @param title the document's title
 * @param section heading path from the title down to the passage
 * @param revision the document's revision date (ISO)
 * @param line 1-based line in the file
 * @param url permalink to the line in that revision, empty when the document's upstream is unknown
 * @param current false when a newer revision of the document exists
 * @param statement the sentence of the passage that matched best
 * @param holder who holds that statement: customer, microsoft or none (the values {@code holder:} searches)
 * @param polarity what it says about scope: out_of_scope, not_supported, not_included, not_required, requires or none
 * @param conditions its conditions (single_forest, multiple_forest, if_required, when_applicable, limited), sorted;
 *     empty for none
 */
public record SearchHit(
    String quote,
    String document,
    String title,
    List<String> section,
    String revision,
    int line,
    String url,
    boolean current,
    String statement,
    String holder,
    String polarity,
    List<String> conditions) {

  public SearchHit {
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(document, "document");
    section = List.copyOf(section);
    conditions = List.copyOf(conditions);
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1-based, got " + line);
    }
  }

  static SearchHit of(Passage p, Statement st) {
    return new SearchHit(p.text(), p.document().file(), p.document().title(), p.section(), p.document().revision(),
        p.line(), p.url(), p.document().current(), st.text(), SearchFields.wire(st.holder()),
        SearchFields.wire(st.polarity()), st.conditions().stream().map(SearchFields::wire).sorted().toList());
  }
}
