package com.scopebot.answer;

import java.util.List;
import java.util.Map;

/**
 * How a question was read and answered, for administrators ({@code ask --explain}, {@code "explain": true}).
 *
 * @param ask the clauses read as asking; the rest was context
 * @param intent what it asks for
 * @param topic the topic's index terms and how much each counts
 * @param unknown asking words the corpus does not hold
 * @param absent names the synonym map knows that the corpus never mentions
 * @param corrections typo corrections made
 * @param synonyms names recognised through the synonym map
 * @param top the best statements, best first
 * @param reason why the verdict
 * @param reading how much of the question was read: all of it, unless it was long (see {@link Reading})
 * @param features what the confidence model read of the answer ({@link Confidence.Features}), by name; empty when no
 *     verdict was reached
 * @param reached the verdict reasoning reached before the confidence model weighed it, or null when none was; it
 *     differs from the answer's when the answer was withheld as too unlikely to be right
 */
public record Explain(List<String> ask, Intent intent, Map<String, Double> topic, List<String> unknown,
    List<String> absent, List<String> corrections, List<String> synonyms, List<Scored> top, String reason,
    Reading reading, Map<String, Double> features, Verdict reached) {

  public Explain(List<String> ask, Intent intent, Map<String, Double> topic, List<String> unknown,
      List<String> absent, List<String> corrections, List<String> synonyms, List<Scored> top, String reason,
      Reading reading) {
    this(ask, intent, topic, unknown, absent, corrections, synonyms, top, reason, reading, Map.of(), null);
  }

  /** The same explanation with what the confidence model read and the verdict reasoning reached. */
  Explain weighed(Map<String, Double> named, Verdict verdict) {
    return new Explain(ask, intent, topic, unknown, absent, corrections, synonyms, top, reason, reading, named, verdict);
  }

  /**
   * One statement as ranked.
   *
   * @param statement the statement's words
   * @param document its document
   * @param line its passage's line
   * @param score the ranking score
   * @param coverage share of the asking terms' weight it holds
   * @param holder who holds it
   * @param polarity what it says about scope
   * @param limits its limits
   * @param kind what it does ({@link com.scopebot.corpus.StatementKind}), lower case
   * @param features what ranking added to its coverage, by {@link RankWeights#NAMES}: what ranking calibration fits
   */
  public record Scored(String statement, String document, int line, double score, double coverage, String holder,
      String polarity, List<String> limits, String kind, Map<String, Double> features) {}
}
