package com.scopebot.answer;

import com.scopebot.answer.Ranking.Ranked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order of the citations reasoning reads its verdict off: the statement that answers the question best put first
 * (a limit the question goes beyond, a close exclusion, one that grounds a verdict rather than describes). Stateless.
 */
final class CitationOrder {

  /** An exclusion this close to the best statement is the answer to a coverage question: it is the specific one. */
  static final double EXCLUSION_MARGIN = 0.15;
  /** An exclusion whose own words the question names this much, one of them beyond the best, names the case asked. */
  static final double NAMED_EXCLUSION_OWN = 0.7;

  private CitationOrder() {}

  /** The citations with one put first (in its passage's place, if that was cited) and no more than can be cited. */
  static List<Ranked> first(Ranked r, List<Ranked> cited) {
    List<Ranked> reordered = new ArrayList<>(cited);
    reordered.removeIf(c -> c.passage() == r.passage());
    reordered.add(0, r);
    return reordered.size() > Reasoning.MAX_CITATIONS ? reordered.subList(0, Reasoning.MAX_CITATIONS) : reordered;
  }

  /**
   * The citations with a close exclusion first: "we don't design or develop a solution for the customer" answers "will
   * you build our solution?" better than "the program provides guidance for designing and building".
   */
  static List<Ranked> exclusionFirst(List<Ranked> cited, Question q) {
    Ranked best = cited.get(0);
    if (best.statement().polarity().excludes()) {
      return cited;
    }
    for (Ranked r : cited) {
      boolean close = r.coverage() >= best.coverage() - EXCLUSION_MARGIN
          && r.score() >= best.score() - EXCLUSION_MARGIN;
      if (r.statement().polarity().excludes() && (close || namesTheCase(q, r, best))
          && Disagreement.sameForest(r.statement(), best.statement())) {
        return toFront(r, cited);
      }
    }
    return cited;
  }

  /**
   * True when the question names the very case an exclusion names ("… on Windows 365 Business. Can FastTrack help us
   * onboard?" and "Support for Windows 365 Business."): it names most of the exclusion's own words, one of them a word
   * of the question the better-ranked statement lacks.
   */
  private static boolean namesTheCase(Question q, Ranked exclusion, Ranked best) {
    if (exclusion.own() < NAMED_EXCLUSION_OWN) {
      return false;
    }
    String[] own = exclusion.entry().textTerms();
    String[] bests = best.entry().textTerms();
    return q.topic().keySet().stream()
        .anyMatch(t -> Arrays.binarySearch(own, t) >= 0 && Arrays.binarySearch(bests, t) < 0);
  }

  /**
   * The citations with the first statement that grounds a verdict (a grant, exclusion, responsibility or requirement)
   * first: a description or a link says nothing about scope, however well it matches the words.
   */
  static List<Ranked> groundingFirst(List<Ranked> cited) {
    if (cited.get(0).statement().kind().grounds()) {
      return cited;
    }
    for (Ranked r : cited) {
      if (r.statement().kind().grounds()) {
        return toFront(r, cited);
      }
    }
    return cited;
  }

  /** The citations with one of them moved to the front. */
  private static List<Ranked> toFront(Ranked r, List<Ranked> cited) {
    List<Ranked> reordered = new ArrayList<>(cited);
    reordered.remove(r);
    reordered.add(0, r);
    return reordered;
  }
}
