package com.scopebot.eval;

import com.scopebot.answer.Answer;
import com.scopebot.answer.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How often the verdict is right in each band of the answers' confidence: whether a confident answer deserves more
 * trust than a hesitant one. Right counts accepted verdicts (an accepted "unknown" too), wrong counts committed
 * verdicts the case does not accept (as score.py does), and accuracy is right / answers.
 *
 * @param bands the bands, lowest confidence first
 */
public record Calibration(List<Band> bands) {

  /** Lower bounds of the bands; each runs to the next bound, the last to 1.0 inclusive. */
  private static final double[] BOUNDS = {0.0, 0.2, 0.4, 0.6, 0.8};

  private static final String ROW = "%-10s %8s %10s %6s %6s %9s%n";

  /**
   * The answers whose confidence fell in one band, and how they fared.
   *
   * @param from lowest confidence of the band, inclusive
   * @param to highest confidence, exclusive except for the last band (1.0)
   * @param committed answers with a verdict other than "unknown"
   */
  public record Band(double from, double to, int answers, int committed, int right, int wrong) {

    public Band {
      if (!(0 <= from && from < to && to <= 1)) {
        throw new IllegalArgumentException("band must lie within 0..1, got [" + from + "," + to + "]");
      }
    }

    Band with(Evaluation.Case c, Answer a) {
      return new Band(from, to, answers + 1, committed + (a.verdict() == Verdict.UNKNOWN ? 0 : 1),
          right + (c.accepts(a) ? 1 : 0), wrong + (c.committedWrong(a) ? 1 : 0));
    }

    /** {@code [0.2,0.4)}, or {@code [0.8,1.0]} for the band that holds 1.0. */
    public String label() {
      return String.format(Locale.ROOT, "[%.1f,%.1f%s", from, to, to == 1 ? "]" : ")");
    }

    /** right / answers as a whole percentage, or "-" for an empty band. */
    public String accuracy() {
      return answers == 0 ? "-" : Math.round(100.0 * right / answers) + "%";
    }
  }

  public Calibration {
    bands = List.copyOf(bands);
  }

  /** Places each answer, one per case in the same order, in the band of its confidence. */
  public static Calibration of(List<Evaluation.Case> cases, List<Answer> answers) {
    if (cases.size() != answers.size()) {
      throw new IllegalArgumentException("answers: " + answers.size() + " for " + cases.size() + " questions");
    }
    List<Band> bands = new ArrayList<>();
    for (int i = 0; i < BOUNDS.length; i++) {
      bands.add(new Band(BOUNDS[i], i + 1 < BOUNDS.length ? BOUNDS[i + 1] : 1.0, 0, 0, 0, 0));
    }
    for (int i = 0; i < cases.size(); i++) {
      int band = bandOf(answers.get(i).confidence());
      bands.set(band, bands.get(band).with(cases.get(i), answers.get(i)));
    }
    return new Calibration(bands);
  }

  /** Compared with the bounds themselves, so 0.6 lands in [0.6,0.8) whatever 0.6 * 5 rounds to. */
  private static int bandOf(double confidence) {
    int band = 0;
    while (band + 1 < BOUNDS.length && confidence >= BOUNDS[band + 1]) {
      band++;
    }
    return band;
  }

  /** A header line, then one line per band. */
  public String table() {
    StringBuilder sb = new StringBuilder(
        String.format(Locale.ROOT, ROW, "confidence", "answers", "committed", "right", "wrong", "accuracy"));
    for (Band b : bands) {
      sb.append(String.format(Locale.ROOT, ROW, b.label(), b.answers(), b.committed(), b.right(), b.wrong(),
          b.accuracy()));
    }
    return sb.toString();
  }
}
