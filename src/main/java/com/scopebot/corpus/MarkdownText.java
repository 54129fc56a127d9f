package com.scopebot.corpus;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/** What a commonmark node says and where it starts: the words a passage quotes and the line it cites. */
final class MarkdownText {

  private MarkdownText() {}

  /** An HTML line break ({@code <br>}, {@code <br/>}): it separates words, in a cell also pieces of the cell. */
  static final Pattern BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
  /** A link to a heading of the same document or to another document of the set: navigation, not content. */
  private static final Pattern INTERNAL_LINK = Pattern.compile("^(#.*|[^:]*\\.md(#.*)?)$", Pattern.CASE_INSENSITIVE);

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

  /** Appends the text of one inline node, as {@link #inline} reads it. */
  static void appendNode(Node n, StringBuilder sb) {
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

  /** The 1-based line a block starts on, or 0 when the parser kept no source span for it. */
  static int line(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
  }
}
