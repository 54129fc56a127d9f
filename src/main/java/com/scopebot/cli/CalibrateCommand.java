package com.scopebot.cli;

import com.scopebot.answer.Answer;
import com.scopebot.answer.Answerer;
import com.scopebot.answer.Confidence;
import com.scopebot.answer.RankWeights;
import com.scopebot.corpus.CorpusException;
import com.scopebot.eval.ConfidenceFit;
import com.scopebot.eval.Evaluation;
import com.scopebot.eval.RankingFit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Fits the confidence model on eval sets and reports how it does on sets it was not fitted on. */
@Command(name = "calibrate", description = {
    "Fits the confidence model (a logistic regression of 'the verdict was right' on what ranking and reasoning saw)"
        + " on the --tune sets, chooses the threshold below which answers are withheld for the --precision asked,"
        + " and reports precision and coverage on the --holdout sets. A set is FILE.jsonl, or FILE.jsonl=DIR to"
        + " answer it with DIR's documents added to the corpus."})
final class CalibrateCommand implements Callable<Integer> {
  @CommandLine.Mixin Main.CorpusOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--tune", paramLabel = "SET", arity = "1..*", required = true,
      description = "Sets to fit on (FILE.jsonl or FILE.jsonl=EXTRA_DIR).")
  List<String> tune;

  @Option(names = "--holdout", paramLabel = "SET", arity = "1..*",
      description = "Sets to report on, never fitted on.")
  List<String> holdout = new ArrayList<>();

  @Option(names = "--precision", defaultValue = "0.95",
      description = "Share of committed answers that must be right on the tune sets (default: ${DEFAULT-VALUE}).")
  double precision;

  @Option(names = "--cost", defaultValue = "NaN",
      description = "Choose the threshold by worth instead of --precision: a right verdict is worth 1, a wrong one"
          + " -COST, a withheld one 0 (1 where the case accepts 'unknown').")
  double cost;

  @Option(names = "--lambda", defaultValue = "1.0", description = "L2 penalty on the weights (default: ${DEFAULT-VALUE}).")
  double lambda;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the fitted model here (properties).")
  Path out;

  @Option(names = "--ranking", description = "Fit ranking's weights instead (a pairwise logistic regression of 'the"
      + " statement holding an expected quote ranks above this other candidate', pulled towards the weights in use"
      + " by --lambda), reporting how many questions rank an expected quote first.")
  boolean ranking;

  /** One question of a set: what the model reads of its answer, or null when no verdict was reached. */
  private record Seen(ConfidenceFit.Example example) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    if (ranking) {
      return fitRanking(w);
    }
    List<Seen> tuned = new ArrayList<>();
    for (String set : tune) {
      tuned.addAll(read(set));
    }
    List<ConfidenceFit.Example> examples = tuned.stream().filter(s -> s.example() != null).map(Seen::example).toList();
    Confidence model = ConfidenceFit.fit(examples, lambda, precision, cost);
    w.printf(Locale.ROOT, "fitted on %d answers with a verdict (%d questions); threshold %.3f%n", examples.size(),
        tuned.size(), model.threshold());
    model.properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
        .forEach(line -> w.println("  " + line));
    report(w, "tune", tuned, model);
    List<Seen> held = new ArrayList<>();
    for (String set : holdout) {
      List<Seen> one = read(set);
      report(w, set, one, model);
      held.addAll(one);
    }
    if (!held.isEmpty()) {
      report(w, "holdout (all)", held, model);
    }
    if (out != null) {
      try (OutputStream o = Files.newOutputStream(out)) {
        model.properties().store(o, "confidence model fitted by scopebot calibrate on " + String.join(" ", tune)
            + (Double.isNaN(cost) ? " (precision " + precision : " (cost " + cost) + ", lambda " + lambda + ")");
      }
      w.println("wrote " + out);
    }
    w.flush();
    return 0;
  }

  /** Committed answers' precision and coverage under the model, and its calibration by band. */
  private static void report(PrintWriter w, String name, List<Seen> seen, Confidence model) {
    int committed = 0;
    int right = 0;
    int confident = 0;
    int confidentRight = 0;
    double[] sum = new double[5];
    int[] n = new int[5];
    int[] ok = new int[5];
    for (Seen s : seen) {
      if (s.example() == null) {
        continue;
      }
      double p = model.probability(s.example().x());
      int band = Math.min(4, (int) (p * 5));
      sum[band] += p;
      n[band]++;
      ok[band] += s.example().right() ? 1 : 0;
      if (p >= model.threshold()) {
        committed++;
        right += s.example().right() ? 1 : 0;
      }
      if (p >= 0.8) {
        confident++;
        confidentRight += s.example().right() ? 1 : 0;
      }
    }
    w.printf(Locale.ROOT, "%s: %d questions; committed %d (%.0f%%), right %d (%.1f%%); confidence >= 0.8: %d (%.0f%%),"
            + " right %.1f%%%n", name, seen.size(), committed, 100.0 * committed / Math.max(1, seen.size()), right,
        100.0 * right / Math.max(1, committed), confident, 100.0 * confident / Math.max(1, seen.size()),
        100.0 * confidentRight / Math.max(1, confident));
    for (int b = 0; b < 5; b++) {
      if (n[b] > 0) {
        w.printf(Locale.ROOT, "  [%.1f,%.1f%s  %3d answers  mean chance %.2f  right %.2f%n", b / 5.0, (b + 1) / 5.0,
            b == 4 ? "]" : ")", n[b], sum[b] / n[b], (double) ok[b] / n[b]);
      }
    }
  }

  private int fitRanking(PrintWriter w) throws IOException, CorpusException {
    RankWeights prior = RankWeights.fitted();
    List<RankingFit.Ranked> tuned = new ArrayList<>();
    for (String set : tune) {
      tuned.addAll(ranked(set));
    }
    RankWeights fitted = RankingFit.fit(tuned, prior, lambda);
    w.printf(Locale.ROOT, "fitted on %d questions with expected quotes%n", tuned.size());
    for (int i = 0; i < RankWeights.NAMES.size(); i++) {
      w.printf(Locale.ROOT, "  weight.%s=%.4f (was %.4f)%n", RankWeights.NAMES.get(i), fitted.values()[i],
          prior.values()[i]);
    }
    reportRanking(w, "tune", tuned, prior, fitted);
    for (String set : holdout) {
      reportRanking(w, set, ranked(set), prior, fitted);
    }
    if (out != null) {
      try (OutputStream o = Files.newOutputStream(out)) {
        fitted.properties().store(o, "ranking weights fitted by scopebot calibrate --ranking on " + String.join(" ", tune)
            + " (lambda " + lambda + ")");
      }
      w.println("wrote " + out);
    }
    w.flush();
    return 0;
  }

  private static void reportRanking(PrintWriter w, String name, List<RankingFit.Ranked> questions, RankWeights prior,
      RankWeights fitted) {
    w.printf(Locale.ROOT, "%s: %d questions; an expected quote ranked first %d before, %d fitted%n", name,
        questions.size(), RankingFit.firstRight(questions, prior), RankingFit.firstRight(questions, fitted));
  }

  /** The explained candidates of each question of a set that expects quotes. */
  private List<RankingFit.Ranked> ranked(String set) throws IOException, CorpusException {
    int eq = set.indexOf('=');
    Path file = Path.of(eq < 0 ? set : set.substring(0, eq));
    Answerer answerer = options.load(eq < 0 ? List.of() : List.of(Path.of(set.substring(eq + 1))));
    List<RankingFit.Ranked> out = new ArrayList<>();
    for (Evaluation.Case c : Evaluation.read(file)) {
      Answer a = answerer.explain(c.question());
      if (!c.quotes().isEmpty() && a.explain() != null && !a.explain().top().isEmpty()) {
        out.add(RankingFit.Ranked.of(a.explain().top(), c.quotes()));
      }
    }
    return out;
  }

  private List<Seen> read(String set) throws IOException, CorpusException {
    int eq = set.indexOf('=');
    Path file = Path.of(eq < 0 ? set : set.substring(0, eq));
    Answerer answerer = options.load(eq < 0 ? List.of() : List.of(Path.of(set.substring(eq + 1))));
    List<Seen> out = new ArrayList<>();
    for (Evaluation.Case c : Evaluation.read(file)) {
      Answer a = answerer.explain(c.question());
      ConfidenceFit.Example example = null;
      if (a.explain() != null && a.explain().reached() != null) {
        Map<String, Double> f = a.explain().features();
        double[] x = Confidence.NAMES.stream().mapToDouble(name -> f.getOrDefault(name, 0.0)).toArray();
        example = new ConfidenceFit.Example(x, c.verdicts().contains(a.explain().reached().wire()),
            c.verdicts().contains("unknown"));
      }
      out.add(new Seen(example));
    }
    return out;
  }
}
