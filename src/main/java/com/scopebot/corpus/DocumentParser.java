package com.scopebot.corpus;

import java.text.BreakIterator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Cuts one DocFX Markdown document into citable passages.
 *
 * <p>Built once; thread-safe (the commonmark parser is immutable and each call keeps its state on the stack).
 */
public final class DocumentParser {

  /** The parsed document and its passages, in document order. */
  public record Parsed(Document document, List<Passage> passages) {
    public Parsed {
      passages = List.copyOf(passages);
    }
  }

  private static final Pattern ALERT = Pattern.compile("^\\[!(NOTE|IMPORTANT|TIP|WARNING|CAUTION)\\]\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern NOTE_LABEL = Pattern.compile("(?i)\\s*note\\s*:?\\s*");
  private static final Pattern LIST_MARK = Pattern.compile("^[-*+]\\s+");
  /** A link to a heading of the same document or to another document of the set: navigation, not content. */
  private static final Pattern INTERNAL_LINK = Pattern.compile("^(#.*|[^:]*\\.md(#.*)?)$", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

  private final Parser parser = Parser.builder()
      .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS)
      .build();

  /**
   * Parses one document.
   *
   * @param file file name, the document id
   * @param source the file's text
   * @param source info from {@code sources.json}, or null
   * @param fallbackDate ISO date to use when neither {@code ms.date} nor a commit date is known
   */
  public Parsed parse(String file, String source, SourceInfo info, String fallbackDate) {
    String repaired = TextRepair.repair(source);
    Node root = parser.parse(repaired);
    YamlFrontMatterVisitor fm = new YamlFrontMatterVisitor();
    root.accept(fm);
    Map<String, List<String>> meta = fm.getData();

    String revision = isoDate(first(meta, "ms.date"));
    if (revision.isEmpty() && info != null) {
      revision = isoDate(info.committed());
    }
    if (revision.isEmpty()) {
      revision = fallbackDate;
    }
    String title = TextRepair.foldSpace(first(meta, "title"));
    if (title.isEmpty()) {
      title = firstHeading(root);
    }
    if (title.isEmpty()) {
      title = file;
    }
    Document doc = new Document(file, title, revision, first(meta, "ms.assetid").trim(),
        info == null ? "" : info.path(), info == null ? "" : info.permalinkBase(), file, true);
    Walk walk = new Walk(doc, repaired.split("\n", -1));
    walk.blocks(root);
    return new Parsed(doc, walk.out);
  }

  private static String first(Map<String, List<String>> meta, String key) {
    List<String> values = meta.get(key);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }

  /** ISO form of an {@code ms.date} (M/d/yyyy) or ISO date; empty when it is neither. */
  static String isoDate(String raw) {
    String s = raw == null ? "" : raw.trim();
    if (s.isEmpty()) {
      return "";
    }
    try {
      return LocalDate.parse(s, US_DATE).toString();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toString();
      } catch (DateTimeParseException e2) {
        return "";
      }
    }
  }

