package com.scopebot.answer;

import com.scopebot.corpus.Holder;
import com.scopebot.corpus.PassageKind;
import com.scopebot.corpus.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How likely a committed verdict is right: a logistic model over what ranking and reasoning saw of the answer
 * ({@link Features}), fitted on eval sets ({@code scopebot calibrate}) and kept as named weights in
 * {@code src/main/resources/confidence.properties}, with the threshold below which the bot says "the documents don't
 * settle this" instead of a verdict.
 *
 * <p>Immutable and thread-safe.
 */
public final class Confidence {

  /** The names of the features, in the order of {@link Features#values()}. */
  public static final List<String> NAMES = List.of("coverage", "margin", "own", "grounds", "subject", "excludes",
      "inferred", "differ", "unknown", "context", "who", "info", "claim", "paragraph", "holderless", "guidance",
      "topic", "yes", "side");

  private final double bias;
  private final double[] weights;
  private final double threshold;

  /**
   * @param bias the model's intercept
   * @param weights one weight per feature, in the order of {@link #NAMES}
   * @param threshold committed answers less likely right than this are withheld
   */
  public Confidence(double bias, double[] weights, double threshold) {
    if (weights.length != NAMES.size()) {
      throw new IllegalArgumentException("need " + NAMES.size() + " weights, got " + weights.length);
    }
    if (!(threshold >= 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be within [0, 1), got " + threshold);
    }
    this.bias = bias;
    this.weights = weights.clone();
    this.threshold = threshold;
  }

  /** The fitted model the jar carries. */
  public static Confidence fitted() {
    try (InputStream in = Confidence.class.getResourceAsStream("/confidence.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing /confidence.properties");
      }
      Properties p = new Properties();
      p.load(in);
      return of(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /confidence.properties", e);
    }
  }

  /** A model from its properties: {@code bias}, {@code threshold} and {@code weight.NAME} for every feature. */
  public static Confidence of(Properties p) {
    double[] w = new double[NAMES.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = number(p, "weight." + NAMES.get(i));
    }
    return new Confidence(number(p, "bias"), w, number(p, "threshold"));
  }

  private static double number(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("confidence model lacks " + key);
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("confidence model's " + key + " is not a number: " + v, e);
    }
  }

  /** The model as properties, weights by name. */
  public Properties properties() {
    Properties p = new Properties();
    p.setProperty("bias", Double.toString(bias));
    p.setProperty("threshold", Double.toString(threshold));
    for (int i = 0; i < weights.length; i++) {
      p.setProperty("weight." + NAMES.get(i), Double.toString(weights[i]));
    }
    return p;
  }

  /** The chance that the verdict these features describe is right, 0..1. */
  public double probability(Features f) {
    return probability(f.values());
  }

  /** The chance for features given by value, in the order of {@link #NAMES}. */
  public double probability(double[] x) {
    double z = bias;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Committed answers less likely right than this are withheld. */
  public double threshold() {
    return threshold;
  }

  /**
   * What the confidence model reads of an answer, each scaled to about 0..1.
   *
   * @param coverage share of the asking clauses' weight the best statement holds
   * @param margin how far the best statement ranks above the next passage (capped at 1)
   * @param own share of the best statement's own words the question names
   * @param grounds 1 when the best statement grants, excludes or assigns (not a description or a link)
   * @param subject 1 when the best statement names its side in its own subject
   * @param excludes 1 when the best statement takes something out of the benefit
   * @param inferred 1 when the verdict is inferred from a limit the question goes beyond
   * @param differ 1 when the cited documents disagree
   * @param unknown words of the asking clauses the documents never use (two or more count 1)
   * @param context terms from context clauses, over five (capped at 1)
   * @param who 1 for a who-question
   * @param info 1 for a question after a fact
   * @param claim 1 for a claim to check
   * @param paragraph 1 when the best statement is narrative paragraph text
   * @param holderless 1 when the best statement names no side, by itself or its section
   * @param guidance 1 when FastTrack's part is guidance
   * @param topic topic terms over eight (capped at 1)
   * @param yes 1 when the verdict is "in scope": the verdict a wrong answer costs most
   * @param side 1 when the verdict names a side (customer, Microsoft, shared)
   */
  public record Features(double coverage, double margin, double own, double grounds, double subject, double excludes,
      double inferred, double differ, double unknown, double context, double who, double info, double claim,
      double paragraph, double holderless, double guidance, double topic, double yes, double side) {

    public double[] values() {
      return new double[] {coverage, margin, own, grounds, subject, excludes, inferred, differ, unknown, context, who,
          info, claim, paragraph, holderless, guidance, topic, yes, side};
    }

    /** The features by name, for explain. */
    public Map<String, Double> named() {
      Map<String, Double> out = new LinkedHashMap<>();
      double[] v = values();
      for (int i = 0; i < v.length; i++) {
        out.put(NAMES.get(i), Math.round(v[i] * 100) / 100.0);
      }
      return out;
    }

    /**
     * What the model reads of an answer: how well and how clearly its evidence answers the question, and which
     * verdict it reached.
     */
    static Features of(Question q, List<Ranking.Ranked> ranked, Reasoning.Outcome o) {
      Ranking.Ranked best = o.best();
      Verdict verdict = o.verdict();
      double next = Ranking.distinct(ranked).stream().filter(r -> r.passage() != best.passage())
          .mapToDouble(Ranking.Ranked::score).findFirst().orElse(best.score() - 1);
      Statement s = best.statement();
      return new Features(best.coverage(), capped(best.score() - next), best.own(), flag(s.kind().grounds()),
          flag(s.subjectHolder()), flag(s.polarity().excludes()), flag(o.beyond() != null), flag(o.differ()),
          capped(q.unknown().size() / 2.0), capped(q.context().size() / 5.0), flag(q.intent() == Intent.WHO),
          flag(q.intent() == Intent.INFO), flag(q.intent() == Intent.CLAIM),
          flag(best.passage().kind() == PassageKind.PARAGRAPH), flag(s.holder() == Holder.NONE), flag(s.guidance()),
          capped(q.topic().size() / 8.0), flag(verdict == Verdict.IN_SCOPE),
          flag(verdict == Verdict.CUSTOMER || verdict == Verdict.MICROSOFT || verdict == Verdict.SHARED));
    }

    static double flag(boolean b) {
      return b ? 1 : 0;
    }

    static double capped(double v) {
      return Math.max(0, Math.min(1, v));
    }
  }
}
