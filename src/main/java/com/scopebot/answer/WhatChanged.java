package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import com.scopebot.history.Change;
import com.scopebot.history.ChangesReport;
import com.scopebot.history.Family;
import com.scopebot.history.History;
import com.scopebot.history.UnknownDocumentException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What changed in the FastTrack responsibilities?", "/scope changes since 2018-06-01": what each revision added,
 * removed, reworded or moved, answered in any channel as a short summary with examples and their links (the full
 * list is {@code changes} on the command line and {@code GET /api/changes}).
 */
final class WhatChanged {

  private static final Pattern ASKS = Regex.compile(
      "^(?:changes|what(?:'s| is) new|what(?:'s| has| have)? changed|which changes|show (?:me )?(?:the )?changes)"
          + "(?:\\s+(?:in|to|of|for)\\s+(?:the\\s+)?(.+?))?(?:\\s+since\\s+(\\d{4}-\\d{2}-\\d{2}))?\\s*[?.!]*$",
      Pattern.CASE_INSENSITIVE);
  /** Examples listed per revision step; the rest is counted. */
  private static final int EXAMPLES = 4;

  private WhatChanged() {}

  /** The reply to a question about changes, or empty when the question is not one. */
  static Optional<Answer> reply(String question, History history) {
    Matcher m = ASKS.matcher(QuestionCleaner.clean(question));
    if (!m.matches()) {
      return Optional.empty();
    }
    LocalDate since = null;
    if (m.group(2) != null) {
      try {
        since = LocalDate.parse(m.group(2));
      } catch (java.time.format.DateTimeParseException e) {
        since = null; // "since the last revision": every revision
      }
    }
    ChangesReport report;
    String note = "";
    try {
      report = ChangesReport.of(history, m.group(1), since);
    } catch (UnknownDocumentException e) {
      report = new ChangesReport(history.families().stream().filter(f -> f.revisions().size() > 1).toList(), since);
      note = "I don't know a document called \"" + m.group(1) + "\"; here is what changed in every document. ";
    }
    StringBuilder sb = new StringBuilder(note);
    if (report.families().isEmpty()) {
      sb.append("None of the documents has earlier revisions, so nothing has changed.");
    }
    for (Family f : report.families()) {
      for (ChangesReport.Step step : report.steps(f)) {
        sb.append(f.current().title()).append(": ").append(step.older().revision()).append(" → ")
            .append(step.newer().revision()).append(": ");
        sb.append(ChangesReport.KINDS.stream().map(k -> step.count(k) + " " + k.wire())
            .reduce((a, b) -> a + ", " + b).orElse("")).append(".");
        // additions and removals first: they change what the benefit covers; rewordings mostly refine it
        List<Change> all = step.sections().values().stream().flatMap(List::stream)
            .sorted(java.util.Comparator.comparingInt(c -> c.kind() == Change.Kind.ADDED || c.kind() == Change.Kind.REMOVED
                ? 0 : 1))
            .toList();
        all.stream().limit(EXAMPLES).forEach(c -> sb.append("\n• ").append(c.kind().wire()).append(": ")
            .append(example(c)));
        if (all.size() > EXAMPLES) {
          sb.append("\n• … and ").append(all.size() - EXAMPLES).append(" more");
        }
        sb.append("\n");
      }
    }
    sb.append("The full list, with both revisions' links: `scopebot changes` or GET /api/changes.");
    return Optional.of(Answer.smallTalk(question, "changes", sb.toString().strip()));
  }

  private static String example(Change c) {
    String text = c.after() != null ? c.after().statement().text() : c.before().statement().text();
    String link = c.after() != null ? c.after().passage().url() : c.before().passage().url();
    String cut = text.length() > 160 ? text.substring(0, 157) + "…" : text;
    return "\u201c" + cut + "\u201d" + (link.isEmpty() ? "" : " " + link);
  }

  static boolean asks(String question) {
    return ASKS.matcher(QuestionCleaner.clean(question).toLowerCase(Locale.ROOT)).matches();
  }
}
