package com.scopebot.answer;

import com.scopebot.index.PassageIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One asking clause's terms with their weights, worked out once per question: every candidate statement is measured
 * against them, so the per-candidate work is only which terms the statement holds. Not shared between threads.
 */
final class WeighedClause {

  /** The least a limit that answers the clause's request counts for, as a share of the weight of its words. */
  static final double REQUEST_SHARE = 0.5;

  /**
   * The terms the index holds, by their {@link TopicHeld#slot slots} in the question's topic, and each one's weight
   * times how much it counts in the clause.
   */
  private final int[] terms;
  private final double[] weights;
  /** All of the clause's terms, the ones the index does not hold too. */
  private final int size;
  /** What each term the index does not hold counts against a statement, in the clause's order. */
  private final double[] missing;
  /** How many of those are everyday English, not names. */
  private final int everydayMissing;
  /** Whether each of {@link #terms} is a product's name (the synonym map's): what a question is asked about. */
  private final boolean[] names;

  private WeighedClause(int[] terms, double[] weights, int size, double[] missing, int everydayMissing,
      boolean[] names) {
    this.everydayMissing = everydayMissing;
    this.names = names;
    this.terms = terms;
    this.weights = weights;
    this.size = size;
    this.missing = missing;
  }

  /**
   * @param rarest the weight of a term that occurs once in the index: what an unknown word is measured against
   * @param named the terms of the question that name a product ({@link Question#synonyms})
   */
  static WeighedClause of(Question.Group g, PassageIndex index, double rarest, TopicHeld topic, List<String> named) {
    List<Integer> known = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    boolean[] isName = new boolean[g.terms().size()];
    for (Map.Entry<String, Double> t : g.terms().entrySet()) {
      if (index.has(t.getKey())) {
        isName[known.size()] = named.contains(t.getKey());
        known.add(topic.slot(index.termId(t.getKey())));
        weights.add(index.weight(t.getKey()) * t.getValue());
      }
    }
    double[] missing = new double[g.unknown().size()];
    for (int i = 0; i < missing.length; i++) {
      String t = g.unknown().get(i);
      double boost = g.terms().getOrDefault(t, 1.0);
      // a word of the clause pointed back to counts half as much against it as one of the asking clause
      double place = boost < 1 ? 0.5 * boost : 1;
      // a word that is neither in the documents nor everyday English names something they don't cover; an everyday
      // word they don't use is more likely chatter
      missing[i] = rarest * place
          * (g.foreign().contains(t) ? Ranking.UNKNOWN_WEIGHT : Ranking.EVERYDAY_UNKNOWN_WEIGHT);
    }
    return new WeighedClause(known.stream().mapToInt(Integer::intValue).toArray(),
        weights.stream().mapToDouble(Double::doubleValue).toArray(), g.terms().size(), missing,
        (int) g.unknown().stream().filter(t -> !g.foreign().contains(t)).count(), Arrays.copyOf(isName, known.size()));
  }

  /**
   * The share of the clause's weight the statement {@link TopicHeld#read read} last holds. Words the corpus does not
   * hold count against it; a limit that answers what the clause asks for ("again", "on site") counts as one more term
   * held, and as no less than half the clause's weight.
   */
  double coverage(TopicHeld statement, boolean answersRequest) {
    double total = 0;
    double held = 0;
    int termsHeld = 0;
    boolean nameHeld = false;
    for (int i = 0; i < terms.length; i++) {
      total += weights[i];
      double h = statement.held(terms[i]);
      held += h * weights[i];
      termsHeld += h > 0 ? 1 : 0;
      nameHeld |= h > 0 && names[i];
    }
    if (termsHeld < 2 && !nameHeld && everydayMissing >= 2 && !answersRequest) {
      // one word in common is no answer where two or more everyday words of the clause are ones the documents never
      // use (each weighs little against a statement, as chat's words may be chatter; together they are the question),
      // unless it is the name of the product asked about
      return 0;
    }
    if (answersRequest && total > 0) {
      // what the question asks for beyond ("again", "on site", "five devices") is its point: a limit that answers it
      // counts as one more term held, and as at least half the weight of the clause's words, however many words of
      // scene the clause has around it
      double request = Math.max(total / size, total * REQUEST_SHARE);
      total += request;
      held += request;
    }
    for (double m : missing) {
      total += m;
    }
    return total == 0 ? 0 : held / total;
  }
}
