package com.scopebot.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * What every channel renders: a verdict, a short answer and the passages it rests on (see the answer contract).
 *
 * @param question the question as asked
 * @param verdict the verdict
 * @param answer a short answer for people
 * @param confidence how well the best passage matches the question, 0..1
 * @param citations the passages the verdict rests on, best first; empty exactly when the verdict is unknown
 * @param closest for an unknown verdict, the nearest passages found ("closest I found"); they support nothing
 * @param intent what the question asked for
 * @param sourcesDiffer true when the cited documents or revisions disagree
 * @param explain how the question was read and why the verdict, when asked for; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(
    String question,
    Verdict verdict,
    String answer,
    double confidence,
    List<Citation> citations,
    List<Citation> closest,
    Intent intent,
    boolean sourcesDiffer,
    Explain explain) {

  public Answer {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(answer, "answer");
    citations = List.copyOf(citations);
    closest = List.copyOf(closest);
    if (verdict != Verdict.UNKNOWN && citations.isEmpty()) {
      throw new IllegalArgumentException("a " + verdict.wire() + " answer needs a citation");
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
    }
  }

  public Answer(String question, Verdict verdict, String answer, double confidence, List<Citation> citations,
      List<Citation> closest, Intent intent, boolean sourcesDiffer) {
    this(question, verdict, answer, confidence, citations, closest, intent, sourcesDiffer, null);
  }

  /** The same answer with how it was reached. */
  public Answer withExplain(Explain how) {
    return new Answer(question, verdict, answer, confidence, citations, closest, intent, sourcesDiffer, how);
  }

  /** The same answer to the same question worded with other white space or case. */
  public Answer withQuestion(String asked) {
    return new Answer(asked, verdict, answer, confidence, citations, closest, intent, sourcesDiffer, explain);
  }

  /** An honest "I don't know", with the nearest passages when there are any. */
  static Answer unknown(String question, String answer, double confidence, List<Citation> closest, Intent intent) {
    return new Answer(question, Verdict.UNKNOWN, answer, confidence, List.of(), closest, intent, false);
  }
}
