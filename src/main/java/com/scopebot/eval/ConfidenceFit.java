package com.scopebot.eval;

import com.scopebot.answer.Confidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fits the confidence model: an L2-regularised logistic regression of "the verdict reached was right" on the answer's
 * {@link Confidence.Features}, by Newton's method (a few dozen features and hundreds of answers: exact and fast), and
 * the threshold at which committed answers reach a target precision.
 */
public final class ConfidenceFit {

  /**
   * One answer the fit learns from: what the model reads of it, whether the verdict reached was accepted, and whether
   * "the documents don't say" would have been.
   */
  public record Example(double[] x, boolean right, boolean unknownAccepted) {}

  private ConfidenceFit() {}

  /**
   * The fitted model.
   *
   * @param examples answers that reached a verdict, with whether it was right
   * @param lambda the L2 penalty on the weights (not the bias)
   * @param precision the share of committed answers that must be right: the threshold is the lowest chance at which
   *     the answers at or above it reach it on these examples
   */
  public static Confidence fit(List<Example> examples, double lambda, double precision) {
    return fit(examples, lambda, precision, Double.NaN);
  }

  /**
   * The fitted model, its threshold chosen by what answers are worth when {@code cost} is a number: a right verdict
   * counts 1, a wrong one counts {@code -cost}, a withheld one 0 (1 when the case accepts "unknown"), and the threshold
   * is the one that makes the sum largest on these examples. With {@code cost} NaN, by {@code precision} as above.
   */
  public static Confidence fit(List<Example> examples, double lambda, double precision, double cost) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to fit");
    }
    int d = Confidence.NAMES.size() + 1; // bias first
    double[] w = new double[d];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (Example e : examples) {
        double[] x = withBias(e.x());
        double p = sigmoid(dot(w, x));
        double y = e.right() ? 1 : 0;
        for (int i = 0; i < d; i++) {
          gradient[i] += (p - y) * x[i];
          for (int j = 0; j < d; j++) {
            hessian[i][j] += p * (1 - p) * x[i] * x[j];
          }
        }
      }
      for (int i = 1; i < d; i++) {
        gradient[i] += lambda * w[i];
        hessian[i][i] += lambda;
      }
      hessian[0][0] += 1e-6;
      if (newtonStep(w, hessian, gradient) < 1e-7) {
        break;
      }
    }
    double[] weights = new double[d - 1];
    System.arraycopy(w, 1, weights, 0, d - 1);
    Confidence unthresholded = new Confidence(w[0], weights, 0);
    double threshold = Double.isNaN(cost) ? threshold(unthresholded, examples, precision)
        : worthiest(unthresholded, examples, cost);
    return new Confidence(w[0], weights, threshold);
  }

  /** The threshold that makes the answers worth most (see {@link #fit(List, double, double, double)}). */
  static double worthiest(Confidence model, List<Example> examples, double cost) {
    double best = 0;
    double bestWorth = Double.NEGATIVE_INFINITY;
    for (int step = 0; step <= 99; step++) {
      double t = step / 100.0;
      double worth = 0;
      for (Example e : examples) {
        if (probability(model, e) >= t) {
          worth += e.right() ? 1 : -cost;
        } else {
          worth += e.unknownAccepted() ? 1 : 0;
        }
      }
      if (worth > bestWorth + 1e-9) {
        bestWorth = worth;
        best = t;
      }
    }
    return best;
  }

  /** The lowest chance at which the answers at or above it are right at least {@code precision} of the time. */
  static double threshold(Confidence model, List<Example> examples, double precision) {
    List<double[]> scored = new ArrayList<>(); // {chance, right}
    for (Example e : examples) {
      scored.add(new double[] {probability(model, e), e.right() ? 1 : 0});
    }
    scored.sort(Comparator.comparingDouble((double[] s) -> s[0]).reversed());
    double best = scored.get(0)[0]; // at worst, only the likeliest answer is committed
    int right = 0;
    for (int i = 0; i < scored.size(); i++) {
      right += (int) scored.get(i)[1];
      boolean lastOfTies = i + 1 == scored.size() || scored.get(i + 1)[0] < scored.get(i)[0];
      if (lastOfTies && right >= precision * (i + 1)) {
        best = scored.get(i)[0];
      }
    }
    return Math.min(0.99, best);
  }

  static double probability(Confidence model, Example e) {
    return model.probability(e.x());
  }

  private static double[] withBias(double[] x) {
    double[] out = new double[x.length + 1];
    out[0] = 1;
    System.arraycopy(x, 0, out, 1, x.length);
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Takes one Newton step on {@code w} and returns its largest change, by which the caller knows it has converged. */
  static double newtonStep(double[] w, double[][] hessian, double[] gradient) {
    double[] step = solve(hessian, gradient);
    double size = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] -= step[i];
      size = Math.max(size, Math.abs(step[i]));
    }
    return size;
  }

  /** Solves a x = b by Gaussian elimination with partial pivoting (a is small, symmetric and positive definite). */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      if (Math.abs(m[col][col]) < 1e-12) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int c = col; c <= n; c++) {
            m[r][c] -= f * m[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
    }
    return x;
  }
}
