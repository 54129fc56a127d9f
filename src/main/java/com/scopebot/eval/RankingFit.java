package com.scopebot.eval;

import com.scopebot.answer.Explain;
import com.scopebot.answer.RankWeights;
import java.util.List;
import java.util.Map;

/**
 * Fits ranking's weights ({@link RankWeights}) on questions whose expected quotes are known: a pairwise logistic
 * regression (as RankNet) of "the statement holding an expected quote ranks above this other candidate", whose score
 * difference is the coverage difference plus the weighted feature differences. An L2 penalty pulls each weight towards
 * a prior (the weights in use), so a weight moves only as far as the questions argue for; Newton's method, since a
 * few features and a few thousand pairs make it exact and fast.
 */
public final class RankingFit {

  /**
   * One question's candidates as ranked, best first: each one's coverage and features, and whether it states one of
   * the expected quotes.
   */
  public record Ranked(double[] coverage, double[][] features, boolean[] expected) {
    public Ranked {
      if (coverage.length != features.length || coverage.length != expected.length) {
        throw new IllegalArgumentException("one coverage, feature row and mark per candidate");
      }
    }

    /** The candidates of an explained answer, marked by whether they state one of the quotes. */
    public static Ranked of(List<Explain.Scored> top, List<String> quotes) {
      int n = top.size();
      double[] coverage = new double[n];
      double[][] features = new double[n][];
      boolean[] expected = new boolean[n];
      for (int i = 0; i < n; i++) {
        Explain.Scored s = top.get(i);
        coverage[i] = s.coverage();
        features[i] = vector(s.features());
        String text = Evaluation.norm(s.statement());
        expected[i] = !text.isEmpty()
            && quotes.stream().map(Evaluation::norm).anyMatch(q -> text.contains(q) || q.contains(text));
      }
      return new Ranked(coverage, features, expected);
    }

    /** The first candidate stating an expected quote, or -1. */
    int firstExpected() {
      for (int i = 0; i < expected.length; i++) {
        if (expected[i]) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The scale of the prior: how sure the logistic loss is of an order one unit of coverage apart. */
  static final double SCALE = 10;

  private RankingFit() {}

  private static double[] vector(Map<String, Double> named) {
    return RankWeights.NAMES.stream().mapToDouble(name -> named.getOrDefault(name, 0.0)).toArray();
  }

  /**
   * The fitted weights.
   *
   * @param questions questions' candidates; those where no candidate, or every candidate, states a quote teach nothing
   * @param prior the weights the penalty pulls towards
   * @param lambda the L2 penalty
   */
  public static RankWeights fit(List<Ranked> questions, RankWeights prior, double lambda) {
    // the coverage's own weight is fitted too (its prior SCALE), then every weight is divided by it: the logistic loss
    // sets the scale of the scores, ranking keeps coverage's weight at 1
    double[] p = new double[prior.values().length + 1];
    p[0] = SCALE;
    for (int i = 1; i < p.length; i++) {
      p[i] = SCALE * prior.values()[i - 1];
    }
    int d = p.length;
    double[] w = p.clone();
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (Ranked q : questions) {
        int g = q.firstExpected();
        if (g < 0) {
          continue;
        }
        for (int j = 0; j < q.expected().length; j++) {
          if (q.expected()[j]) {
            continue;
          }
          double[] diff = new double[d];
          diff[0] = q.coverage()[g] - q.coverage()[j];
          for (int i = 1; i < d; i++) {
            diff[i] = q.features()[g][i - 1] - q.features()[j][i - 1];
          }
          double z = 0;
          for (int i = 0; i < d; i++) {
            z += w[i] * diff[i];
          }
          double s = 1 / (1 + Math.exp(-z));
          for (int i = 0; i < d; i++) {
            gradient[i] -= (1 - s) * diff[i];
            for (int k = 0; k < d; k++) {
              hessian[i][k] += s * (1 - s) * diff[i] * diff[k];
            }
          }
        }
      }
      for (int i = 0; i < d; i++) {
        gradient[i] += lambda * (w[i] - p[i]);
        hessian[i][i] += lambda;
      }
      if (ConfidenceFit.newtonStep(w, hessian, gradient) < 1e-9) {
        break;
      }
    }
    if (!(w[0] > 0)) {
      throw new IllegalStateException("the questions rank against coverage: no weights fitted");
    }
    double[] out = new double[d - 1];
    for (int i = 1; i < d; i++) {
      out[i - 1] = w[i] / w[0];
    }
    return new RankWeights(out);
  }

  /** How many of the questions rank a statement stating an expected quote first under the given weights. */
  public static int firstRight(List<Ranked> questions, RankWeights weights) {
    double[] w = weights.values();
    int right = 0;
    for (Ranked q : questions) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < q.expected().length; j++) {
        double s = q.coverage()[j];
        for (int i = 0; i < w.length; i++) {
          s += w[i] * q.features()[j][i];
        }
        if (s > bestScore) {
          bestScore = s;
          best = j;
        }
      }
      right += best >= 0 && q.expected()[best] ? 1 : 0;
    }
    return right;
  }
}
