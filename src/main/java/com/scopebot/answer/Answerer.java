package com.scopebot.answer;

import static com.scopebot.answer.AnswerWriter.explanation;
import static com.scopebot.answer.AnswerWriter.round;

import com.scopebot.answer.Ranking.Ranked;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.StatementKind;
import com.scopebot.history.History;
import com.scopebot.index.PassageIndex;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a question into a verdict, a short answer and ranked citations.
 *
 * <p>A question is read ({@link QuestionReader}), its statements ranked ({@link Ranking}: BM25 over the topic,
 * re-ranked on what BM25 cannot see), the verdict reasoned from the best of them ({@link Reasoning}) and the answer
 * written ({@link AnswerWriter}). This class keeps the cache, answers as of a date, and decides whether to answer at
 * all: small talk and "what changed" have replies of their own, the best statement must hold the asking clauses'
 * specific terms, a product the corpus never mentions makes the answer {@code unknown}, and a verdict the confidence
 * model finds too unlikely is withheld. Thread-safe once built; never throws on user input.
 */
public final class Answerer {

  /** Longest question answered; longer text is refused with a clear answer rather than searched. */
  public static final int MAX_QUESTION_CHARS = 1000;

  /** Distinct questions whose answers are kept; the cache is dropped whole when it fills up. */
  static final int CACHE_SIZE = 10_000;

  private final PassageIndex index;
  private final QuestionReader reader;
  private final Ranking ranking;
  private final Reasoning reasoning;
  private final Disputes disputes;
  /** How likely a committed verdict is right, and below what it is withheld. */
  private final Confidence model;
  /**
   * Answers by cleaned question text. The index never changes under an answerer (a reindex builds a new one), so a
   * cached answer is exactly what answering again would give; popular questions are answered once.
   */
  private final Memo<String, Answer> cache = Memo.of(CACHE_SIZE);
  /** The statements' histories across revisions, worked out on first use (most corpora have few revisions). */
  private final Lazy<History> history;

  public Answerer(PassageIndex index) {
    this(index, Confidence.fitted());
  }

  /** An answerer that weighs its verdicts with the given confidence model (calibration fits one). */
  public Answerer(PassageIndex index, Confidence model) {
    this(index, model, RankWeights.fitted());
  }

  /** An answerer that ranks with the given weights (ranking calibration compares them). */
  public Answerer(PassageIndex index, Confidence model, RankWeights weights) {
    this.index = index;
    this.history = new Lazy<>(() -> History.of(index.corpus()));
    this.model = model;
    this.reader = new QuestionReader(index);
    this.ranking = new Ranking(index, weights);
    this.reasoning = new Reasoning(index, ranking.traits());
    this.disputes = new Disputes(index, reader, ranking);
  }

  public PassageIndex index() {
    return index;
  }

  /** Answers one question. Never throws for any text a person or a program may send. */
  public Answer answer(String asked) {
    return answer(asked, null);
  }

  /**
   * Answers one question from the revisions in force on a date ("as of"), or, when the date is null, from the ones in
   * force now — unless the question names a date itself ("in March 2018").
   */
  public Answer answer(String asked, LocalDate asOf) {
    String question = asked == null ? "" : asked;
    if (question.length() > MAX_QUESTION_CHARS) {
      return computeAsOf(question, false, asOf);
    }
    String key = QuestionCleaner.clean(question) + (asOf == null ? "" : "\u0000" + asOf);
    Answer cached = cache.get(key);
    if (cached != null) {
      return cached.question().equals(question) ? cached : cached.withQuestion(question);
    }
    Answer fresh = computeAsOf(question, false, asOf);
    cache.put(key, fresh);
    return fresh;
  }

  /** Answers with an {@link Explain} of how the question was read and why the verdict (never cached). */
  public Answer explain(String question) {
    return explain(question, null);
  }

  /** Answers as of a date, with an {@link Explain} (never cached). */
  public Answer explain(String question, LocalDate asOf) {
    return computeAsOf(question == null ? "" : question, true, asOf);
  }

