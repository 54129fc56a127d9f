package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import com.scopebot.history.Change;
import com.scopebot.history.ChangesReport;
import com.scopebot.history.Family;
import com.scopebot.history.History;
import com.scopebot.history.UnknownDocumentException;
import com.scopebot.history.Version;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What changed in the FastTrack responsibilities?", "/scope changes since 2018-06-01": what each revision added,
 * removed, reworded or moved, answered in any channel as a short summary with examples, their links and a link to the
 * changes page of each step (see {@link ChangeSummary}).
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
      note = "I don't know a document called \"" + m.group(1) + "\"; here is what changed in every document.";
    }
    List<ChangeSummary.Step> steps = new ArrayList<>();
    for (Family f : report.families()) {
      for (ChangesReport.Step step : report.steps(f)) {
        steps.add(step(f, step));
      }
    }
    ChangeSummary summary = new ChangeSummary(note, steps);
    return Optional.of(Answer.changes(question, summary));
  }

  private static ChangeSummary.Step step(Family f, ChangesReport.Step step) {
    String counts = ChangesReport.KINDS.stream().map(k -> step.count(k) + " " + k.wire())
        .reduce((a, b) -> a + ", " + b).orElse("");
    // additions and removals first: they change what the benefit covers; rewordings mostly refine it
    List<Change> all = step.sections().values().stream().flatMap(List::stream)
        .sorted(Comparator.comparingInt(c -> c.kind() == Change.Kind.ADDED || c.kind() == Change.Kind.REMOVED ? 0 : 1))
        .toList();
    List<ChangeSummary.Example> examples = all.stream().limit(EXAMPLES).map(WhatChanged::example).toList();
    // the page takes any revision's file for the document, and the newer revision's file for the step to open
    String file = step.newer().file();
    String page = "/changes.html?document=" + URLEncoder.encode(file, StandardCharsets.UTF_8) + "&to="
        + URLEncoder.encode(file, StandardCharsets.UTF_8);
    return new ChangeSummary.Step(f.current().title(), step.older().revision(), step.newer().revision(), counts,
        examples, all.size() - examples.size(), page);
  }

  private static ChangeSummary.Example example(Change c) {
    Version v = c.after() != null ? c.after() : c.before();
    String text = v.text();
    String cut = text.length() > 160 ? text.substring(0, 157) + "…" : text;
    return new ChangeSummary.Example(c.kind().wire(), cut, v.url(), v.revision() + ", line " + v.line());
  }

  static boolean asks(String question) {
    return ASKS.matcher(QuestionCleaner.clean(question).toLowerCase(Locale.ROOT)).matches();
  }
}
