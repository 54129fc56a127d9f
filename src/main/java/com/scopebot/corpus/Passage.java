package com.scopebot.corpus;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The unit the bot cites: a bullet (with its parent's lead-in where it needs one), a note, a table row or a paragraph.
 *
 * @param document the document and revision it comes from
 * @param section heading path from the document title down to the passage
 * @param line 1-based line in the file
 * @param kind the Markdown construct it was cut from
 * @param text the quote: verbatim text with white space folded, at most {@link #MAX_QUOTE} characters
 * @param context lead-ins and enclosing bullets; indexed to find the passage, never quoted
 * @param items the bullets a lead-in introduces ("four primary phases: Initiate, Assess, ..."), else empty
 * @param holder who holds it, from the section
 * @param guidance true when the section or lead-in frames it as guidance ("Provide guidance about:")
 * @param polarity the strongest scope statement in the text
 * @param conditions conditions stated in the text, or inherited from its lead-in
 * @param statements its sentences, each classified on its own (see {@link Statements})
 */
public record Passage(
    Document document,
    List<String> section,
    int line,
    PassageKind kind,
    String text,
    String context,
    List<String> items,
    Holder holder,
    boolean guidance,
    Polarity polarity,
    Set<Condition> conditions,
    List<Statement> statements) {

  /** The longest quote a citation may carry. */
  public static final int MAX_QUOTE = 400;

  public Passage {
    Objects.requireNonNull(document, "document");
    section = List.copyOf(section);
    items = List.copyOf(items);
    conditions = Condition.ordered(conditions);
    statements = List.copyOf(statements);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(polarity, "polarity");
    context = Objects.requireNonNullElse(context, "");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("passage text must not be blank, at " + document.file() + ":" + line);
    }
    if (text.length() > MAX_QUOTE) {
      throw new IllegalArgumentException(
          "passage text must be at most " + MAX_QUOTE + " characters, got " + text.length());
    }
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1-based, got " + line);
    }
  }

  /** The same passage attached to another record of its document (after revision families are known). */
  public Passage withDocument(Document doc) {
    return new Passage(doc, section, line, kind, text, context, items, holder, guidance, polarity, conditions, statements);
  }

  /** Permalink to the passage's line, or empty. */
  public String url() {
    return document.permalink(line);
  }
}
