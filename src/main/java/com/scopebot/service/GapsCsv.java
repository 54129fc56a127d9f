package com.scopebot.service;

import com.scopebot.records.GapOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A gaps report as CSV (RFC 4180), one row a group: the groups by topic, then those by section. Safe to open in a
 * spreadsheet: every cell is quoted, and one that would start a formula ({@code = + - @}, also after spaces, tab,
 * carriage return) is prefixed with an apostrophe, so a question such as {@code =HYPERLINK(...)} stays text.
 */
public final class GapsCsv {

  static final List<String> HEADER = header();

  private GapsCsv() {}

  private static List<String> header() {
    List<String> h = new ArrayList<>(List.of("grouping", "topic_or_section", "document", "count"));
    for (GapOutcome o : GapOutcome.values()) {
      h.add(o.wire());
    }
    h.addAll(List.of("first_seen", "last_seen", "example_questions", "example_reasons", "example_answer_ids"));
    return List.copyOf(h);
  }

  /** The report's groups as CSV text, CRLF line ends, header first. */
  public static String of(GapsReport report) {
    StringBuilder out = new StringBuilder();
    row(out, HEADER);
    report.byTopic().forEach(g -> row(out, cells("topic", g)));
    report.bySection().forEach(g -> row(out, cells("section", g)));
    return out.toString();
  }

  private static List<String> cells(String grouping, GapsReport.Group g) {
    List<String> c = new ArrayList<>(List.of(grouping, g.label(), g.document() == null ? "" : g.document(),
        Integer.toString(g.count())));
    for (GapOutcome o : GapOutcome.values()) {
      c.add(Integer.toString(g.outcomes().getOrDefault(o.wire(), 0)));
    }
    c.add(g.firstSeen());
    c.add(g.lastSeen());
    c.add(joined(g.examples().stream().map(GapsReport.Example::question).toList()));
    c.add(joined(g.examples().stream().map(GapsReport.Example::reason).filter(r -> !r.isEmpty()).toList()));
    c.add(joined(g.examples().stream().map(GapsReport.Example::answerId).toList()));
    return c;
  }

  private static String joined(List<String> parts) {
    return String.join(" | ", parts);
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(cell(cells.get(i)).replace("\"", "\"\"")).append('"');
    }
    out.append("\r\n");
  }

  /**
   * A cell's text with a formula's first character defused, also after leading spaces, which some spreadsheets skip
   * before reading a formula.
   */
  static String cell(String text) {
    String start = text.stripLeading();
    if (!start.isEmpty() && FORMULA_STARTS.indexOf(start.charAt(0)) >= 0
        || !text.isEmpty() && "\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  /** What a spreadsheet reads a formula from; the full-width equals sign counts in some locales. */
  private static final String FORMULA_STARTS = "=+-@\uff1d";
}
