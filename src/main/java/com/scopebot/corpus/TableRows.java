package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;

/**
 * Reads the body rows of a GFM table as passages are cut from them: a row's cells as one text ("first cell: the
 * others"), a "**Note:**" inside a cell as a note of its own, and a cell under a header that excludes ("Not
 * migrated", "What won't migrate", "Out of scope") as an exclusion of its own, said with its header, since the row's
 * other cells grant what it denies. Which side a row, a cell or a piece of one is, its headers and cells say
 * ({@link TableSides}).
 */
final class TableRows {

  private TableRows() {}

  /**
   * One body row.
   *
   * @param text its cells, the first one before a colon, pieces of a cell joined with "; "
   * @param notes the notes its cells hold, each up to the next line break of its cell
   * @param excluded its cells under a header that excludes, each as "first cell — header: cell"
   * @param line the 1-based line of the row
   * @param label its first cell, or the one above it that it goes on under when its own is empty
   * @param side the side its cell under a "Who" column names ("Partner/Customer", "FastTrack Architect"), or NONE
   * @param sideCell that cell with its header ("Who: Partner/Customer"), left out of {@code text}; empty for none
   * @param items in a table whose columns hold lists ("What migrates | What doesn't migrate"), each item of a column
   *     that does not exclude, as "header: item"; those of one that does are in {@code excluded}
   * @param sided the cells, or their pieces, whose side their column says ({@link Sided}); empty otherwise
   */
  record Row(String text, List<String> notes, List<String> excluded, int line, String label, Holder side,
      String sideCell, List<String> items, List<Sided> sided) {}

  /**
   * A cell, or a piece of one, whose side its column says: in a grid of sides, the cell with its row's first cell and
   * its column's header, no context; under a column that names a side ("Microsoft will | Customer will"), the piece as
   * written, with its row's first cell and its column's header as context.
   */
  record Sided(String text, String context, Holder side) {}

  /** A cell that only marks a column as done by its side: a check mark, "Yes", or a bare "X". */
  private static final Pattern CHECKED = Regex.compile(
      "^(?::(?:heavy_check_mark|white_check_mark|ballot_box_with_check):|[\u2713\u2714\u2705\u2611]\\x{FE0F}?|yes|x)$");
  /** A cell that marks a column as not done by its side: a cross, "No" or a dash (an empty cell marks nothing). */
  private static final Pattern CROSSED = Regex.compile(
      "^(?::x:|:heavy_multiplication_x:|[\u274C\u2717\u2718\u2716]\\x{FE0F}?|no|-|\u2013|\u2014|n/a)$");

  /** A list's tags inside a cell ("<ul><li>Pre-release signals</li>…"): each item is a piece of the cell. */
  private static final Pattern LIST_TAG = Pattern.compile("(?i)</?(?:ul|ol|li)\\b[^>]*>");

  private static final Pattern NOTE_LABEL = Pattern.compile("(?i)\\s*note\\s*:?\\s*");
  private static final Pattern LIST_MARK = Pattern.compile("^[-*+]\\s+");

