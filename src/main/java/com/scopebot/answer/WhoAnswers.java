package com.scopebot.answer;

import com.scopebot.answer.Ranking.Ranked;
import com.scopebot.corpus.Classifier;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.JointWork;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.Statements;
import com.scopebot.corpus.WordList;
import com.scopebot.index.PassageIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side a who-question gets from the statement that answers it ("who configures the sign-in method?"): the
 * customer, Microsoft, both, or none named. What excludes or requires came first ({@link Reasoning}); this reads the
 * statement's own sides. Thread-safe.
 */
final class WhoAnswers {

  /** A statement that names a side lends it to a who-answer when it holds nearly as much of the question. */
  static final double HOLDER_MARGIN = 0.15;

  /** An item that opens with a verb of advising ({@code words/advisory-verbs.txt}). */
  private static final Pattern ADVISES = Regex.compile(WordList.load("advisory-verbs").openingRegex());

  /** The verbs of a who-question that asks for the adviser ({@code words/advice-asked.txt}): "who tells us …?". */
  private static final Set<String> ADVICE_ASKED = Set.copyOf(WordList.load("advice-asked").phrases());

  /** The way the work is done, not the work: "(we do it) with their guidance", "with FastTrack's help". */
  private static final Pattern GUIDED = Regex.compile(
      "\\bwith (?:their|your|its|the|fasttrack's|ft's|microsoft's|fasttrack|ft|microsoft) (?:guidance|help|assistance)\\b");

  private final PassageIndex index;

  WhoAnswers(PassageIndex index) {
    this.index = index;
  }

  /** The side the best statement gives the work to, read with the cited statements after it. */
  Verdict verdict(Question q, Statement s, List<Ranked> cited) {
    if (asksCustomersStep(q, s)) {
      return Verdict.CUSTOMER; // "When you request the service, an engineer works with you": requesting is yours
    }
    if (s.joint() && !(JointWork.participation(s.text()) && asksAboutMeetings(q))) {
      return Verdict.SHARED; // the documents say both sides do it together; taking part in the meetings is one side's
    }
    Holder holder = s.holder() != Holder.NONE ? s.holder() : firstHolder(cited);
    if (holder == Holder.NONE) {
      return Verdict.UNKNOWN; // the documents speak of it without naming a side: no side to give
    }
    // documents that give it to different sides are cited and said to differ; the side is the best statement's
    if (holder == Holder.CUSTOMER) {
      return Verdict.CUSTOMER;
    }
    // Microsoft's part is mostly guidance: FastTrack guides, the customer performs; but who gives the guidance
    // ("who's on the hook for the deployment guidance?"), or an item that is itself advice ("Explain the benefits of
    // co-management."), is Microsoft; "or do we do it with their guidance?" asks who does the work
    String ask = GUIDED.matcher(String.join(" ", q.ask()).toLowerCase(Locale.ROOT)).replaceAll(" ");
    return s.guidance() && !asksAdviser(ask)
        && !ADVISES.matcher(s.text().strip().toLowerCase(Locale.ROOT)).lookingAt() ? Verdict.SHARED : Verdict.MICROSOFT;
  }

  /** The meetings themselves: "do we have to be in those sessions?", "skip the meetings", "who attends?". */
  private static final Pattern MEETINGS = Regex.compile(
      "\\b(?:" + JointWork.MEETINGS + "|attend\\w*|participat\\w*|join)\\b");

  /** True when the question asks about taking part in meetings, not about what they make. */
  private static boolean asksAboutMeetings(Question q) {
    return MEETINGS.matcher(q.corrected().toLowerCase(Locale.ROOT)).find();
  }

  /** True when the asking clauses name guidance or ask who does an act of advising ("who's supposed to tell us?"). */
  private static boolean asksAdviser(String ask) {
    if (Classifier.guidance(ask, "")) {
      return true;
    }
    Matcher doer = AskingWords.ASKS_DOER_OF.matcher(ask);
    return doer.find() && ADVICE_ASKED.contains(doer.group(1));
  }

  /**
   * True when the question's terms sit in the step a statement opens with for the customer ("When you request the
   * App Assure service, …", {@link Statements#customerStep}) more than in the rest of it, and in two or more words.
   */
  private boolean asksCustomersStep(Question q, Statement s) {
    String step = Statements.customerStep(s.text());
    if (step.isEmpty()) {
      return false;
    }
    long inStep = asked(q, step);
    // the step is the opening of the lower-cased statement
    return inStep >= 2 && inStep > asked(q, s.text().strip().toLowerCase(Locale.ROOT).substring(step.length()));
  }

  /** How many distinct terms of the text the question's topic holds. */
  private long asked(Question q, String text) {
    return index.terms(text).stream().distinct().filter(q.topic()::containsKey).count();
  }

  /** The side named by a cited statement about as relevant as the best one, or NONE. */
  private static Holder firstHolder(List<Ranked> cited) {
    double best = cited.get(0).coverage();
    return cited.stream().filter(r -> r.coverage() >= best - HOLDER_MARGIN).map(r -> r.statement().holder())
        .filter(h -> h != Holder.NONE).findFirst().orElse(Holder.NONE);
  }

  /** True when the cited statements give the work to the customer and to Microsoft both. */
  static boolean holdersDiffer(List<Ranked> cited) {
    Set<Holder> holders = new HashSet<>();
    cited.forEach(r -> holders.add(r.statement().holder()));
    return holders.contains(Holder.CUSTOMER) && holders.contains(Holder.MICROSOFT);
  }
}
