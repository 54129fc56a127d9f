package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the text of one block into passages: classifies it once (holder, guidance, the scope it inherits from its
 * section or lead-in) and cuts it at sentence ends when it is longer than a citation may be, each piece with its
 * statements. One per document; not shared between threads.
 */
final class PassageEmitter {

  private final Document doc;
  private final List<Passage> out = new ArrayList<>();

  PassageEmitter(Document doc) {
    this.doc = doc;
  }

  /** The passages emitted so far, in document order. */
  List<Passage> passages() {
    return out;
  }

  /**
   * Adds a passage, split at sentence ends when it is longer than a citation may be.
   *
   * @param section heading path from the document title down to the block
   * @param context lead-ins and enclosing bullets, indexed with the passage but not quoted
   * @param items the bullets the passage introduces, kept for answers but not indexed: a bare lead-in must not
   *     match every question about its bullets
   * @param intro the lead-in right above a bullet ("The following are out of scope:"); its scope carries over to
   *     bullets that state none themselves, as does that of a heading such as "Out of scope"
   */
  void emit(List<String> section, PassageKind kind, String text, String context, List<String> items, int line,
      String intro) {
    emit(section, kind, text, context, items, line, intro, Holder.NONE);
  }

  /**
   * Adds a passage whose side the document states for it (a table row's "Who" cell): {@code stated} is its holder
   * unless it is NONE, when the section and the sentence tell as for any passage.
   */
  void emit(List<String> section, PassageKind kind, String text, String context, List<String> items, int line,
      String intro, Holder stated) {
    if (line < 1) {
      line = 1;
    }
    String leadIn = context;
    Holder holder = stated != Holder.NONE ? stated : Classifier.holder(section, doc.title(), text);
    if (holder == Holder.NONE && !leadIn.isEmpty()) {
      holder = Classifier.holder(List.of(), "", leadIn);
    }
    boolean guidance = Classifier.guidance(text, leadIn);
    Polarity inherited = Classifier.inherited(section, intro);
    for (String chunk : Sentences.chunks(text)) {
      Polarity own = Classifier.polarity(chunk);
      out.add(new Passage(doc, section, line, kind, chunk, context, items, holder, guidance,
          own == Polarity.NONE ? inherited : own, Classifier.conditions(chunk, leadIn),
          Statements.of(chunk, leadIn, holder, guidance, inherited, asked(section), Classifier.sectionKind(section, kind))));
    }
  }

  /** The innermost heading when it is a question (a FAQ entry), else empty. */
  private static String asked(List<String> section) {
    String last = section.isEmpty() ? "" : section.get(section.size() - 1);
    return last.strip().endsWith("?") ? last.strip() : "";
  }
}
