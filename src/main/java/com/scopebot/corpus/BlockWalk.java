package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;

/**
 * The walk over one document's Markdown blocks: keeps the heading path, and hands paragraphs, bullets with the
 * lead-ins above them, block quotes and DocFX alerts, and table rows to the {@link PassageEmitter}. One per document;
 * not shared between threads.
 */
final class BlockWalk {

  private static final Pattern ALERT = Pattern.compile("^\\[!(NOTE|IMPORTANT|TIP|WARNING|CAUTION)\\]\\s*",
      Pattern.CASE_INSENSITIVE);

  private final Document doc;
  /** The document's lines, to find where an alert's words start. */
  private final String[] lines;
  private final PassageEmitter emitter;
  /** Real headings by level (index 0 = level 1). */
  private final String[] headings = new String[6];
  private String pseudoHeading;

  BlockWalk(Document doc, String[] lines) {
    this.doc = doc;
    this.lines = lines;
    this.emitter = new PassageEmitter(doc);
  }

  /** The passages of the blocks walked so far, in document order. */
  List<Passage> passages() {
    return emitter.passages();
  }

  void blocks(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        int level = Math.min(Math.max(h.getLevel(), 1), 6);
        headings[level - 1] = MarkdownText.inline(h);
        for (int i = level; i < headings.length; i++) {
          headings[i] = null;
        }
        pseudoHeading = null;
      } else if (n instanceof Paragraph p) {
        paragraph(p);
      } else if (n instanceof ListBlock list) {
        // a paragraph lead-in ("Provide guidance about:") frames the bullets but is not quoted with each one
        String leadIn = leadInBefore(list);
        list(list, leadIn == null ? List.of() : List.of(leadIn), null);
      } else if (n instanceof BlockQuote q) {
        quote(q, List.of());
      } else if (n instanceof TableBlock t) {
        table(t);
      }
    }
  }

  private List<String> section() {
    List<String> path = new ArrayList<>();
    for (String h : headings) {
      if (h != null && !h.isEmpty()) {
        path.add(h);
      }
    }
    if (path.isEmpty() || !path.get(0).equals(doc.title()) && headings[0] == null) {
      path.add(0, doc.title());
    }
    if (pseudoHeading != null) {
      path.add(pseudoHeading);
    }
    return path;
  }

  private void paragraph(Paragraph p) {
    String text = MarkdownText.inline(p);
    if (text.isEmpty()) {
      return;
    }
    if (isPseudoHeading(p)) {
      pseudoHeading = text;
      return;
    }
    if (MarkdownText.isNavigation(p)) {
      return;
    }
    List<String> items = List.of();
    if (p.getNext() instanceof ListBlock list && leadIn(text) != null) {
      items = itemTexts(list);
    }
    emit(PassageKind.PARAGRAPH, text, "", items, MarkdownText.line(p));
  }

  /** A paragraph that is nothing but bold text, used by DocFX authors as a heading. */
  private static boolean isPseudoHeading(Paragraph p) {
    Node only = p.getFirstChild();
    return only instanceof StrongEmphasis && only.getNext() == null && !MarkdownText.inline(only).endsWith(":");
  }

  /**
   * A paragraph ending in ':' right before a list introduces its bullets ("Provide guidance about:"). A list that
   * a table or a note broke off goes on under the lead-in of the list before them ("You perform the following:",
   * bullets, a table of figures, a note, more bullets).
   */
  private static String leadInBefore(ListBlock list) {
    Node before = list.getPrevious();
    if (before instanceof Paragraph p) {
      return leadIn(MarkdownText.inline(p));
    }
    while (before instanceof TableBlock || before instanceof BlockQuote) {
      before = before.getPrevious();
    }
    return before != list.getPrevious() && before instanceof ListBlock broken ? leadInBefore(broken) : null;
  }

  /** The most words a lead-in written without its colon may have ("Basic support doesn't include"). */
  private static final int UNMARKED_LEAD_IN_WORDS = 12;

  /**
   * The text of a paragraph right before a list read as the list's lead-in, ending in ':': one that ends in ':', or a
   * short clause with no end mark that the list completes ("Standard support includes", then its bullets); null for
   * a sentence.
   */
  private static String leadIn(String text) {
    if (text.endsWith(":")) {
      return text;
    }
    boolean unmarked = !text.isEmpty() && Character.isLetterOrDigit(text.charAt(text.length() - 1))
        && text.split("\\s+").length <= UNMARKED_LEAD_IN_WORDS;
    return unmarked ? text + ":" : null;
  }

  private static List<String> itemTexts(ListBlock list) {
    List<String> items = new ArrayList<>();
    for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
      String own = ownText(n);
      if (!own.isEmpty()) {
        items.add(own);
      }
    }
    return items;
  }

  /** A list item's own words: its paragraphs, without nested lists or notes. */
  private static String ownText(Node item) {
    StringBuilder sb = new StringBuilder();
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Paragraph && !MarkdownText.isNavigation(c)) {
        sb.append(MarkdownText.inline(c)).append(' ');
      }
    }
    return TextRepair.foldSpace(sb.toString());
  }

  /**
   * @param ancestors lead-ins and enclosing bullets, outermost first
   * @param quotedLeadIn the parent bullet's text when it ends in ':' (the bullet only makes sense with it)
   */
  private void list(ListBlock list, List<String> ancestors, String quotedLeadIn) {
    for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof ListItem item) {
        item(item, ancestors, quotedLeadIn);
      }
    }
  }

  private void item(ListItem item, List<String> ancestors, String quotedLeadIn) {
    String own = ownText(item);
    String context = String.join(" ", ancestors);
    boolean introducesList = false;
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      introducesList |= c instanceof ListBlock;
    }
    if (!own.isEmpty()) {
      String quote = own;
      if (quotedLeadIn != null && !quotedLeadIn.isEmpty()
          && quotedLeadIn.length() + 1 + own.length() <= Passage.MAX_QUOTE) {
        quote = quotedLeadIn + " " + own;
      }
      List<String> items = List.of();
      if (introducesList && own.endsWith(":")) {
        items = new ArrayList<>();
        for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof ListBlock nested) {
            items.addAll(itemTexts(nested));
          }
        }
      }
      emitter.emit(section(), PassageKind.BULLET, quote, context, items, MarkdownText.line(item), intro(ancestors));
    }
    List<String> inner = new ArrayList<>(ancestors);
    if (!own.isEmpty()) {
      inner.add(own);
    }
    String nestedLeadIn = own.endsWith(":") ? own : null;
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof ListBlock nested) {
        list(nested, inner, nestedLeadIn);
      } else if (c instanceof BlockQuote q) {
        quote(q, inner);
      } else if (c instanceof TableBlock t) {
        table(t);
      }
    }
  }

  /**
   * The lead-in that scopes a bullet: its parent's, unless an outer one excludes what it lists ("The following is out
   * of scope:" over "Onboarding the following agents:" over "Linux."), which holds for the bullets nested under it too.
   */
  private static String intro(List<String> ancestors) {
    for (int i = ancestors.size() - 2; i >= 0; i--) {
      String outer = ancestors.get(i);
      if (outer.endsWith(":") && Classifier.polarity(outer).excludes()) {
        return outer;
      }
    }
    return ancestors.isEmpty() ? "" : ancestors.get(ancestors.size() - 1);
  }

  /** A blockquote: a DocFX alert ("> [!NOTE]") or a plain quotation, either way one passage. */
  private void quote(BlockQuote q, List<String> ancestors) {
    StringBuilder sb = new StringBuilder();
    int line = MarkdownText.line(q);
    boolean firstParagraph = true;
    for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Paragraph p) {
        String text = MarkdownText.inline(p);
        if (firstParagraph) {
          Matcher m = ALERT.matcher(text);
          if (m.find()) {
            text = text.substring(m.end());
            line = firstLineWithText(p, line);
          }
          firstParagraph = false;
        }
        sb.append(text).append(' ');
      } else if (c instanceof ListBlock list) {
        list(list, ancestors, null);
      }
    }
    String text = TextRepair.foldSpace(sb.toString());
    if (!text.isEmpty()) {
      emit(PassageKind.NOTE, text, String.join(" ", ancestors), List.of(), line);
    }
  }

  /** The line where an alert's words start: the marker may stand alone on the line before. */
  private int firstLineWithText(Paragraph p, int fallback) {
    for (SourceSpan span : p.getSourceSpans()) {
      int idx = span.getLineIndex();
      if (idx >= 0 && idx < lines.length) {
        String content = lines[idx].replaceFirst("^[\\s>]*", "");
        content = ALERT.matcher(content).replaceFirst("").trim();
        if (!content.isEmpty()) {
          return idx + 1;
        }
      }
    }
    return fallback;
  }

  /** Each body row a passage, then each note of its cells a passage with the row as its context. */
  private void table(TableBlock table) {
    for (TableRows.Row row : TableRows.of(table)) {
      if (!row.text().isEmpty()) {
        // a row whose "Who" cell names its side is that side's, whatever its section says
        emitter.emit(section(), PassageKind.TABLE_ROW, row.text(), row.sideCell(), List.of(), row.line(), "", row.side());
      }
      for (String item : row.items()) {
        emit(PassageKind.TABLE_ROW, item, "", List.of(), row.line());
      }
      for (TableRows.Sided cell : row.sided()) {
        emitter.emit(section(), PassageKind.TABLE_ROW, cell.text(), cell.context(), List.of(), row.line(), "",
            cell.side());
      }
      for (String excluded : row.excluded()) {
        emit(PassageKind.TABLE_ROW, excluded, "", List.of(), row.line());
      }
      for (String note : row.notes()) {
        emit(PassageKind.NOTE, note, row.text(), List.of(), row.line());
      }
    }
  }

  /** Emits a passage under the current section that no lead-in introduces. */
  private void emit(PassageKind kind, String text, String context, List<String> items, int line) {
    emitter.emit(section(), kind, text, context, items, line, "");
  }
}
