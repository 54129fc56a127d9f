package com.scopebot.answer;

import com.scopebot.answer.Ranking.Ranked;
import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.PassageKind;
import com.scopebot.corpus.Polarity;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.StatementKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether the documents disagree about a question: a cited statement of another document that says otherwise than the
 * best one. Reasoning cites both and says so. Thread-safe once built.
 */
final class Disagreement {

  /** Another document's statement disagrees with the best only when it holds at least this share of its coverage. */
  static final double DISAGREEING_SHARE = 0.7;

  /** The numbers of each statement, read once. */
  private final Traits traits;

  Disagreement(Traits traits) {
    this.traits = traits;
  }

  /**
   * The first cited statement from another document that disagrees with the best one: one says FastTrack provides it
   * while the other makes it the customer's or excludes it (for the same forest topology), or they give different
   * numbers. Only statements of bullets, notes and table rows count, not narrative paragraphs, and only documents both
   * in force on the date asked: a revision that replaced another says what changed, not a second opinion (history
   * notes say that). Null when none does.
   */
  Ranked of(List<Ranked> cited, Predicate<Document> inForce) {
    Ranked best = cited.get(0);
    Passage a = best.passage();
    Boolean sa = stance(best.statement());
    Set<String> na = traits.numbers(best.entry());
    for (Ranked other : cited.subList(1, cited.size())) {
      Passage b = other.passage();
      if (a.document().family().equals(b.document().family()) || !inForce.test(a.document())
          || !inForce.test(b.document()) || b.kind() == PassageKind.PARAGRAPH
          || a.kind() == PassageKind.PARAGRAPH || other.coverage() < best.coverage() * DISAGREEING_SHARE) {
        continue;
      }
      Boolean sb = stance(other.statement());
      boolean stances = sa != null && sb != null && !sa.equals(sb) && sameForest(best.statement(), other.statement());
      Set<String> nb = traits.numbers(other.entry());
      if (stances || !na.isEmpty() && !nb.isEmpty() && !na.equals(nb)) {
        return other;
      }
    }
    return null;
  }

  /**
   * True when a statement says FastTrack provides (or guides) it, false when it makes it the customer's or excludes
   * it, null when it names no side.
   */
  private static Boolean stance(Statement s) {
    if (s.polarity().excludes() || s.holder() == Holder.CUSTOMER || s.kind() == StatementKind.REQUIREMENT) {
      return false;
    }
    // "integrating X (X licences are required)": FastTrack does it, the customer brings the prerequisite — both sides
    if (s.polarity() == Polarity.REQUIRES) {
      return null;
    }
    return s.holder() == Holder.MICROSOFT ? Boolean.TRUE : null;
  }

  /** True unless the two statements state different forest topologies. */
  static boolean sameForest(Statement a, Statement b) {
    Set<Condition> fa = new HashSet<>(a.conditions());
    Set<Condition> fb = new HashSet<>(b.conditions());
    fa.removeIf(c -> !c.isForest());
    fb.removeIf(c -> !c.isForest());
    return fa.isEmpty() || fb.isEmpty() || fa.stream().anyMatch(fb::contains);
  }
}
