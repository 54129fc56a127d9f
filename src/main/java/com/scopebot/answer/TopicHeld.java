package com.scopebot.answer;

import com.scopebot.index.PassageIndex;
import com.scopebot.index.PassageIndex.Entry;
import java.util.Arrays;

/**
 * Which of a question's topic terms one candidate statement holds, and how firmly: found in one pass over the
 * statement's sorted term ids against the topic's sorted ids, instead of a search per term per asking clause. One per
 * question; {@link #read} reuses it for each candidate. Not shared between threads.
 */
final class TopicHeld {

  /** The ids of the question's topic terms that statements hold, sorted. */
  private final int[] ids;
  /** For the candidate last read, by position in {@link #ids}: 1 in its own words, less in its context only, else 0. */
  private final double[] held;
  /** For the candidate last read: the weights of its own terms that are topic terms, added in its terms' order. */
  private double ownWeightHeld;

  TopicHeld(int[] sortedIds) {
    this.ids = sortedIds;
    this.held = new double[sortedIds.length];
  }

  /** Where a term's id sits among the topic's, or -1 when the topic does not hold it (it then counts as not held). */
  int slot(int termId) {
    int at = termId < 0 ? -1 : Arrays.binarySearch(ids, termId);
    return at < 0 ? -1 : at;
  }

  /** Reads which topic terms a statement holds. */
  void read(Entry e) {
    Arrays.fill(held, 0);
    ownWeightHeld = add(e);
  }

  /**
   * Adds what another statement holds to what the statement last read holds: the two read as one piece of evidence
   * ({@link JointEvidence}). Returns the weights of the added statement's own terms that the topic names.
   */
  double add(Entry e) {
    int[] context = e.contextIds();
    for (int i = 0, k = 0; i < context.length && k < ids.length; i++) {
      while (k < ids.length && ids[k] < context[i]) {
        k++;
      }
      if (k < ids.length && ids[k] == context[i]) {
        held[k] = Math.max(held[k], PassageIndex.CONTEXT_WEIGHT);
      }
    }
    int[] own = e.textIds();
    double[] weights = e.textWeights();
    double weightHeld = 0;
    for (int i = 0, k = 0; i < own.length && k < ids.length; i++) {
      while (k < ids.length && ids[k] < own[i]) {
        k++;
      }
      if (k < ids.length && ids[k] == own[i]) {
        held[k] = 1;
        weightHeld += weights[i];
      }
    }
    return weightHeld;
  }

  /** Counts the term at a {@link #slot} as held by the statement last read, whatever its words. */
  void hold(int slot) {
    if (slot >= 0) {
      held[slot] = 1;
    }
  }

  /**
   * How firmly the statement last read holds the term at a {@link #slot}: 1, {@link PassageIndex#CONTEXT_WEIGHT} or
   * 0.
   */
  double held(int slot) {
    return slot < 0 ? 0 : held[slot];
  }

  /** The weights of the last statement's own terms that the topic names, added up in its terms' order. */
  double ownWeightHeld() {
    return ownWeightHeld;
  }
}
