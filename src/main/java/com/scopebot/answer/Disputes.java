package com.scopebot.answer;

import com.scopebot.answer.Ranking.Ranked;
import com.scopebot.corpus.Statement;
import com.scopebot.index.PassageIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Lays out a claim for a dispute: every statement that holds it, grouped by the verdict each supports. Thread-safe. */
final class Disputes {

  /** Statements laid out for a dispute at most. */
  static final int DISPUTE_EVIDENCE = 12;

  private final PassageIndex index;
  private final QuestionReader reader;
  private final Ranking ranking;

  Disputes(PassageIndex index, QuestionReader reader, Ranking ranking) {
    this.index = index;
    this.reader = reader;
    this.ranking = ranking;
  }

  /**
   * Every statement that holds the claim, in every document and revision, grouped by the verdict it supports.
   *
   * @param text the claim, never null
   * @param now the answer to the claim in force today
   */
  Dispute dispute(String text, Answer now) {
    if (QuestionCleaner.clean(text).isEmpty() || text.length() > Answerer.MAX_QUESTION_CHARS
        || now.smallTalk() != null) {
      return new Dispute(text, now, "Nothing to weigh: name the work the claim is about.", List.of());
    }
    Question q = reader.read(text);
    Set<String> all = new HashSet<>();
    index.corpus().documents().forEach(d -> all.add(d.file()));
    // every revision counts the same here: what was promised at the time is the point of a dispute
    List<Ranked> relevant = Ranking.distinct(ranking.rank(q, all)).stream()
        .filter(r -> r.coverage() >= Reasoning.MIN_COVERAGE).limit(DISPUTE_EVIDENCE).toList();
    Map<Verdict, List<Dispute.Evidence>> sides = new LinkedHashMap<>();
    if (now.verdict() != Verdict.UNKNOWN) {
      sides.put(now.verdict(), new ArrayList<>());
    }
    Set<String> seen = new HashSet<>();
    for (Ranked r : relevant) {
      Statement s = r.statement();
      // the same words twice in one revision (a note repeated under two sections) are one piece of evidence
      if (!seen.add(r.passage().document().file() + "\u0000" + s.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Reasoning.Support support = Reasoning.supports(s, q.request());
      sides.computeIfAbsent(support.side(), v -> new ArrayList<>())
          .add(new Dispute.Evidence(s.text(), Citation.of(r.passage(), r.statement()), support.why()));
    }
    List<Dispute.Side> laid = new ArrayList<>();
    sides.forEach((v, list) -> {
      if (!list.isEmpty()) {
        List<Dispute.Evidence> newest = new ArrayList<>(list);
        newest.sort(Comparator.comparing((Dispute.Evidence e) -> e.citation().revision()).reversed());
        laid.add(new Dispute.Side(v, newest));
      }
    });
    return new Dispute(text, now, summary(laid), laid);
  }

  private static String summary(List<Dispute.Side> sides) {
    if (sides.isEmpty()) {
      return "The documents don't address this claim.";
    }
    List<String> parts = new ArrayList<>();
    for (Dispute.Side side : sides) {
      Citation newest = side.evidence().get(0).citation();
      parts.add(side.evidence().size() + (side.evidence().size() == 1 ? " statement says " : " statements say ")
          + side.verdict().label().toLowerCase(Locale.ROOT) + " (newest: " + newest.displayTitle() + ", "
          + newest.revision() + ")");
    }
    return String.join("; ", parts) + ".";
  }
}
