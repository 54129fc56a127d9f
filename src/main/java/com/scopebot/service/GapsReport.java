package com.scopebot.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.scopebot.records.GapQuery;
import java.util.List;
import java.util.Map;

/**
 * Where the documents fail their readers: unknown answers, 👎 and hand-offs of a period, grouped by the question's
 * topic terms and by the document section nearest to it, with counts, first and last seen and a few examples each.
 * Built by {@link Gaps}; rendered as JSON as it stands, as CSV by {@link GapsCsv}.
 *
 * @param from the first day of the period (ISO), or null
 * @param to the last day, or null
 * @param channel the channel asked for, or null for all
 * @param sources the kinds of gap read ({@code unknown}, {@code thumbs_down}, and {@code handoff} once stored)
 * @param totals how many gaps of each kind read were found
 * @param truncated true when a source had more gaps than a report reads: these are the newest
 * @param byTopic the groups by topic, most gaps first
 * @param topicsLeftOut groups by topic beyond {@link Gaps#MAX_GROUPS}, not listed
 * @param bySection the groups by nearest document section, most gaps first
 * @param sectionsLeftOut groups by section beyond {@link Gaps#MAX_GROUPS}, not listed
 */
public record GapsReport(String from, String to, String channel, List<String> sources, Map<String, Integer> totals,
    boolean truncated, List<Group> byTopic, int topicsLeftOut, List<Group> bySection, int sectionsLeftOut) {

  public GapsReport {
    sources = List.copyOf(sources);
    totals = Map.copyOf(totals);
    byTopic = List.copyOf(byTopic);
    bySection = List.copyOf(bySection);
  }

  /** The period and channel of a query as a report names them. */
  static GapsReport of(GapQuery q, List<String> sources, Map<String, Integer> totals, boolean truncated,
      List<Group> byTopic, int topicsLeftOut, List<Group> bySection, int sectionsLeftOut) {
    return new GapsReport(q.from() == null ? null : q.from().toString(), q.to() == null ? null : q.to().toString(),
        q.channel(), sources, totals, truncated, byTopic, topicsLeftOut, bySection, sectionsLeftOut);
  }

  /**
   * Gaps that share a topic, or a nearest section.
   *
   * @param topic the topic terms (a group by topic), empty when no topic was read; null in a group by section
   * @param document the nearest passage's document file (a group by section), null when no passage was near
   * @param title that document's title
   * @param section the heading path from the title down to the passage
   * @param count how many gaps
   * @param outcomes how many of each kind, by {@code GapOutcome.wire()}
   * @param firstSeen the earliest gap's time (ISO instant)
   * @param lastSeen the latest gap's time
   * @param examples the newest few, at most {@link Gaps#EXAMPLES}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Group(List<String> topic, String document, String title, List<String> section, int count,
      Map<String, Integer> outcomes, String firstSeen, String lastSeen, List<Example> examples) {

    public Group {
      topic = topic == null ? null : List.copyOf(topic);
      section = section == null ? null : List.copyOf(section);
      outcomes = Map.copyOf(outcomes);
      examples = List.copyOf(examples);
    }

    /** What the group is, in words: its topic terms, or its document title and section. */
    public String label() {
      if (topic != null) {
        return topic.isEmpty() ? "(no topic read)" : String.join(" ", topic);
      }
      if (document == null) {
        return "(no passage near)";
      }
      return section == null || section.isEmpty() ? title : String.join(" › ", section);
    }
  }

  /**
   * One gap shown as an example; only administrators see reports, so the question is shown as asked (cut to
   * {@link Gaps#MAX_TEXT} characters), the user only hashed.
   *
   * @param at when (ISO instant)
   * @param outcome {@code unknown}, {@code thumbs_down} or {@code handoff}
   * @param channel where
   * @param user the hashed user id, empty when anonymous
   * @param question the question
   * @param reason the 👎's reason, empty when none
   * @param answerId the answer record's id (its page is {@code /answers/{id}})
   */
  public record Example(String at, String outcome, String channel, String user, String question, String reason,
      String answerId) {}
}
