package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a table's headers and cells say of sides: a "Who" column whose cell names the row's side; in a responsibility
 * matrix ("| Task | Your responsibility | Microsoft |"), the side each column's check marks stand for, or, when its
 * cells hold text ("Microsoft will | Customer will"), whose words they are; in a grid of sides ("| Responsibility |
 * Service | On-premises servers |" with "Microsoft", "Customer" or "Both" in each cell), each cell a statement of its
 * own. Stateless.
 */
final class TableSides {

  /** A header that says whose each row is: "Who", "Owner", "Responsible", "Performed by". */
  private static final Pattern WHO_HEADER = Regex.compile(
      "^(?:who|owners?|owned by|responsible(?: party)?|responsibility|accountable|performed by|done by|by whom)$");
  /** What splits a cell that names sides: "Partner/Customer", "Customer and partner", "Microsoft, with you". */
  private static final Pattern SIDES_SPLIT = Regex.compile(
      "\\s*(?:/|,|&|\\band\\b|\\bor\\b|\\bwith\\b|\\btogether\\b)\\s*");
  private static final Pattern CUSTOMER_SIDE = Regex.compile(
      "^(?:the )?(?:customers?|partners?|implementation partners?|you|your(?: team| organization)?"
          + "|(?:the )?project team)$");
  private static final Pattern MICROSOFT_SIDE = Regex.compile(
      "^(?:the )?(?:microsoft )?(?:fasttrack|microsoft)"
          + "(?: (?:center|team|architects?|specialists?|engineers?|managers?|solution architects?))?$");

  /** A header that names a side by its part: "Your responsibility", "Customer tasks", "Microsoft's role". */
  private static final Pattern PART_OF_SIDE = Regex.compile(
      "(?:'s)?\\s+(?:responsibilit(?:y|ies)|roles?|tasks?|part|actions?|activities|will|does|do)$");

  /** A grid cell that gives the work to both sides. */
  private static final Pattern BOTH_SIDES = Regex.compile("^(?:both|shared|joint(?:ly)?)$");
  /**
   * Symbols that mark a cell's words in a legend's colours or flags ("🔵 Customer ⚠️ Unsupported"):
   * emoji and other symbols, with the selectors and joiners that shape them.
   */
  private static final Pattern SYMBOLS = Regex.compile("[\\p{So}\\p{Sk}\\p{Cs}\\uFE0E\\uFE0F\\u200D]+");

  private TableSides() {}

  /** The column after the first whose header asks who ("Who", "Owner"), or -1; the first names the rows. */
  static int whoColumn(List<String> header) {
    for (int i = 1; i < header.size(); i++) {
      if (WHO_HEADER.matcher(headerWords(header.get(i))).matches()) {
        return i;
      }
    }
    return -1;
  }

  /** A header cell's words, folded, without the bold stars and colons DocFX headers carry. */
  static String headerWords(String cell) {
    return Classifier.fold(cell).replaceAll("[*:]", "").strip();
  }

  /**
   * The side each column's marks stand for, when the header names the customer's side in one column after the first
   * ("Your responsibility") and Microsoft's in another: by name ("Microsoft", "FastTrack") or, when it is the only
   * other column, as the provider of what the document describes ("Windows Autopatch"). Empty for any other table.
   */
  static List<Holder> markedSides(List<String> header) {
    List<Holder> sides = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String part = PART_OF_SIDE.matcher(headerWords(header.get(i))).replaceFirst("");
      sides.add(i == 0 ? Holder.NONE : sideOf(part));
    }
    if (!sides.contains(Holder.CUSTOMER)) {
      return List.of();
    }
    if (!sides.contains(Holder.MICROSOFT) && header.size() == 3) {
      sides.set(1 + sides.subList(1, 3).indexOf(Holder.NONE), Holder.MICROSOFT);
    }
    return sides.contains(Holder.MICROSOFT) ? sides : List.of();
  }

  /**
   * The side a short cell names and nothing else: "Partner/Customer" the customer's, "FastTrack Architect*"
   * Microsoft's; NONE when it names both ("Microsoft FastTrack together with the project team") or anything else.
   */
  static Holder sideOf(String cell) {
    String folded = Classifier.fold(named(cell)).replaceAll("[*.]", "").strip();
    if (folded.isEmpty() || folded.split("\\s+").length > 6) {
      return Holder.NONE;
    }
    Holder side = Holder.NONE;
    for (String part : SIDES_SPLIT.split(folded)) {
      if (part.isBlank()) {
        continue;
      }
      Holder h = CUSTOMER_SIDE.matcher(part).matches() ? Holder.CUSTOMER
          : MICROSOFT_SIDE.matcher(part).matches() ? Holder.MICROSOFT : null;
      if (h == null || side != Holder.NONE && side != h) {
        return Holder.NONE;
      }
      side = h;
    }
    return side;
  }

  /**
   * A row of a grid of sides, one cell a column: its label first, then, under headers that name a part of the work
   * each, cells that each name a side or both ("Microsoft | Both | Customer"). Empty when the row is anything else.
   */
  static List<TableRows.Sided> grid(String label, List<String> cells, List<String> header) {
    if (cells.size() < 3 || cells.size() != header.size()) {
      return List.of();
    }
    List<TableRows.Sided> sided = new ArrayList<>();
    for (int i = 1; i < cells.size(); i++) {
      String cell = cells.get(i);
      Holder named = sideOf(cell);
      if (header.get(i).isBlank() || named == Holder.NONE && !BOTH_SIDES.matcher(headerWords(named(cell))).matches()) {
        return List.of();
      }
      sided.add(new TableRows.Sided(under(label, header.get(i)) + ": " + cell, "", named));
    }
    return sided;
  }

  /**
   * What a cell names before any note a symbol sets off: "Customer" of "🔵 Customer ⚠️ Unsupported", the
   * cell itself when it holds no symbol.
   */
  static String named(String cell) {
    for (String words : SYMBOLS.split(cell)) {
      if (!words.isBlank()) {
        return words.strip();
      }
    }
    return "";
  }

  /** A cell's place: its row's first cell and its column's header ("Device groups \u2014 Customer will"). */
  static String under(String label, String header) {
    return label.isEmpty() ? header : label + " \u2014 " + header;
  }
}
