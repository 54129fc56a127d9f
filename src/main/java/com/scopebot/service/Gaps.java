package com.scopebot.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Answerer;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.GapEvent;
import com.scopebot.records.GapOutcome;
import com.scopebot.records.GapQuery;
import com.scopebot.records.GapSource;
import com.scopebot.records.GapSources;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link GapsReport}s from the answer store's gap sources. A gap's topic is the question's topic terms as the
 * answerer in service reads them (the question as read for a follow-up); its section is that of the answer's first
 * citation, else of the closest passage an unknown answer showed. Replies to small talk are not gaps of the documents
 * and are left out. Thread-safe.
 */
public final class Gaps {

  /** Rows read from each source when a query does not say: the newest this many. */
  public static final int DEFAULT_LIMIT = 5_000;
  /** Groups listed per grouping, the largest first. */
  public static final int MAX_GROUPS = 50;
  /** Examples per group, the newest first. */
  public static final int EXAMPLES = 3;
  /** Longest question or reason an example carries. */
  public static final int MAX_TEXT = 300;
  /** Most topic terms a group is named by: the asking terms, in the question's order. */
  static final int TOPIC_TERMS = 4;

  private final AnswerStore store;
  private final List<GapSource> sources;

  /** Gaps from the store's own tables ({@link GapSources#STORED}). */
  public Gaps(AnswerStore store) {
    this(store, GapSources.STORED);
  }

  /** Gaps from the given sources of the store. */
  public Gaps(AnswerStore store, List<GapSource> sources) {
    this.store = store;
    this.sources = List.copyOf(sources);
  }

  /**
   * The report of a query: each source read newest first up to the query's limit, the topics read by an answerer.
   *
   * @throws SQLException when the store cannot be read within its timeout
   */
  public GapsReport report(GapQuery query, Answerer answerer) throws SQLException {
    List<Seen> seen = new ArrayList<>();
    Map<GapOutcome, Integer> read = store.gaps(query, sources, e -> {
      Seen s = Seen.of(e);
      if (s != null) {
        seen.add(s);
      }
    });
    boolean truncated = read.values().stream().anyMatch(n -> n >= query.limit());
    seen.sort(Comparator.comparing(Seen::at).reversed());
    Map<String, Integer> totals = new TreeMap<>();
    sources.forEach(s -> totals.put(s.outcome().wire(), 0));
    Map<List<String>, Tally> topics = new HashMap<>();
    Map<List<String>, Tally> sections = new HashMap<>();
    Map<String, List<String>> topicOf = new HashMap<>(); // a question asked again is read once
    for (Seen s : seen) {
      totals.merge(s.outcome().wire(), 1, Integer::sum);
      List<String> topic = s.topic() != null ? named(s.topic())
          : topicOf.computeIfAbsent(s.read(), q -> named(answerer.topic(q)));
      topics.computeIfAbsent(topic, k -> new Tally(k, null)).add(s);
      List<String> key = new ArrayList<>();
      if (s.near() != null) {
        key.add(s.near().document());
        key.addAll(s.near().section());
      }
      sections.computeIfAbsent(key, k -> new Tally(null, s.near())).add(s);
    }
    List<GapsReport.Group> byTopic = largest(topics);
    List<GapsReport.Group> bySection = largest(sections);
    return GapsReport.of(query, sources.stream().map(s -> s.outcome().wire()).toList(), totals, truncated,
        byTopic, topics.size() - byTopic.size(), bySection, sections.size() - bySection.size());
  }

  /** The passage nearest to a question: its document file and title, and its heading path. */
  private record Near(String document, String title, List<String> section) {}