  /** The table's body rows that hold any text, in order; the header row is not content. */
  static List<Row> of(TableBlock table) {
    List<Row> rows = new ArrayList<>();
    List<String> header = List.of();
    int who = -1; // the column that says whose each row is, if any
    List<Holder> marked = List.of(); // in a responsibility matrix, the side each column's marks stand for
    String label = ""; // the first cell last written: rows that leave it empty go on under it
    int rowIndex = 0;
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      boolean head = section.getClass().getSimpleName().equals("TableHead");
      for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
        rowIndex++;
        if (!(r instanceof TableRow row)) {
          continue;
        }
        if (head || header.stream().allMatch(String::isEmpty) && boldOnly(row)) {
          // DocFX tables often leave the header row empty and write the header in bold as the first row
          header = headerCells(row);
          who = TableSides.whoColumn(header);
          marked = TableSides.markedSides(header);
          continue;
        }
        int line = MarkdownText.line(row);
        Row read = row(row, header, who, marked, label, line > 0 ? line : MarkdownText.line(table) + rowIndex);
        if (read != null) {
          rows.add(read);
          label = read.label();
        }
      }
    }
    return rows;
  }

  /** The header row's cell texts, blank for an empty cell. */
  private static List<String> headerCells(TableRow row) {
    List<String> cells = new ArrayList<>();
    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof TableCell) {
        cells.add(TextRepair.foldSpace(MarkdownText.inline(c)));
      }
    }
    return cells;
  }

  /** True when a column's header denies what its cells name ("Not migrated", "What won't migrate"). */
  private static boolean excludes(List<String> header, int column) {
    return column > 0 && column < header.size() && Classifier.polarity(header.get(column)).excludes();
  }

  /** One table row, or null when none of its cells holds text. */
  private static Row row(TableRow row, List<String> header, int who, List<Holder> marked, String labelAbove,
      int line) {
    List<String> cells = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    String label = labelAbove;
    boolean ownLabel = false;
    Holder side = Holder.NONE;
    String sideCell = "";
    List<String> lists = null; // the items of a table whose columns hold lists, once its first cell is one
    int column = -1;
    List<String> marks = new ArrayList<>(); // each side's column and what its mark says: "Microsoft: yes"
    Set<Holder> checked = EnumSet.noneOf(Holder.class);
    List<Sided> bySide = new ArrayList<>(); // the pieces of cells under a column that names a side
    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof TableCell cell) {
        column++;
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inNote = false;
        for (Node n = cell.getFirstChild(); n != null; n = n.getNext()) {
          if (n instanceof HtmlInline h && (MarkdownText.BREAK_TAG.matcher(h.getLiteral()).matches()
              || LIST_TAG.matcher(h.getLiteral()).matches())) {
            inNote = flushPiece(current, inNote, pieces, notes);
          } else if (n instanceof StrongEmphasis s && NOTE_LABEL.matcher(MarkdownText.inline(s)).matches()) {
            flushPiece(current, inNote, pieces, notes);
            inNote = true;
          } else {
            MarkdownText.appendNode(n, current);
          }
        }
        flushPiece(current, inNote, pieces, notes);
        if (pieces.isEmpty()) {
          continue;
        }
        if (column == 0 && pieces.size() > 1 && lists(cell) && header.size() > 1 && !header.get(0).isBlank()) {
          lists = new ArrayList<>(); // "| - Documents.<br>- Sharing links. | - Apps. |": each column a list of its own
        }
        if (lists != null) {
          for (String piece : pieces) {
            (excludes(header, column) ? excluded : lists).add(header.get(column) + ": " + piece);
          }
          continue;
        }
        String text = String.join("; ", pieces);
        if (column < marked.size() && marked.get(column) != Holder.NONE) {
          String mark = Classifier.fold(text).strip();
          boolean yes = CHECKED.matcher(mark).matches();
          if (yes || CROSSED.matcher(mark).matches()) {
            marks.add(header.get(column) + ": " + (yes ? "yes" : "no"));
            if (yes) {
              checked.add(marked.get(column));
            }
          } else {
            // "| Device groups | Implement the membership … | Create a support request … |": each side's own words
            for (String piece : pieces) {
              bySide.add(new Sided(piece, TableSides.under(label, header.get(column)), marked.get(column)));
            }
          }
          continue;
        }
        // in a table with a "Who" column, the cell that names a side and nothing else (under that column, or beside
        // it when the row is missing a cell) says whose the row is; it is not what the row says
        Holder named = who >= 0 && column > 0 && Math.abs(column - who) <= 1 && side == Holder.NONE
            ? TableSides.sideOf(text) : Holder.NONE;
        if (named != Holder.NONE) {
          side = named;
          sideCell = header.get(who) + ": " + text;
          continue;
        }
        if (column == 0) {
          label = text;
          ownLabel = true;
        }
        if (excludes(header, column)) {
          excluded.add(TableSides.under(label, header.get(column)) + ": " + text);
        } else {
          cells.add(text);
        }
      }
    }
    if (!marks.isEmpty()) {
      // a check in one side's column only makes the row that side's; both, or neither, leaves it to the section
      side = checked.size() == 1 ? checked.iterator().next() : side;
      sideCell = String.join("; ", marks);
    }
    if (lists != null) {
      return new Row("", notes, excluded, line, "", side, sideCell, lists, List.of());
    }
    List<Sided> sided = ownLabel && who < 0 && marks.isEmpty() ? TableSides.grid(label, cells, header) : List.of();
    if (!sided.isEmpty()) {
      return new Row("", notes, excluded, line, label, Holder.NONE, "", List.of(), sided);
    }
    if (!bySide.isEmpty() && cells.size() <= 1) {
      cells.clear(); // its label alone says nothing: it is the context of its sides' pieces
    }
    if (cells.isEmpty() && excluded.isEmpty() && bySide.isEmpty()) {
      return null;
    }
    if (!cells.isEmpty() && !label.isEmpty() && !ownLabel) {
      cells.add(0, label); // "| | | Ownership |": what migrates from the source named above
    }
    String text = cells.size() <= 1 ? String.join("", cells)
        : cells.get(0) + ": " + String.join(" ", cells.subList(1, cells.size()));
    return new Row(text.replace(":;", ":"), notes, excluded, line, label, side, sideCell, List.of(), bySide);
  }

  /** True when a cell's text is a list: it opens with a list mark ("- Documents.<br>- Sharing links."). */
  private static boolean lists(TableCell cell) {
    StringBuilder first = new StringBuilder();
    for (Node n = cell.getFirstChild(); n != null && first.length() < 3; n = n.getNext()) {
      MarkdownText.appendNode(n, first);
    }
    return LIST_MARK.matcher(first.toString().stripLeading()).find();
  }

  /** True when every cell of the row that holds text holds only bold text. */
  private static boolean boldOnly(TableRow row) {
    boolean any = false;
    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
      for (Node n = c.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof StrongEmphasis) {
          any = true;
        } else if (!(n instanceof HtmlInline) && !MarkdownText.inline(n).isBlank()) {
          return false;
        }
      }
    }
    return any;
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
