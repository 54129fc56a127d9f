package com.scopebot.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * What each of ranking's features adds to a statement's score, whose base is its coverage of the question (0 to 1):
 * named weights kept in {@code src/main/resources/ranking.properties}, where each feature is described. They are set by
 * hand; {@code scopebot calibrate --ranking} refits them on eval sets and reports whether the fit ranks better.
 *
 * <p>Immutable and thread-safe.
 */
public final class RankWeights {

  /** The features' names, in the order {@link Ranking} computes them. */
  public static final List<String> NAMES = List.of("spread", "own", "same_forest", "other_forest", "unasked_forest",
      "who_holder", "answer_type", "lead_in", "not_grounding", "superseded", "answers_request", "absence", "paragraph",
      "year", "doublings", "who_doer");

  static final int SPREAD = 0;
  static final int OWN = 1;
  static final int SAME_FOREST = 2;
  static final int OTHER_FOREST = 3;
  static final int UNASKED_FOREST = 4;
  static final int WHO_HOLDER = 5;
  static final int ANSWER_TYPE = 6;
  static final int LEAD_IN = 7;
  static final int NOT_GROUNDING = 8;
  static final int SUPERSEDED = 9;
  static final int ANSWERS_REQUEST = 10;
  static final int ABSENCE = 11;
  static final int PARAGRAPH = 12;
  static final int YEAR = 13;
  static final int DOUBLINGS = 14;
  static final int WHO_DOER = 15;

  private static final String RESOURCE = "/ranking.properties";

  private final double[] weights;

  /** @param weights one weight per feature, in the order of {@link #NAMES} */
  public RankWeights(double[] weights) {
    if (weights.length != NAMES.size()) {
      throw new IllegalArgumentException("need " + NAMES.size() + " ranking weights, got " + weights.length);
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("ranking weights must be finite numbers");
      }
    }
    this.weights = weights.clone();
  }

  /** The weights the jar carries. */
  public static RankWeights fitted() {
    try (InputStream in = RankWeights.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      Properties p = new Properties();
      p.load(in);
      return of(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Weights from properties: {@code weight.NAME} for every feature. */
  public static RankWeights of(Properties p) {
    double[] w = new double[NAMES.size()];
    for (int i = 0; i < w.length; i++) {
      String key = "weight." + NAMES.get(i);
      String v = p.getProperty(key);
      if (v == null) {
        throw new IllegalArgumentException("ranking weights lack " + key);
      }
      try {
        w[i] = Double.parseDouble(v.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ranking weight " + key + " is not a number: " + v, e);
      }
    }
    return new RankWeights(w);
  }

  /** The weights as properties, by name. */
  public Properties properties() {
    Properties p = new Properties();
    for (int i = 0; i < weights.length; i++) {
      p.setProperty("weight." + NAMES.get(i), Double.toString(weights[i]));
    }
    return p;
  }

  /** The weights, in the order of {@link #NAMES}. */
  public double[] values() {
    return weights.clone();
  }

  /** A statement's ranking score: its coverage plus what its features add. */
  double score(double coverage, double[] features) {
    double s = coverage;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i] * features[i];
    }
    return s;
  }
}