  /**
   * What a report keeps of a gap while the store is read: the answer's JSON is read at once and let go, so a report
   * holds a few hundred bytes a gap, not the whole answer.
   *
   * @param read the question to read a topic from: as asked, or as read for a follow-up
   * @param topic the topic an explained answer carries, or null to read it
   * @param near the nearest passage, or null
   */
  private record Seen(GapOutcome outcome, String at, String answerId, String channel, String user, String question,
      String reason, String read, Map<String, Double> topic, Near near) {

    /** The gap as kept, or null for an unknown answer to small talk, which is no gap of the documents. */
    static Seen of(GapEvent e) {
      JsonNode answer = parse(e.answer());
      if (e.outcome() == GapOutcome.UNKNOWN && answer.hasNonNull("smallTalk")) {
        return null;
      }
      JsonNode stored = answer.path("explain").path("topic");
      Map<String, Double> topic = stored.isObject() && stored.size() > 0 ? weights(stored) : null;
      String read = answer.hasNonNull("readAs") ? answer.get("readAs").asText() : e.question();
      return new Seen(e.outcome(), e.at(), e.answerId(), e.channel(), e.user(), cut(e.question()), cut(e.reason()),
          read, topic, nearest(answer));
    }
  }

  private static Map<String, Double> weights(JsonNode terms) {
    Map<String, Double> out = new LinkedHashMap<>();
    terms.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asDouble()));
    return out;
  }

  private static JsonNode parse(String json) {
    try {
      return AnswerJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      // a record written by hand, say: no section, and the topic read from the question
      return AnswerJson.mapper().createObjectNode();
    }
  }

  /**
   * A topic's name: its asking terms (those counting fully; all of them when none does), at most
   * {@link #TOPIC_TERMS} in the question's order, then sorted, so that the same terms asked in another order make one
   * group.
   */
  private static List<String> named(Map<String, Double> terms) {
    boolean anyFull = terms.values().stream().anyMatch(w -> w >= 1.0);
    return terms.entrySet().stream().filter(t -> !anyFull || t.getValue() >= 1.0).map(Map.Entry::getKey)
        .limit(TOPIC_TERMS).sorted().toList();
  }

  /** The answer's first citation, else the first closest passage, else null. */
  private static Near nearest(JsonNode answer) {
    for (String field : new String[] {"citations", "closest"}) {
      JsonNode first = answer.path(field).path(0);
      if (first.hasNonNull("document")) {
        List<String> section = new ArrayList<>();
        first.path("section").forEach(h -> section.add(h.asText()));
        return new Near(first.get("document").asText(), first.path("title").asText(), List.copyOf(section));
      }
    }
    return null;
  }

  private static List<GapsReport.Group> largest(Map<List<String>, Tally> groups) {
    return groups.values().stream()
        .sorted(Comparator.comparingInt((Tally t) -> -t.count).thenComparing(t -> t.last, Comparator.reverseOrder()))
        .limit(MAX_GROUPS).map(Tally::group).toList();
  }

  /** One group as it fills: gaps arrive newest first. */
  private static final class Tally {
    /** The group's key: its topic terms, or null for a group by section. */
    private final List<String> topic;
    /** The nearest passage of a group by section, or null. */
    private final Near near;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<GapsReport.Example> examples = new ArrayList<>();
    private int count;
    private String first;
    private String last;

    Tally(List<String> topic, Near near) {
      this.topic = topic;
      this.near = near;
    }

    void add(Seen s) {
      count++;
      outcomes.merge(s.outcome().wire(), 1, Integer::sum);
      last = last == null ? s.at() : last;
      first = s.at();
      if (examples.size() < EXAMPLES) {
        examples.add(new GapsReport.Example(s.at(), s.outcome().wire(), s.channel(), s.user(), s.question(),
            s.reason(), s.answerId()));
      }
    }

    GapsReport.Group group() {
      if (topic != null || near == null) {
        return new GapsReport.Group(topic, null, null, null, count, outcomes, first, last, examples);
      }
      return new GapsReport.Group(null, near.document(), near.title(), near.section(), count, outcomes, first, last,
          examples);
    }
  }

  private static String cut(String s) {
    if (s.length() <= MAX_TEXT) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
    return s.substring(0, end) + "…";
  }
}