  /**
   * The topic terms a question is read as, each with how much it counts: what {@code explain} shows as its topic.
   * Empty for text that is not read for a topic (empty, over-long, small talk). Never throws on user input.
   */
  public Map<String, Double> topic(String question) {
    String text = question == null ? "" : question;
    String clean = QuestionCleaner.clean(text);
    if (text.length() > MAX_QUESTION_CHARS || clean.isEmpty() || SmallTalk.kindOf(clean).isPresent()) {
      return Map.of();
    }
    return reader.read(text).topic();
  }

  /** Answers without the cache: what a question nobody asked before costs (benchmarks measure this). */
  public Answer answerUncached(String question) {
    return computeAsOf(question == null ? "" : question, false, null);
  }

  private Answer computeAsOf(String question, boolean explain, LocalDate asOf) {
    if (question.length() > MAX_QUESTION_CHARS) {
      return compute(question, explain); // refused unread
    }
    // "what changed since 2018-06-01" names a date to compare from, not one to answer as of
    LocalDate when = asOf != null ? asOf : WhatChanged.asks(question) ? null
        : DateWords.dateOf(QuestionCleaner.clean(question)).orElse(null);
    if (when == null) {
      return compute(question, explain);
    }
    List<Document> then = index.corpus().inForce(when);
    Set<String> files = new HashSet<>();
    then.forEach(d -> files.add(d.file()));
    Answer a = compute(question, explain, files);
    String list = then.stream().filter(d -> a.citations().stream().anyMatch(c -> c.document().equals(d.file())))
        .map(d -> "\u201c" + d.title() + "\u201d (" + d.revision() + ")").distinct()
        .reduce((x, y) -> x + ", " + y).orElse("");
    return a.asOf(when.toString(), "As of " + when + (list.isEmpty() ? ", from the revisions then in force"
        : ", from the revisions then in force: " + list) + ".");
  }

  private Answer compute(String question, boolean explain) {
    return compute(question, explain, (Set<String>) null);
  }

