package com.scopebot.answer;

import com.scopebot.index.PassageIndex;
import java.util.List;

/**
 * How much of a question the statements read into a {@link TopicHeld} hold: the best asking clause's share, plus up to
 * {@link Ranking#CONTEXT_SHARE} for the context clauses' terms they also hold. One per question; not shared between
 * threads (it reads the question's {@link TopicHeld}).
 */
final class QuestionCoverage {

  private final TopicHeld held;
  private final List<WeighedClause> clauses;
  private final int[] contextSlots;
  /** Each context term's weight times its boost in the topic. */
  private final double[] contextWeights;
  private final double contextTotal;

  QuestionCoverage(Question q, PassageIndex index, TopicHeld held, List<WeighedClause> clauses) {
    this.held = held;
    this.clauses = clauses;
    String[] context = q.context().toArray(String[]::new);
    this.contextSlots = new int[context.length];
    this.contextWeights = new double[context.length];
    double total = 0;
    for (int i = 0; i < context.length; i++) {
      contextSlots[i] = held.slot(index.termId(context[i]));
      contextWeights[i] = index.weight(context[i]) * q.topic().get(context[i]);
      total += contextWeights[i];
    }
    this.contextTotal = total;
  }

  /**
   * The share of the question held.
   *
   * @param answersRequest a limit of the statement answers what the question asks for more of ("on site")
   */
  double coverage(boolean answersRequest) {
    double coverage = clauses.isEmpty() && answersRequest ? 1 : 0;
    for (WeighedClause clause : clauses) {
      coverage = Math.max(coverage, clause.coverage(held, answersRequest));
    }
    double contextHeld = 0;
    for (int i = 0; i < contextSlots.length; i++) {
      contextHeld += held.held(contextSlots[i]) * contextWeights[i];
    }
    return Math.min(1, coverage + (contextTotal > 0 ? Ranking.CONTEXT_SHARE * contextHeld / contextTotal : 0));
  }

  /** The mean share of the asking clauses held: a statement that answers every one ranks above one that answers one. */
  double spread(boolean answersRequest) {
    double all = 0;
    for (WeighedClause clause : clauses) {
      all += clause.coverage(held, answersRequest);
    }
    return clauses.isEmpty() ? 0 : all / clauses.size();
  }
}
