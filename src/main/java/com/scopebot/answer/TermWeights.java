package com.scopebot.answer;

import com.scopebot.index.PassageIndex;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The index weights of one question's terms, looked up once per question: ranking reads them for every candidate
 * statement, and a term the index does not hold would cost two term-dictionary lookups each time (the index caches
 * only its own terms, so that questions cannot grow its memory). Not shared between threads.
 */
final class TermWeights {

  private final Map<String, Double> weights = new HashMap<>();
  private final Map<String, Boolean> held = new HashMap<>();

  TermWeights(PassageIndex index, Set<String> terms) {
    for (String t : terms) {
      held.put(t, index.has(t));
      weights.put(t, index.weight(t));
    }
  }

  /** True when the index holds the term. */
  boolean held(String term) {
    return held.get(term);
  }

  /** The term's weight (see {@link PassageIndex#weight}). */
  double weight(String term) {
    return weights.get(term);
  }
}
