package com.scopebot.eval;

import com.scopebot.answer.Answer;
import java.util.ArrayList;
import java.util.List;

/**
 * One eval file's cases and the answers given to them, in the same order, with the report {@code eval} prints.
 *
 * @param name the file as the user named it; heads its report when several files are scored together
 */
public record EvalFile(String name, List<Evaluation.Case> cases, List<Answer> answers) {

  public EvalFile {
    if (cases.size() != answers.size()) {
      throw new IllegalArgumentException("answers: " + answers.size() + " for " + cases.size() + " questions in " + name);
    }
    cases = List.copyOf(cases);
    answers = List.copyOf(answers);
  }

  public Evaluation.Score score() {
    return Evaluation.score(cases, answers);
  }

  public Calibration calibration() {
    return Calibration.of(cases, answers);
  }

  /** score.py's lines (misses first), then the calibration table. */
  public String report() {
    return score().report() + calibration().table();
  }

  /** Every file's cases and answers as one set named "all", in order. */
  public static EvalFile all(List<EvalFile> files) {
    List<Evaluation.Case> cases = new ArrayList<>();
    List<Answer> answers = new ArrayList<>();
    for (EvalFile f : files) {
      cases.addAll(f.cases());
      answers.addAll(f.answers());
    }
    return new EvalFile("all", cases, answers);
  }

  /**
   * The report of one file, or of several: each file's report under {@code == NAME}, then {@code == all} with the
   * figures of all their cases together (counts summed, the median over every quote) and their calibration table;
   * the misses are not repeated there.
   */
  public static String report(List<EvalFile> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no eval files to report on");
    }
    if (files.size() == 1) {
      return files.get(0).report();
    }
    StringBuilder sb = new StringBuilder();
    for (EvalFile f : files) {
      sb.append("== ").append(f.name()).append('\n').append(f.report()).append('\n');
    }
    EvalFile all = all(files);
    return sb.append("== all\n").append(all.score().figures()).append(all.calibration().table()).toString();
  }
}
