package com.scopebot.answer;

import java.util.List;
import java.util.Objects;

/**
 * A "what changed" reply as parts, so that each channel can link them in its own way: the answer's text is
 * {@link #text()} of the same parts, so the two never say different things. Immutable.
 *
 * @param note what the reply says before the steps (an unknown document name), or empty
 * @param steps the revision steps, newest first
 */
public record ChangeSummary(String note, List<Step> steps) {

  /** Said where no document has an earlier revision. */
  static final String NOTHING = "None of the documents has earlier revisions, so nothing has changed.";

  public ChangeSummary {
    Objects.requireNonNull(note, "note");
    steps = List.copyOf(steps);
  }

  /**
   * One revision step of one document.
   *
   * @param title the document's title in its newer revision
   * @param older the older revision's date
   * @param newer the newer revision's date
   * @param counts how many statements were added, removed, reworded and moved ("3 added, 1 removed, …")
   * @param examples a few of the changes, additions and removals first
   * @param more how many changes the examples leave out
   * @param page the changes page opened at this step: a path ({@code /changes.html?document=…&to=…}), absolute once
   *     the bot's public address is known (see {@link #withBase})
   */
  public record Step(String title, String older, String newer, String counts, List<Example> examples, int more,
      String page) {

    public Step {
      examples = List.copyOf(examples);
      if (more < 0) {
        throw new IllegalArgumentException("more must not be negative, got " + more);
      }
    }

    /** "What changed in FastTrack responsibilities, 2018-03-09 → 2018-12-04" */
    public String heading() {
      return "What changed in " + title + ", " + older + " → " + newer;
    }
  }

  /**
   * One changed statement.
   *
   * @param kind {@code added}, {@code removed}, {@code reworded} or {@code moved}
   * @param text the statement as the newer revision words it (the older one, for a removed statement)
   * @param url the statement's permalink in that revision, or empty
   * @param label what the link is: the revision and line ("2018-12-04, line 31")
   */
  public record Example(String kind, String text, String url, String label) {}

  /** The reply in plain words: the note, each step's heading and counts, and its examples, without links. */
  public String text() {
    StringBuilder sb = new StringBuilder(note);
    if (steps.isEmpty()) {
      sb.append(NOTHING);
    }
    for (Step s : steps) {
      sb.append(sb.isEmpty() ? "" : "\n").append(s.heading()).append(": ").append(s.counts()).append('.');
      for (Example e : s.examples()) {
        sb.append("\n• ").append(e.kind()).append(": “").append(e.text()).append('”');
      }
      if (s.more() > 0) {
        sb.append("\n• … and ").append(s.more()).append(" more");
      }
    }
    return sb.toString();
  }

  /** The same summary with each step's page made absolute under {@code base} (e.g. {@code https://bot.example.com}). */
  ChangeSummary withBase(String base) {
    return new ChangeSummary(note, steps.stream().map(s -> s.page().startsWith("/")
        ? new Step(s.title(), s.older(), s.newer(), s.counts(), s.examples(), s.more(), base + s.page())
        : s).toList());
  }
}
