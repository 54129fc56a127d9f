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
 * @param smallTalk for a reply that is not a scope verdict (the verdict is then {@code unknown}), what kind it is: a
 *     greeting, thanks or a question about the bot itself ({@code greeting}, {@code thanks}, {@code help},
 *     {@code documents}: the answer says what the bot covers), "what changed" ({@code changes}), or a question
 *     refused as too long ({@code too_long}); else null
 * @param readAs for a follow-up ("and for a single forest?"), the question it was read as; else null
 * @param escalation for an unknown answer, where to ask a person, when the deployment names one; else null
 * @param asOf the date (ISO) the answer reads the documents as of, when the question or the caller named one; else
 *     null (the revisions in force today)
 * @param history the earlier revisions of the first cited statement, newest first, when its wording or place changed;
 *     else null
 * @param changes for a "what changed" reply ({@code smallTalk} {@code changes}), its steps with their links; else null
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
    Explain explain,
    String smallTalk,
    String readAs,
    String escalation,
    String asOf,
    List<HistoryStep> history,
    ChangeSummary changes) {

  public Answer {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(answer, "answer");
    citations = List.copyOf(citations);
    closest = List.copyOf(closest);
    history = history == null ? null : List.copyOf(history);
    if (verdict != Verdict.UNKNOWN && citations.isEmpty()) {
      throw new IllegalArgumentException("a " + verdict.wire() + " answer needs a citation");
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
    }
  }

  public Answer(String question, Verdict verdict, String answer, double confidence, List<Citation> citations,
      List<Citation> closest, Intent intent, boolean sourcesDiffer) {
    this(question, verdict, answer, confidence, citations, closest, intent, sourcesDiffer, null, null, null, null, null, null,
        null);
  }

  /** The same answer with how it was reached. */
  public Answer withExplain(Explain how) {
    return new Answer(question, verdict, answer, confidence, citations, closest, intent, sourcesDiffer, how, smallTalk,
        readAs, escalation, asOf, history, changes);
  }

  /** The same answer to the same question worded with other white space or case. */
  public Answer withQuestion(String asked) {
    return new Answer(asked, verdict, answer, confidence, citations, closest, intent, sourcesDiffer, explain,
        smallTalk, readAs, escalation, asOf, history, changes);
  }

  /** The answer to a follow-up, read as a whole question: asked as written, answered as read. */
  public Answer readAs(String asked, String read) {
    return new Answer(asked, verdict, "Reading this as: " + read + "\n" + answer, confidence, citations, closest, intent,
        sourcesDiffer, explain, smallTalk, read, escalation, asOf, history, changes);
  }

  /** The answer with the history of its first cited statement, said in one line. */
  public Answer withHistory(List<HistoryStep> steps, String said) {
    return new Answer(question, verdict, answer + " " + said, confidence, citations, closest, intent, sourcesDiffer,
        explain, smallTalk, readAs, escalation, asOf, steps, changes);
  }

  /** The answer read from the revisions in force on a date, saying so first. */
  public Answer asOf(String date, String said) {
    return new Answer(question, verdict, said + " " + answer, confidence, citations, closest, intent, sourcesDiffer,
        explain, smallTalk, readAs, escalation, date, history, changes);
  }

  /** An unknown answer that also says where to ask a person; any other answer unchanged. */
  public Answer withEscalation(String where) {
    if (verdict != Verdict.UNKNOWN || smallTalk != null || where == null || where.isBlank()) {
      return this;
    }
    return new Answer(question, verdict, answer + " To ask a person: " + where + ".", confidence, citations, closest,
        intent, sourcesDiffer, explain, smallTalk, readAs, where, asOf, history, changes);
  }

  /** A reply to small talk or a question about the bot: what it covers, not a scope verdict. */
  static Answer smallTalk(String question, String kind, String text) {
    return new Answer(question, Verdict.UNKNOWN, text, 0, List.of(), List.of(), Intent.OTHER, false, null, kind, null,
        null, null, null, null);
  }

  /** The reply to "what changed?": its text says the summary in words, and the summary itself is kept for links. */
  static Answer changes(String question, ChangeSummary summary) {
    return new Answer(question, Verdict.UNKNOWN, summary.text(), 0, List.of(), List.of(), Intent.OTHER, false, null,
        "changes", null, null, null, null, summary);
  }

  /** The same answer with its links to the bot's own pages made absolute under its public address (or null). */
  public Answer withPublicUrl(String base) {
    if (changes == null || base == null) {
      return this;
    }
    return new Answer(question, verdict, answer, confidence, citations, closest, intent, sourcesDiffer, explain,
        smallTalk, readAs, escalation, asOf, history, changes.withBase(base));
  }

  /** An honest "I don't know", with the nearest passages when there are any. */
  static Answer unknown(String question, String answer, double confidence, List<Citation> closest, Intent intent) {
    return new Answer(question, Verdict.UNKNOWN, answer, confidence, List.of(), closest, intent, false);
  }
}
