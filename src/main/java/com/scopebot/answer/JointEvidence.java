package com.scopebot.answer;

import com.scopebot.answer.Ranking.Ranked;
import com.scopebot.corpus.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two items of one list that answer a question together ("Safe Links and Safe Attachments turned on?" against the
 * items "Enabling Safe Links." and "Enabling Safe Attachments."): when no statement holds enough of the question alone
 * and two siblings do together, both count with the share they hold together, and are cited first.
 */
final class JointEvidence {

  private JointEvidence() {}

  /** The best-ranked statements among which siblings are looked for. */
  static final int REACH = 5;
  /** How much more of the question the two must hold together than either alone. */
  static final double GAIN = 0.1;

  /**
   * The ranking with the first pair of siblings that together hold enough of the question scored as one piece of
   * evidence, when no statement holds enough alone; else the ranking as it is.
   *
   * @param held the question's topic terms, read anew here for each pair
   * @param covered how much of the question what held holds
   */
  static List<Ranked> join(Question q, List<Ranked> ranked, TopicHeld held, QuestionCoverage covered,
      RankWeights weights) {
    // a question that names what the documents never use is not answered by putting two items together
    if (!q.unknown().isEmpty() || ranked.stream().limit(Reasoning.CANDIDATES_ANSWERING)
        .anyMatch(r -> r.coverage() >= Reasoning.MIN_COVERAGE)) {
      return ranked;
    }
    List<Ranked> top = ranked.subList(0, Math.min(REACH, ranked.size()));
    for (int i = 0; i < top.size(); i++) {
      for (int j = i + 1; j < top.size(); j++) {
        Ranked a = top.get(i);
        Ranked b = top.get(j);
        if (!siblings(a.statement(), b.statement()) || !a.passage().section().equals(b.passage().section())
            || !a.passage().document().file().equals(b.passage().document().file())) {
          continue;
        }
        held.read(a.entry());
        held.add(b.entry());
        double both = covered.coverage(false);
        if (both >= Reasoning.MIN_COVERAGE && both >= Math.max(a.coverage(), b.coverage()) + GAIN) {
          List<Ranked> joined = new ArrayList<>(ranked);
          joined.set(i, together(a, both, weights));
          joined.set(j, together(b, both, weights));
          joined.sort(Comparator.comparingDouble(Ranked::score).reversed());
          return joined;
        }
      }
    }
    return ranked;
  }

  /** Items of one list that say the same kind of thing of the same side: each grants, or each excludes, …. */
  static boolean siblings(Statement a, Statement b) {
    return !a.leadIn().isEmpty() && a.leadIn().equals(b.leadIn()) && !a.text().equals(b.text())
        && a.kind() == b.kind() && a.kind().grounds() && a.holder() == b.holder() && a.polarity() == b.polarity();
  }

  private static Ranked together(Ranked r, double coverage, RankWeights weights) {
    return new Ranked(r.entry(), coverage, r.own(), weights.score(coverage, r.features()), r.features());
  }
}