  private static String firstHeading(Node root) {
    for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading) {
        return inline(n);
      }
    }
    return "";
  }

  /** Text of a node's inlines: links keep their text, images and HTML tags drop out, line breaks become spaces. */
  static String inline(Node node) {
    StringBuilder sb = new StringBuilder();
    appendInline(node, sb);
    return TextRepair.foldSpace(sb.toString());
  }

  private static void appendInline(Node node, StringBuilder sb) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      appendNode(n, sb);
    }
  }

  private static void appendNode(Node n, StringBuilder sb) {
    if (n instanceof Text t) {
      sb.append(t.getLiteral());
    } else if (n instanceof Code c) {
      sb.append(c.getLiteral());
    } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
      sb.append(' ');
    } else if (n instanceof HtmlInline h) {
      // anchors (<a name=...></a>) drop out; a line break tag still separates words
      if (BREAK_TAG.matcher(h.getLiteral()).matches()) {
        sb.append(' ');
      }
    } else if (!(n instanceof Image)) {
      // alt text of screenshots is a caption, not a statement of scope, so images are skipped
      appendInline(n, sb);
    }
  }

  /**
   * True for a table-of-contents line ("[Phases of the onboarding process](#phases)"): at least half its words are
   * the text of links to headings or sibling documents. Such lines say nothing about scope and are not cited.
   */
  static boolean isNavigation(Node block) {
    int total = inline(block).length();
    int linked = 0;
    for (Node n = block.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Link link && INTERNAL_LINK.matcher(link.getDestination().trim()).matches()) {
        linked += inline(link).length();
      }
    }
    return total > 0 && linked * 2 >= total;
  }

  /** The walk over one document's blocks; collects passages. Not shared between threads. */
  private static final class Walk {
    private final Document doc;
    private final String[] lines;
    private final List<Passage> out = new ArrayList<>();
    /** Real headings by level (index 0 = level 1). */
    private final String[] headings = new String[6];
    private String pseudoHeading;

    Walk(Document doc, String[] lines) {
      this.doc = doc;
      this.lines = lines;
    }

    void blocks(Node parent) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof Heading h) {
          int level = Math.min(Math.max(h.getLevel(), 1), 6);
          headings[level - 1] = inline(h);
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
      String text = inline(p);
      if (text.isEmpty()) {
        return;
      }
      if (isPseudoHeading(p)) {
        pseudoHeading = text;
        return;
      }
      if (isNavigation(p)) {
        return;
      }
      List<String> items = List.of();
      if (text.endsWith(":") && p.getNext() instanceof ListBlock list) {
        items = itemTexts(list);
      }
      emit(PassageKind.PARAGRAPH, text, "", items, line(p));
    }

    /** A paragraph that is nothing but bold text, used by DocFX authors as a heading. */
    private static boolean isPseudoHeading(Paragraph p) {
      Node only = p.getFirstChild();
      return only instanceof StrongEmphasis && only.getNext() == null && !inline(only).endsWith(":");
    }

    /** A paragraph ending in ':' right before a list introduces its bullets ("Provide guidance about:"). */
    private static String leadInBefore(ListBlock list) {
      if (list.getPrevious() instanceof Paragraph p) {
        String text = inline(p);
        if (text.endsWith(":")) {
          return text;
        }
      }
      return null;
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
        if (c instanceof Paragraph && !isNavigation(c)) {
          sb.append(inline(c)).append(' ');
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
        emit(PassageKind.BULLET, quote, context, items, line(item),
            ancestors.isEmpty() ? "" : ancestors.get(ancestors.size() - 1));
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

    /** A blockquote: a DocFX alert ("> [!NOTE]") or a plain quotation, either way one passage. */
    private void quote(BlockQuote q, List<String> ancestors) {
      StringBuilder sb = new StringBuilder();
      int line = line(q);
      boolean firstParagraph = true;
      for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof Paragraph p) {
          String text = inline(p);
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

    private void table(TableBlock table) {
      int rowIndex = 0;
      for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
        boolean head = section.getClass().getSimpleName().equals("TableHead");
        for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
          rowIndex++;
          if (head || !(r instanceof TableRow row)) {
            continue;
          }
          row(row, line(row) > 0 ? line(row) : line(table) + rowIndex);
        }
      }
    }

    /** One table row: its cells as one passage; a "**Note:**" inside a cell becomes a note of its own. */
    private void row(TableRow row, int line) {
      List<String> cells = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof TableCell cell) {
          List<String> pieces = new ArrayList<>();
          StringBuilder current = new StringBuilder();
          boolean inNote = false;
          for (Node n = cell.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof HtmlInline h && BREAK_TAG.matcher(h.getLiteral()).matches()) {
              inNote = flushPiece(current, inNote, pieces, notes);
            } else if (n instanceof StrongEmphasis s && NOTE_LABEL.matcher(inline(s)).matches()) {
              flushPiece(current, inNote, pieces, notes);
              inNote = true;
            } else {
              appendNode(n, current);
            }
          }
          flushPiece(current, inNote, pieces, notes);
          if (!pieces.isEmpty()) {
            cells.add(String.join("; ", pieces));
          }
        }
      }
      if (cells.isEmpty()) {
        return;
      }
      String text = cells.size() == 1 ? cells.get(0) : cells.get(0) + ": " + String.join(" ", cells.subList(1, cells.size()));
      text = text.replace(":;", ":");
      emit(PassageKind.TABLE_ROW, text, "", List.of(), line);
      for (String note : notes) {
        emit(PassageKind.NOTE, note, text, List.of(), line);
      }
    }

    /** Ends the current cell piece; returns false so a note lasts until the next line break. */
    private static boolean flushPiece(StringBuilder current, boolean inNote, List<String> pieces, List<String> notes) {
      String piece = LIST_MARK.matcher(TextRepair.foldSpace(current.toString())).replaceFirst("");
      current.setLength(0);
      if (!piece.isEmpty()) {
        (inNote ? notes : pieces).add(piece);
      }
      return false;
    }

    private int line(Node n) {
      List<SourceSpan> spans = n.getSourceSpans();
      return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    /**
     * Adds a passage, split at sentence ends when it is longer than a citation may be.
     *
     * @param context lead-ins and enclosing bullets, indexed with the passage but not quoted
     * @param items the bullets the passage introduces, kept for answers but not indexed: a bare lead-in must not
     *     match every question about its bullets
     */
    private void emit(PassageKind kind, String text, String context, List<String> items, int line) {
      emit(kind, text, context, items, line, "");
    }

    /**
     * @param intro the lead-in right above a bullet ("The following are out of scope:"); its scope carries over to
     *     bullets that state none themselves, as does that of a heading such as "Out of scope"
     */
    private void emit(PassageKind kind, String text, String context, List<String> items, int line, String intro) {
      if (line < 1) {
        line = 1;
      }
      List<String> section = section();
      String leadIn = context;
      Holder holder = Classifier.holder(section, doc.title(), text);
      if (holder == Holder.NONE && !leadIn.isEmpty()) {
        holder = Classifier.holder(List.of(), "", leadIn);
      }
      boolean guidance = Classifier.guidance(text, leadIn);
      Polarity inherited = Classifier.inherited(section, intro);
      for (String chunk : chunks(text)) {
        Polarity own = Classifier.polarity(chunk);
        out.add(new Passage(doc, section, line, kind, chunk, context, items, holder, guidance,
            own == Polarity.NONE ? inherited : own, Classifier.conditions(chunk, leadIn),
            Statements.of(chunk, leadIn, holder, guidance, inherited, asked(section), Classifier.sectionKind(section, kind))));
      }
    }
  }

  /** The innermost heading when it is a question (a FAQ entry), else empty. */
  static String asked(List<String> section) {
    String last = section.isEmpty() ? "" : section.get(section.size() - 1);
    return last.strip().endsWith("?") ? last.strip() : "";
  }

  /** Splits text longer than a quote may be at sentence ends (at a word as a last resort). */
  static List<String> chunks(String text) {
    if (text.length() <= Passage.MAX_QUOTE) {
      return List.of(text);
    }
    List<String> sentences = sentences(text);
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String s : sentences) {
      for (String piece : cutAtWords(s)) {
        if (current.length() > 0 && current.length() + 1 + piece.length() > Passage.MAX_QUOTE) {
          chunks.add(current.toString());
          current.setLength(0);
        }
        if (current.length() > 0) {
          current.append(' ');
        }
        current.append(piece);
      }
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  private static List<String> cutAtWords(String sentence) {
    List<String> pieces = new ArrayList<>();
    String rest = sentence;
    while (rest.length() > Passage.MAX_QUOTE) {
      int cut = rest.lastIndexOf(' ', Passage.MAX_QUOTE);
      if (cut <= 0) {
        cut = Passage.MAX_QUOTE;
      }
      pieces.add(rest.substring(0, cut).trim());
      rest = rest.substring(cut).trim();
    }
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  /** Sentences of a text, trimmed. */
  public static List<String> sentences(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = text.substring(start, end).trim();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
