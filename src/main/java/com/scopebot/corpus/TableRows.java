package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;

/**
 * Reads the body rows of a GFM table as passages are cut from them: a row's cells as one text ("first cell: the
 * others"), and a "**Note:**" inside a cell as a note of its own.
 */
final class TableRows {

  private TableRows() {}

  /**
   * One body row.
   *
   * @param text its cells, the first one before a colon, pieces of a cell joined with "; "
   * @param notes the notes its cells hold, each up to the next line break of its cell
   * @param line the 1-based line of the row
   */
  record Row(String text, List<String> notes, int line) {}

  private static final Pattern NOTE_LABEL = Pattern.compile("(?i)\\s*note\\s*:?\\s*");
  private static final Pattern LIST_MARK = Pattern.compile("^[-*+]\\s+");

  /** The table's body rows that hold any text, in order; the header row is not content. */
  static List<Row> of(TableBlock table) {
    List<Row> rows = new ArrayList<>();
    int rowIndex = 0;
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      boolean head = section.getClass().getSimpleName().equals("TableHead");
      for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
        rowIndex++;
        if (head || !(r instanceof TableRow row)) {
          continue;
        }
        int line = MarkdownText.line(row);
        Row read = row(row, line > 0 ? line : MarkdownText.line(table) + rowIndex);
        if (read != null) {
          rows.add(read);
        }
      }
    }
    return rows;
  }

  /** One table row, or null when none of its cells holds text. */
  private static Row row(TableRow row, int line) {
    List<String> cells = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof TableCell cell) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inNote = false;
        for (Node n = cell.getFirstChild(); n != null; n = n.getNext()) {
          if (n instanceof HtmlInline h && MarkdownText.BREAK_TAG.matcher(h.getLiteral()).matches()) {
            inNote = flushPiece(current, inNote, pieces, notes);
          } else if (n instanceof StrongEmphasis s && NOTE_LABEL.matcher(MarkdownText.inline(s)).matches()) {
            flushPiece(current, inNote, pieces, notes);
            inNote = true;
          } else {
            MarkdownText.appendNode(n, current);
          }
        }
        flushPiece(current, inNote, pieces, notes);
        if (!pieces.isEmpty()) {
          cells.add(String.join("; ", pieces));
        }
      }
    }
    if (cells.isEmpty()) {
      return null;
    }
    String text = cells.size() == 1 ? cells.get(0) : cells.get(0) + ": " + String.join(" ", cells.subList(1, cells.size()));
    return new Row(text.replace(":;", ":"), notes, line);
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
}