  /** @param documents the files to answer from, or null for all (the revision in force preferred) */
  private Answer compute(String question, boolean explain, Set<String> documents) {
    if (QuestionCleaner.clean(question).isEmpty()) {
      return Answer.unknown(question, "Ask me about FastTrack scope, for example: "
          + "\"Is AD FS in scope for a multi-forest setup?\" or \"Who provides the public SSL certificates?\"",
          0, List.of(), Intent.OTHER);
    }
    if (question.length() > MAX_QUESTION_CHARS) {
      // not "Not in the documents": the documents were never asked, and the asker has to shorten the question
      Answer a = Answer.smallTalk(question.substring(0, 200) + "…", "too_long", "That question is too long (over "
          + MAX_QUESTION_CHARS + " characters). Ask about one task or service at a time.");
      return explain ? a.withExplain(new Explain(List.of(), Intent.OTHER, Map.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), question.length() + " characters: refused unread", new Reading(0, 0, 0, 0, 0, 0))) : a;
    }
    Optional<String> smallTalk = SmallTalk.kindOf(QuestionCleaner.clean(question));
    if (smallTalk.isPresent()) {
      return SmallTalk.reply(question, smallTalk.get(), index.corpus());
    }
    if (FollowUps.isFollowUp(question)) {
      // a follow-up that reached the answerer has no earlier question (a conversation resolves it first): read on its
      // own when it can be, else asked what it follows, never answered about whatever its words match
      Optional<String> alone = FollowUps.standalone(question);
      return alone.isEmpty() ? SmallTalk.followsNothing(question)
          : compute(alone.get(), explain, documents).readAs(question, alone.get());
    }
    if (WhatChanged.asks(question)) {
      Optional<Answer> changes = WhatChanged.reply(question, history());
      if (changes.isPresent()) {
        return changes.get();
      }
    }
    Question q = reader.read(question);
    if (q.topic().isEmpty() && !q.request().asksDelivery()) {
      Answer a = Answer.unknown(question, "I couldn't tell what the question is about. Name the task or service, "
          + "for example \"Who configures DNS?\"", 0, List.of(), q.intent());
      return explain ? a.withExplain(explanation(q, List.of(), "no topic terms")) : a;
    }
    List<Ranked> ranked = ranking.rank(q, documents);
    String why = unanswerable(q, ranked);
    if (why != null) {
      List<Citation> closest = citations(Ranking.distinct(ranked), 3);
      double confidence = ranked.isEmpty() ? 0 : round(Math.min(0.49, ranked.get(0).coverage() * 0.5));
      String text = q.absent().isEmpty() ? "The documents don't say." : "The documents don't mention "
          + String.join(", ", q.absent()) + ".";
      Answer a = Answer.unknown(question, text
          + (closest.isEmpty() ? "" : " The closest passages I found are below; none of them answers it."),
          confidence, closest, q.intent());
      return explain ? a.withExplain(explanation(q, ranked, why)) : a;
    }
    // in force: today, the newest revision of each document; as of a date, the revisions answered from
    Reasoning.Outcome o = reasoning.decide(q, ranked,
        documents == null ? Document::current : d -> documents.contains(d.file()));
    Ranked best = o.best();
    if (o.verdict() == Verdict.UNKNOWN) {
      // reasoning found the passage but no verdict in it: say why, with what it says
      List<Citation> closest = citations(o.cited(), 3);
      String quote = "\u201c" + best.statement().text() + "\u201d";
      String said = best.statement().kind() == StatementKind.REQUIREMENT
          ? "That depends on a requirement the documents set, which your question doesn't settle: " + quote
          : q.intent() == Intent.WHO ? "The documents speak of this without saying whose job it is: " + quote
          : "The closest passage doesn't give what you asked for: " + quote;
      Answer a = Answer.unknown(question, said + " The passages are below.", 0.45, closest, q.intent());
      return explain ? a.withExplain(explanation(q, ranked, best.statement().kind() == StatementKind.REQUIREMENT
          ? "the best statement is a requirement the question doesn't settle"
          : "the best statement does not give what is asked")) : a;
    }
    Confidence.Features features = Confidence.Features.of(q, ranked, o);
    double p = model.probability(features);
    List<Citation> citations = citations(o.cited(), Reasoning.MAX_CITATIONS);
    if (p < model.threshold()) {
      // too unlikely to be right to commit to: say so, with what reasoning would have said and where it looked
      Answer a = Answer.unknown(question, "The documents don't settle this clearly enough for a verdict. The closest "
          + "passages are below; the first reads as " + o.verdict().label().toLowerCase(Locale.ROOT) + ", but I'm not "
          + "confident it answers your question.", round(Math.min(0.49, p)), citations, q.intent());
      return explain ? a.withExplain(explanation(q, ranked, "withheld: " + AnswerWriter.reason(o) + " (chance right "
          + round(p) + " < " + model.threshold() + ")").weighed(features.named(), o.verdict())) : a;
    }
    Answer a = AnswerWriter.withHistory(new Answer(question, o.verdict(), AnswerWriter.compose(o),
        round(Math.max(0.5, p)), citations, List.of(), q.intent(), o.differ()), best, history(),
        (before, after) -> index.terms(before).equals(index.terms(after)));
    if (!explain) {
      return a;
    }
    return a.withExplain(explanation(q, ranked, AnswerWriter.reason(o)).weighed(features.named(), o.verdict()));
  }

  /** The first statements' passages, each cited for its statement. */
  private static List<Citation> citations(List<Ranked> statements, int most) {
    return statements.stream().limit(most).map(r -> Citation.of(r.passage(), r.statement())).toList();
  }

  private History history() {
    return history.get();
  }

  /**
   * Lays out a claim for a dispute: every statement that holds the claim, in every document and revision, grouped by
   * the verdict it supports. Never throws on user input.
   */
  public Dispute dispute(String claim) {
    String text = claim == null ? "" : claim;
    return disputes.dispute(text, answer(text));
  }

  /** Null when the best statement answers the question; else why not. */
  private String unanswerable(Question q, List<Ranked> ranked) {
    if (!q.absent().isEmpty()) {
      return "names what the documents never mention: " + String.join(", ", q.absent());
    }
    if (ranked.isEmpty()) {
      return "no statement holds any of the topic";
    }
    double most = ranked.stream().limit(Reasoning.CANDIDATES_ANSWERING).mapToDouble(Ranked::coverage).max().orElse(0);
    if (most < Reasoning.MIN_COVERAGE) {
      return "the best statement holds " + Math.round(most * 100) + "% of the topic (needs "
          + Math.round(Reasoning.MIN_COVERAGE * 100) + "%)";
    }
    return null;
  }
}
