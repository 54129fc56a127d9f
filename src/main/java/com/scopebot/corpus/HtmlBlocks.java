package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Rewrites the HTML tables a Markdown document holds ("&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;ul&gt;&lt;li&gt;…") as the Markdown
 * the rest of the parser reads, before it reads them: each body row's cells become a heading of its own — the row's
 * first cell and the cell's column header ("Initiate — Customer responsibilities") — with the cell's paragraphs and
 * lists under it, so that a column such as "FastTrack responsibilities" gives its side to every item in it as a
 * section does. Documentation pages write their responsibility tables so, with lists inside cells that a Markdown
 * table cannot hold.
 *
 * <p>The lines keep their places: what an element becomes is written on the element's own line where it can be, and
 * the region keeps its number of lines unless its HTML is more compact than its Markdown (see {@link #place}), so
 * citations still point at the document's lines. HTML that is not well
 * formed (a cell never closed, a table opened twice) is read as a browser would (jsoup). Stateless and thread-safe.
 */
final class HtmlBlocks {

  private HtmlBlocks() {}

  private static final Pattern TABLE_OPEN = Pattern.compile("(?i)<table\\b");
  private static final Pattern TABLE_CLOSE = Pattern.compile("(?i)</table\\s*>");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s");
  /** A line that opens a table region: the tag first, as an HTML block starts. */
  private static final Pattern TABLE_START = Pattern.compile("(?i)^\\s{0,3}<table\\b");
  /** A code fence: what lies between two of them is code, not a table. */
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(?:```|~~~)");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** What Markdown would read as structure at the start of a line: a list, heading or quote mark. */
  private static final Pattern LEADING_MARK = Pattern.compile("(?:[-+*#>]|\\d{1,9}[.)])(?:\\s|$)|#");
  /** How a lead-in or a sentence may end already. */
  private static final Pattern LEAD_IN_END = Pattern.compile("[:.?!]\\s*$");
  /** Inline elements: their text runs on in the paragraph around them. */
  private static final java.util.Set<String> INLINE = java.util.Set.of("strong", "b", "em", "i", "a", "span", "code",
      "sup", "sub", "u", "font", "img", "abbr");

  /** A line of Markdown and the line of the region it came from (0-based). */
  private record Out(String text, int line) {}

  /**
   * Why a source's HTML tables nest too deep to rewrite, naming the line of the first element over the limit; empty
   * when they do not. Read before {@link #toMarkdown}, which walks cells and lists recursively.
   */
  static java.util.Optional<String> tooDeep(String source, int limit) {
    if (!TABLE_OPEN.matcher(source).find()) {
      return java.util.Optional.empty();
    }
    org.jsoup.nodes.Document doc = Jsoup.parse(source, "", Parser.htmlParser().setTrackPosition(true));
    int[] deepest = {0, 0};
    org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
      if (node instanceof Element && depth > deepest[0]) {
        deepest[0] = depth;
        deepest[1] = line(node) + 1;
      }
    }, doc.body());
    return deepest[0] > limit
        ? java.util.Optional.of("HTML nested " + deepest[0] + " elements deep at line " + deepest[1] + "; the limit is "
            + limit)
        : java.util.Optional.empty();
  }

  /**
   * The source with each HTML table region — from a line that opens with {@code <table>}, outside fenced code —
   * rewritten as Markdown on as many lines where it can; the source itself when it has none. A region in which no row
   * is found is left as it is. After a region the heading it sat under is written again, on the region's last line
   * when that is free, so that what follows the table is not read as part of its last cell.
   */
  static String toMarkdown(String source) {
    if (!TABLE_OPEN.matcher(source).find()) {
      return source;
    }
    String[] lines = source.split("\n", -1);
    StringBuilder out = new StringBuilder(source.length());
    String heading = ""; // the last Markdown heading above: the section a table's cells sit in
    boolean fenced = false;
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (FENCE.matcher(line).lookingAt()) {
        fenced = !fenced;
      } else if (!fenced && HEADING.matcher(line).lookingAt()) {
        heading = line;
      }
      if (fenced || !TABLE_START.matcher(line).lookingAt()) {
        out.append(line).append('\n');
        i++;
        continue;
      }
      int end = regionEnd(lines, i);
      StringBuilder html = new StringBuilder();
      for (int j = i; j < end; j++) {
        html.append(lines[j]).append('\n');
      }
      List<Out> converted = convert(html.toString());
      if (converted.isEmpty()) {
        for (int j = i; j < end; j++) {
          out.append(lines[j]).append('\n');
        }
      } else {
        List<String> placed = place(converted, end - i);
        if (!heading.isEmpty()) {
          if (placed.get(placed.size() - 1).isEmpty() && (placed.size() < 2 || placed.get(placed.size() - 2).isEmpty())) {
            placed.set(placed.size() - 1, heading);
          } else {
            placed.add("");
            placed.add(heading);
          }
        }
        for (String l : placed) {
          out.append(l).append('\n');
        }
      }
      i = end;
    }
    out.setLength(Math.max(0, out.length() - 1)); // split kept a last empty piece for the text's last line end
    return out.toString();
  }

  /**
   * Where a table region that starts at a line ends (exclusive): after the line that closes its last open table, or
   * before the next Markdown heading when a table is never closed.
   */
  private static int regionEnd(String[] lines, int start) {
    int depth = 0;
    for (int j = start; j < lines.length; j++) {
      if (j > start && HEADING.matcher(lines[j]).lookingAt()) {
        return j;
      }
      depth += count(TABLE_OPEN, lines[j]) - count(TABLE_CLOSE, lines[j]);
      if (depth <= 0) {
        return j + 1;
      }
    }
    return lines.length;
  }

  private static int count(Pattern p, String s) {
    int n = 0;
    for (var m = p.matcher(s); m.find(); ) {
      n++;
    }
    return n;
  }

  /**
   * The Markdown lines of a region laid out on its {@code size} lines, each at its element's line or the next free; a
   * region whose Markdown needs more lines than its HTML had (a table written on one line) grows, and the lines after
   * it move down by as many.
   */
  private static List<String> place(List<Out> converted, int size) {
    List<String> slots = new ArrayList<>();
    for (int k = 0; k < size; k++) {
      slots.add("");
    }
    int next = 0;
    for (Out o : converted) {
      int at = Math.max(o.line(), next);
      while (at >= slots.size()) {
        slots.add(""); // more Markdown lines than the region had: the lines after it move down
      }
      slots.set(at, o.text());
      next = at + 1;
    }
    return slots;
  }

  /** The Markdown lines of a region of HTML, with the region line each one came from. */
  private static List<Out> convert(String html) {
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    org.jsoup.nodes.Document doc = Jsoup.parse(html, "", parser);
    List<Out> out = new ArrayList<>();
    List<String> header = new ArrayList<>();
    Element table = null;
    for (Element row : doc.select("tr")) {
      if (row.parents().stream().anyMatch(e -> e.normalName().equals("tr"))) {
        continue; // a row of a table inside a cell is read with that cell
      }
      if (row.closest("table") != table) {
        table = row.closest("table");
        header = List.of(); // each table has its own header
      }
      List<Element> cells = row.children().stream()
          .filter(c -> c.normalName().equals("td") || c.normalName().equals("th")).toList();
      if (cells.isEmpty()) {
        continue;
      }
      if (cells.stream().allMatch(c -> c.normalName().equals("th")) || header.isEmpty() && boldOnly(cells)) {
        header = cells.stream().map(c -> text(c.text())).toList();
        continue;
      }
      if (cells.size() == 1) {
        cell(cells.get(0), out);
        continue;
      }
      String label = text(cells.get(0).text());
      for (int c = 1; c < cells.size(); c++) {
        String column = c < header.size() ? header.get(c) : "";
        String heading = label.isEmpty() ? column : column.isEmpty() ? label : label + " \u2014 " + column;
        if (!heading.isEmpty()) {
          blank(out);
          out.add(new Out("###### " + heading, line(cells.get(c))));
        }
        cell(cells.get(c), out);
      }
    }
    return out;
  }

  /**
   * True when some cell holds text and every cell holds only bold text: the header row of a table that has no
   * &lt;th&gt; (the HTML form of {@code TableRows}' check on Markdown tables).
   */
  private static boolean boldOnly(List<Element> cells) {
    boolean any = false;
    for (Element c : cells) {
      if (!c.text().isBlank() && c.select("strong, b").text().length() < c.text().strip().length()) {
        return false;
      }
      any |= !c.text().isBlank();
    }
    return any;
  }

  /** A cell's paragraphs and lists, in order. */
  private static void cell(Element cell, List<Out> out) {
    StringBuilder paragraph = new StringBuilder();
    int paragraphLine = line(cell);
    Node last = null; // the last node read, white space aside
    for (Node n : cell.childNodes()) {
      Node before = last;
      if (!(n instanceof TextNode t && t.isBlank())) {
        last = n;
      }
      if (n instanceof Element e && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
        // a label right above a list introduces it, as a lead-in ending in a colon does in Markdown: in the cell's
        // own text, or a paragraph of its own ("<p><strong>The following is out of scope</strong></p><ul>…")
        boolean blank = paragraph.toString().isBlank();
        if (!blank && !LEAD_IN_END.matcher(paragraph).find()) {
          paragraph.append(':');
        } else if (blank && before instanceof Element p && p.normalName().equals("p")) {
          introduce(out);
        }
        flush(paragraph, paragraphLine, out);
        list(e, 0, out);
        blank(out);
      } else if (n instanceof Element e && e.normalName().equals("br")) {
        flush(paragraph, paragraphLine, out);
      } else if (n instanceof Element e && !INLINE.contains(e.normalName())) {
        flush(paragraph, paragraphLine, out);
        cell(e, out); // a paragraph, a div, a table inside the cell
      } else {
        String t = n instanceof TextNode tn ? tn.getWholeText() : n instanceof Element e ? e.text() : "";
        if (paragraph.isEmpty()) {
          paragraphLine = line(n);
        }
        paragraph.append(' ').append(t);
        // a blank line inside a cell's text ends a paragraph, as in Markdown
        if (n instanceof TextNode tn && tn.getWholeText().contains("\n\n")) {
          flush(paragraph, paragraphLine, out);
        }
      }
    }
    flush(paragraph, paragraphLine, out);
  }

  /** Makes the paragraph last written a lead-in, ending it with a colon, unless it ends as a sentence already. */
  private static void introduce(List<Out> out) {
    for (int i = out.size() - 1; i >= 0; i--) {
      Out last = out.get(i);
      if (!last.text().isEmpty()) {
        if (!LEAD_IN_END.matcher(last.text()).find() && !last.text().startsWith("- ")) {
          out.set(i, new Out(last.text() + ":", last.line()));
        }
        return;
      }
    }
  }

  /** A list's items as Markdown list items, nested lists indented under their item. */
  private static void list(Element list, int depth, List<Out> out) {
    String indent = "  ".repeat(depth);
    for (Element item : list.children()) {
      if (!item.normalName().equals("li")) {
        continue;
      }
      StringBuilder own = new StringBuilder();
      List<Element> nested = new ArrayList<>();
      for (Node n : item.childNodes()) {
        if (n instanceof Element e && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
          nested.add(e);
        } else {
          own.append(' ').append(n instanceof TextNode tn ? tn.getWholeText() : n instanceof Element e ? e.text() : "");
        }
      }
      String text = text(own.toString());
      if (!text.isEmpty()) {
        out.add(new Out(indent + "- " + text, line(item)));
      }
      for (Element e : nested) {
        list(e, depth + 1, out);
      }
    }
  }

  private static void flush(StringBuilder paragraph, int line, List<Out> out) {
    String text = text(paragraph.toString());
    paragraph.setLength(0);
    if (!text.isEmpty()) {
      blank(out);
      out.add(new Out(text, line));
      out.add(new Out("", line));
    }
  }

  /** A blank line after a list item, so that what follows starts a block of its own. */
  private static void blank(List<Out> out) {
    if (!out.isEmpty() && !out.get(out.size() - 1).text().isEmpty()) {
      out.add(new Out("", out.get(out.size() - 1).line()));
    }
  }

  /**
   * Text with its runs of white space as one space, trimmed; a list mark, heading mark or quote at its start escaped,
   * so that a cell's words stay words ("- none", "# of seats").
   */
  private static String text(String raw) {
    String t = SPACES.matcher(raw).replaceAll(" ").strip();
    return LEADING_MARK.matcher(t).lookingAt() ? "\\" + t : t;
  }

  /** The 0-based line of the region a node starts on (its parent's when it has no position of its own). */
  private static int line(Node n) {
    for (Node at = n; at != null; at = at.parent()) {
      if (at.sourceRange().isTracked()) {
        return Math.max(0, at.sourceRange().start().lineNumber() - 1);
      }
    }
    return 0;
  }
}
