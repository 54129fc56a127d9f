package com.scopebot.answer;

import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Limit;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.PassageKind;
import com.scopebot.corpus.Polarity;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.StatementKind;
import com.scopebot.history.Change;
import com.scopebot.history.History;
import com.scopebot.history.Lineage;
import com.scopebot.history.Version;
import com.scopebot.index.PassageIndex.Entry;
import com.scopebot.index.PassageIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a question into a verdict, a short answer and ranked citations.
 *
 * <p>Statements are retrieved with BM25 over the question's topic, re-ranked on what BM25 cannot see (how much of the
 * asking clauses a statement holds, conditions, who holds it, revision), and the verdict is read off the best
 * statement's classification: its polarity, its holder, and its limits when the question asks for more than they
 * grant. Whether to answer at all is decided apart from ranking: the best statement must hold the asking clauses'
 * specific terms, and a product the corpus never mentions makes the answer {@code unknown}. Thread-safe once built;
 * never throws on user input.
 */
public final class Answerer {

  /** Longest question answered; longer text is refused with a clear answer rather than searched. */
  public static final int MAX_QUESTION_CHARS = 1000;

  /** The best statement must hold at least this share of the asking clauses' weight to be evidence. */
  static final double MIN_COVERAGE = 0.5;
  /** Citations after the first must score within this distance of the best. */
  static final double CITE_MARGIN = 0.3;
  static final int MAX_CITATIONS = 5;
  /** How much less a statement of a superseded revision ranks: the newest revision is the one in force. */
  static final double SUPERSEDED = 0.08;
  /** A statement that names a side lends it to a who-answer when it holds nearly as much of the question. */
  static final double HOLDER_MARGIN = 0.15;
  /** An exclusion this close to the best statement is the answer to a coverage question: it is the specific one. */
  static final double EXCLUSION_MARGIN = 0.15;
  static final int CANDIDATES = 80;
  /** Statements added to the candidates for each delivery request a question makes (see {@link #candidates}). */
  static final int REQUEST_CANDIDATES = 40;
  static final int EXPLAIN_TOP = 8;
  /** The best-ranked statements among which one must answer the question. */
  static final int CANDIDATES_ANSWERING = 10;
  /** An asking word the corpus does not hold counts for this share of the rarest term's weight. */
  static final double UNKNOWN_WEIGHT = 1.0;
  /** An everyday English word the corpus does not use counts for this share. */
  static final double EVERYDAY_UNKNOWN_WEIGHT = 0.15;
  /** Context clauses the best statement also holds add up to this much to its coverage. */
  static final double CONTEXT_SHARE = 0.25;

  private static final Pattern NUMBER = Regex.compile(
      "\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+)\\b");
  // one \b for all the alternatives, not one each: found the same, faster (see QuestionWords.REPEAT)
  private static final Pattern TIME = Regex.compile(
      "\\b(?:(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty)\\s+(hours?|days?|weeks?|months?|years?)\\b"
          + "|business hours\\b|within\\b)");

  private static final Pattern NOT_WORD = Regex.compile("[^\\p{L}\\p{N}]+");

  /** Distinct questions whose answers are kept; the cache is dropped whole when it fills up. */
  static final int CACHE_SIZE = 10_000;

  private final PassageIndex index;
  private final QuestionReader reader;
  /** How likely a committed verdict is right, and below what it is withheld. */
  private final Confidence model;
  /** Weight of a term that occurs once: what an unknown word is measured against. */
  private final double rarest;
  /**
   * Answers by cleaned question text. The index never changes under an answerer (a reindex builds a new one), so a
   * cached answer is exactly what answering again would give; popular questions are answered once.
   */
  private final Memo<String, Answer> cache = Memo.of(CACHE_SIZE);
  /** What ranking reads of each statement that no question changes. */
  private final Traits traits;
  /** Built on first use; see {@link #history()}. */
  private volatile History history;

  public Answerer(PassageIndex index) {
    this(index, Confidence.fitted());
  }

  /** An answerer that weighs its verdicts with the given confidence model (calibration fits one). */
  public Answerer(PassageIndex index, Confidence model) {
    this.index = index;
    this.model = model;
    this.reader = new QuestionReader(index);
    int n = Math.max(1, index.size());
    this.rarest = Math.log(1 + (n - 1 + 0.5) / 1.5);
    this.traits = new Traits(index.entries());
  }

  /**
   * What ranking reads of each statement that no question changes, by the statement's ordinal: worked out once, not for
   * every candidate of every question. Whether a statement gives a number or a time is read on first need (most
   * questions ask for neither); a race only reads it twice. Thread-safe.
   */
  private static final class Traits {
    private static final byte UNREAD = 0;
    private static final byte NO = 1;
    private static final byte YES = 2;

    /** The weights of the statement's own terms added up ({@link Entry#textWeight}). */
    private final double[] textWeight;
    /** Years since 2000 of the statement's revision. */
    private final int[] year;
    /** How much longer than 100 characters its passage is, in doublings (0 for shorter). */
    private final double[] doublings;
    private final byte[] givesNumber;
    private final byte[] givesTime;
    /** The words of the statement's passage, lower case, single spaces: passages citing the same words are one. */
    private final String[] words;
    /**
     * The numbers the statement gives, as written: two documents giving different ones disagree. Immutable sets
     * ({@code Set.copyOf}), so that a thread reading one another thread has just stored sees it whole.
     */
    private final Set<?>[] numbers;

    /** The statements that state each delivery limit, current revisions first. */
    private final Map<Limit.Kind, List<Entry>> limiting = new java.util.EnumMap<>(Limit.Kind.class);

    List<Entry> limiting(Limit.Kind kind) {
      return limiting.getOrDefault(kind, List.of());
    }

    Traits(List<Entry> entries) {
      for (Entry e : entries) {
        for (Limit l : e.statement().limits()) {
          limiting.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(e);
        }
      }
      limiting.values().forEach(list -> list.sort(
          Comparator.comparing((Entry e) -> !e.passage().document().current())));
      year = new int[entries.size()];
      textWeight = new double[entries.size()];
      doublings = new double[entries.size()];
      givesNumber = new byte[entries.size()];
      givesTime = new byte[entries.size()];
      words = new String[entries.size()];
      numbers = new Set<?>[entries.size()];
      for (Entry e : entries) {
        year[e.ordinal()] = yearOf(e.passage().document().revision());
        textWeight[e.ordinal()] = e.textWeight();
        doublings[e.ordinal()] = Math.max(0, Math.log(e.passage().text().length() / 100.0) / Math.log(2));
      }
    }

    boolean givesNumber(Entry e) {
      return gives(givesNumber, NUMBER, e);
    }

    boolean givesTime(Entry e) {
      return gives(givesTime, TIME, e);
    }

    String words(Entry e) {
      String known = words[e.ordinal()];
      if (known == null) {
        known = NOT_WORD.matcher(e.passage().text().toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        words[e.ordinal()] = known;
      }
      return known;
    }

    @SuppressWarnings("unchecked") // only Set<String> is stored
    Set<String> numbers(Entry e) {
      Set<String> known = (Set<String>) numbers[e.ordinal()];
      if (known == null) {
        known = Answerer.numbers(e.statement().text());
        numbers[e.ordinal()] = known;
      }
      return known;
    }

    private static boolean gives(byte[] read, Pattern pattern, Entry e) {
      byte known = read[e.ordinal()];
      if (known == UNREAD) {
        known = pattern.matcher(e.statement().text().toLowerCase(Locale.ROOT)).find() ? YES : NO;
        read[e.ordinal()] = known;
      }
      return known == YES;
    }
  }

  public PassageIndex index() {
    return index;
  }

  /** A statement with its scores: share of the asking clauses held, share of all the topic, and the ranking score. */
  record Ranked(Entry entry, double coverage, double own, double score) {
    Passage passage() {
      return entry.passage();
    }

    Statement statement() {
      return entry.statement();
    }
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
    String key = QuestionReader.clean(question) + (asOf == null ? "" : "\u0000" + asOf);
    Answer cached = cache.get(key);
    if (cached != null) {
      return cached.question().equals(question) ? cached : cached.withQuestion(question);
    }
    Answer fresh = computeAsOf(question, false, asOf);
    cache.put(key, fresh);
    return fresh;
  }

  /** True when the question asks what a delivery limit answers: on site, again, out of hours. */
  private static boolean asksDelivery(Question.Request r) {
    return r.onSite() || r.repeat() || r.offHours();
  }

  /** Answers with an {@link Explain} of how the question was read and why the verdict (never cached). */
  public Answer explain(String question) {
    return explain(question, null);
  }

  /** Answers as of a date, with an {@link Explain} (never cached). */
  public Answer explain(String question, LocalDate asOf) {
    return computeAsOf(question == null ? "" : question, true, asOf);
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
        : QuestionWords.dateOf(QuestionReader.clean(question)).orElse(null);
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
    if (QuestionReader.clean(question).isEmpty()) {
      return Answer.unknown(question, "Ask me about FastTrack scope, for example: "
          + "\"Is AD FS in scope for a multi-forest setup?\" or \"Who provides the public SSL certificates?\"",
          0, List.of(), Intent.OTHER);
    }
    if (question.length() > MAX_QUESTION_CHARS) {
      Answer a = Answer.unknown(question.substring(0, 200) + "…", "That question is too long (over "
          + MAX_QUESTION_CHARS + " characters). Ask about one task or service at a time.", 0, List.of(), Intent.OTHER);
      return explain ? a.withExplain(new Explain(List.of(), Intent.OTHER, Map.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), question.length() + " characters: refused unread", new Reading(0, 0, 0, 0, 0, 0))) : a;
    }
    Optional<String> smallTalk = SmallTalk.kindOf(QuestionReader.clean(question));
    if (smallTalk.isPresent()) {
      return SmallTalk.reply(question, smallTalk.get(), index.corpus());
    }
    if (WhatChanged.asks(question)) {
      Optional<Answer> changes = WhatChanged.reply(question, history());
      if (changes.isPresent()) {
        return changes.get();
      }
    }
    Question q = reader.read(question);
    if (q.topic().isEmpty() && !asksDelivery(q.request())) {
      Answer a = Answer.unknown(question, "I couldn't tell what the question is about. Name the task or service, "
          + "for example \"Who configures DNS?\"", 0, List.of(), q.intent());
      return explain ? a.withExplain(explanation(q, List.of(), "no topic terms")) : a;
    }
    List<Ranked> ranked = rank(q, documents);
    String why = unanswerable(q, ranked);
    if (why != null) {
      List<Citation> closest = distinct(ranked).stream().limit(3).map(r -> Citation.of(r.passage())).toList();
      double confidence = ranked.isEmpty() ? 0 : round(Math.min(0.49, ranked.get(0).coverage() * 0.5));
      String text = q.absent().isEmpty() ? "The documents don't say." : "The documents don't mention "
          + String.join(", ", q.absent()) + ".";
      Answer a = Answer.unknown(question, text
          + (closest.isEmpty() ? "" : " The closest passages I found are below; none of them answers it."),
          confidence, closest, q.intent());
      return explain ? a.withExplain(explanation(q, ranked, why)) : a;
    }
    // only statements that answer the question may be its best evidence
    List<Ranked> answering = ranked.stream().limit(CANDIDATES_ANSWERING)
        .filter(r -> r.coverage() >= MIN_COVERAGE).toList();
    List<Ranked> cited = cite(answering);
    Optional<String> beyond = Optional.empty();
    if (q.intent() != Intent.WHO && q.intent() != Intent.INFO) {
      // a limit anywhere in the evidence restricts the answer: the statement that states it, and holds most of the
      // question, is cited first
      Ranked limiting = null;
      for (Ranked r : restricting(answering, ranked, q.request())) {
        Optional<String> limit = Inference.beyond(r.statement(), q.request());
        if (limit.isPresent() && (limiting == null || r.coverage() > limiting.coverage())) {
          limiting = r;
          beyond = limit;
        }
      }
      if (limiting != null) {
        cited = new ArrayList<>(cited);
        cited.remove(limiting);
        cited.add(0, limiting);
        if (cited.size() > MAX_CITATIONS) {
          cited.remove(cited.size() - 1);
        }
      }
    }
    if (!beyond.isPresent() && q.intent() != Intent.WHO && q.intent() != Intent.INFO) {
      cited = exclusionFirst(cited);
    }
    if (!beyond.isPresent() && q.intent() != Intent.INFO) {
      cited = groundingFirst(cited);
    }
    Ranked best = cited.get(0);
    if (!beyond.isPresent() && best.statement().kind() == StatementKind.REQUIREMENT
        && (q.intent() == Intent.COVERED || q.intent() == Intent.CLAIM)) {
      // a requirement grants nothing: whether the case is covered turns on whether it is met, which the question
      // doesn't settle (a question that breaks it was answered by its limit above)
      List<Citation> closest = cited.stream().limit(3).map(r -> Citation.of(r.passage())).toList();
      Answer a = Answer.unknown(question, "That depends on a requirement the documents set, which your question "
          + "doesn't settle: \u201c" + best.statement().text() + "\u201d The passages are below.", 0.45, closest,
          q.intent());
      return explain ? a.withExplain(explanation(q, ranked, "the best statement is a requirement the question "
          + "doesn't settle")) : a;
    }
    Ranked other = disagreement(cited);
    boolean differ = other != null;
    Verdict verdict = beyond.isPresent() ? Verdict.OUT_OF_SCOPE : verdict(q, best.statement(), cited, differ);
    Confidence.Features features = features(q, best, ranked, verdict, beyond.isPresent(), differ);
    double p = model.probability(features);
    List<Citation> citations = cited.stream().map(r -> Citation.of(r.passage())).toList();
    if (p < model.threshold()) {
      // too unlikely to be right to commit to: say so, with what reasoning would have said and where it looked
      Answer a = Answer.unknown(question, "The documents don't settle this clearly enough for a verdict. The closest "
          + "passages are below; the first reads as " + verdict.label().toLowerCase(Locale.ROOT) + ", but I'm not "
          + "confident it answers your question.", round(Math.min(0.49, p)), citations, q.intent());
      return explain ? a.withExplain(explanation(q, ranked, "withheld: " + reason(verdict, best, beyond.orElse(null),
          differ) + " (chance right " + round(p) + " < " + model.threshold() + ")").weighed(features.named(),
          verdict)) : a;
    }
    String text = compose(verdict, best, cited, other, beyond.orElse(null));
    Answer a = withHistory(new Answer(question, verdict, text, round(Math.max(0.5, p)), citations, List.of(),
        q.intent(), differ), best);
    if (!explain) {
      return a;
    }
    return a.withExplain(explanation(q, ranked, reason(verdict, best, beyond.orElse(null), differ))
        .weighed(features.named(), verdict));
  }

  /** What the confidence model reads of an answer: how well and how clearly its evidence answers the question. */
  private static Confidence.Features features(Question q, Ranked best, List<Ranked> ranked, Verdict verdict,
      boolean inferred, boolean differ) {
    double next = distinct(ranked).stream().filter(r -> r.passage() != best.passage()).mapToDouble(Ranked::score)
        .findFirst().orElse(best.score() - 1);
    Statement s = best.statement();
    return new Confidence.Features(best.coverage(), Confidence.Features.capped(best.score() - next), best.own(),
        Confidence.Features.flag(s.kind().grounds()), Confidence.Features.flag(s.subjectHolder()),
        Confidence.Features.flag(s.polarity().excludes()), Confidence.Features.flag(inferred),
        Confidence.Features.flag(differ), Confidence.Features.capped(q.unknown().size() / 2.0),
        Confidence.Features.capped(q.context().size() / 5.0), Confidence.Features.flag(q.intent() == Intent.WHO),
        Confidence.Features.flag(q.intent() == Intent.INFO), Confidence.Features.flag(q.intent() == Intent.CLAIM),
        Confidence.Features.flag(best.passage().kind() == PassageKind.PARAGRAPH),
        Confidence.Features.flag(s.holder() == Holder.NONE), Confidence.Features.flag(s.guidance()),
        Confidence.Features.capped(q.topic().size() / 8.0), Confidence.Features.flag(verdict == Verdict.IN_SCOPE),
        Confidence.Features.flag(verdict == Verdict.CUSTOMER || verdict == Verdict.MICROSOFT
            || verdict == Verdict.SHARED));
  }

  /**
   * The answer saying, in one line, how its first cited statement read before it last changed ("Changed in the 2018-12
   * revision; the 2018-03 revision said: …"), with the statement's earlier revisions; the answer itself when it never
   * changed.
   */
  private Answer withHistory(Answer a, Ranked best) {
    Lineage lineage = history().of(best.passage(), best.statement());
    // the rewording that changed most words says most about what was promised before ("One integrated application")
    Optional<Change> reworded = lineage.changes().stream().filter(Change::reworded)
        .max(Comparator.comparingInt(Answerer::wordsChanged));
    if (!lineage.changed()) {
      return a;
    }
    List<HistoryStep> steps = new ArrayList<>();
    for (Change c : lineage.changes()) {
      Version before = c.before();
      Document older = c.older();
      steps.add(new HistoryStep(c.kind().wire(), older.revision(), older.file(),
          before == null ? "" : before.statement().text(),
          before == null ? older.permalink(1).replaceAll("#L1$", "") : before.passage().url()));
    }
    String said;
    if (reworded.isPresent() && reworded.get().before() != null) {
      Change c = reworded.get();
      said = "Changed in the " + c.newer().revision() + " revision; the " + c.older().revision() + " revision said: \u201c"
          + c.before().statement().text() + "\u201d";
    } else {
      Document since = lineage.since();
      said = since.equals(best.passage().document()) ? "" : "New in the " + since.revision() + " revision.";
    }
    return said.isEmpty() ? a : a.withHistory(steps, said);
  }

  private static int wordsChanged(Change c) {
    return c.diff().stream().filter(r -> r.op() != com.scopebot.history.WordDiff.Op.EQUAL)
        .mapToInt(r -> r.text().split("\\s+").length).sum();
  }

  /** The statements' histories across revisions, worked out on first use (most corpora have few revisions). */
  private History history() {
    History h = history;
    if (h == null) {
      synchronized (this) {
        if (history == null) {
          history = History.of(index.corpus());
        }
        h = history;
      }
    }
    return h;
  }

  /** Statements laid out for a dispute at most. */
  static final int DISPUTE_EVIDENCE = 12;

  /**
   * Lays out a claim for a dispute: every statement that holds the claim, in every document and revision, grouped by
   * the verdict it supports. Never throws on user input.
   */
  public Dispute dispute(String claim) {
    String text = claim == null ? "" : claim;
    Answer now = answer(text);
    if (QuestionReader.clean(text).isEmpty() || text.length() > MAX_QUESTION_CHARS || now.smallTalk() != null) {
      return new Dispute(text, now, "Nothing to weigh: name the work the claim is about.", List.of());
    }
    Question q = reader.read(text);
    Set<String> all = new HashSet<>();
    index.corpus().documents().forEach(d -> all.add(d.file()));
    // every revision counts the same here: what was promised at the time is the point of a dispute
    List<Ranked> relevant = distinct(rank(q, all)).stream().filter(r -> r.coverage() >= MIN_COVERAGE)
        .limit(DISPUTE_EVIDENCE).toList();
    Map<Verdict, List<Dispute.Evidence>> sides = new LinkedHashMap<>();
    if (now.verdict() != Verdict.UNKNOWN) {
      sides.put(now.verdict(), new ArrayList<>());
    }
    Set<String> seen = new HashSet<>();
    for (Ranked r : relevant) {
      Statement s = r.statement();
      // the same words twice in one revision (a note repeated under two sections) are one piece of evidence
      if (!seen.add(r.passage().document().file() + "\u0000" + s.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Optional<String> beyond = Inference.beyond(s, q.request());
      Verdict supports;
      String why;
      if (beyond.isPresent()) {
        supports = Verdict.OUT_OF_SCOPE;
        why = beyond.get();
      } else if (s.polarity().excludes()) {
        supports = Verdict.OUT_OF_SCOPE;
        why = "says " + s.polarity().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      } else if (s.holder() == Holder.CUSTOMER) {
        supports = Verdict.CUSTOMER;
        why = s.subjectHolder() ? "names the customer" : "is under the customer's responsibilities";
      } else {
        supports = Verdict.IN_SCOPE;
        why = s.guidance() ? "FastTrack guides it" : s.holder() == Holder.MICROSOFT ? "FastTrack does it"
            : "the benefit includes it";
      }
      sides.computeIfAbsent(supports, v -> new ArrayList<>())
          .add(new Dispute.Evidence(s.text(), Citation.of(r.passage()), why));
    }
    List<Dispute.Side> laid = new ArrayList<>();
    sides.forEach((v, list) -> {
      if (!list.isEmpty()) {
        List<Dispute.Evidence> newest = new ArrayList<>(list);
        newest.sort(Comparator.comparing((Dispute.Evidence e) -> e.citation().revision()).reversed());
        laid.add(new Dispute.Side(v, newest));
      }
    });
    return new Dispute(text, now, summary(laid), laid);
  }

  private static String summary(List<Dispute.Side> sides) {
    if (sides.isEmpty()) {
      return "The documents don't address this claim.";
    }
    List<String> parts = new ArrayList<>();
    for (Dispute.Side side : sides) {
      Citation newest = side.evidence().get(0).citation();
      parts.add(side.evidence().size() + (side.evidence().size() == 1 ? " statement says " : " statements say ")
          + side.verdict().label().toLowerCase(Locale.ROOT) + " (newest: " + newest.displayTitle() + ", "
          + newest.revision() + ")");
    }
    return String.join("; ", parts) + ".";
  }

  /** Null when the best statement answers the question; else why not. */
  private String unanswerable(Question q, List<Ranked> ranked) {
    if (!q.absent().isEmpty()) {
      return "names what the documents never mention: " + String.join(", ", q.absent());
    }
    if (ranked.isEmpty()) {
      return "no statement holds any of the topic";
    }
    double most = ranked.stream().limit(CANDIDATES_ANSWERING).mapToDouble(Ranked::coverage).max().orElse(0);
    if (most < MIN_COVERAGE) {
      return "the best statement holds " + Math.round(most * 100) + "% of the topic (needs "
          + Math.round(MIN_COVERAGE * 100) + "%)";
    }
    return null;
  }

  private List<Ranked> rank(Question q, Set<String> documents) {
    TopicHeld held = new TopicHeld(
        q.topic().keySet().stream().mapToInt(index::termId).filter(id -> id >= 0).sorted().toArray());
    List<WeighedClause> clauses = q.groups().stream().map(g -> WeighedClause.of(g, index, rarest, held)).toList();
    String[] context = q.context().toArray(String[]::new);
    int[] contextSlots = new int[context.length];
    double[] contextWeights = new double[context.length];
    double[] contextBoosts = new double[context.length];
    double contextWeight = 0;
    for (int i = 0; i < context.length; i++) {
      contextSlots[i] = held.slot(index.termId(context[i]));
      contextWeights[i] = index.weight(context[i]);
      contextBoosts[i] = q.topic().get(context[i]);
      contextWeight += contextWeights[i] * contextBoosts[i];
    }
    List<Ranked> ranked = new ArrayList<>();
    for (Entry e : candidates(q, documents)) {
      held.read(e);
      boolean answersRequest = Inference.beyond(e.statement(), q.request()).isPresent();
      // a question that asks only what a limit answers ("Does FastTrack come on site?") is answered by that limit
      double coverage = clauses.isEmpty() && answersRequest ? 1 : 0;
      double all = 0;
      for (WeighedClause clause : clauses) {
        double c = clause.coverage(held, answersRequest);
        coverage = Math.max(coverage, c);
        all += c;
      }
      // a statement that answers every asking clause ranks above one that answers only one of them
      double spread = clauses.isEmpty() ? 0 : all / clauses.size();
      double contextHeld = 0;
      for (int i = 0; i < context.length; i++) {
        contextHeld += held.held(contextSlots[i]) * contextWeights[i] * contextBoosts[i];
      }
      coverage = Math.min(1, coverage + (contextWeight > 0 ? CONTEXT_SHARE * contextHeld / contextWeight : 0));
      double own = statementCoverage(e, held);
      double score = coverage + 0.2 * spread + 0.3 * own + adjustment(q, e, documents == null, answersRequest);
      ranked.add(new Ranked(e, coverage, own, score));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    return ranked;
  }

  /**
   * The statements to rank: BM25's best for the topic, and the statements whose limits answer a delivery request
   * ("on site" → provided remotely, "again" → one time, "Saturday night" → business hours) whatever their words,
   * since the words that ask it are not the words that answer it.
   */
  private List<Entry> candidates(Question q, Set<String> documents) {
    Set<Entry> out = new LinkedHashSet<>();
    if (!q.topic().isEmpty()) {
      index.search(q.topic(), CANDIDATES, documents).forEach(hit -> out.add(hit.entry()));
    }
    Question.Request r = q.request();
    for (Limit.Kind kind : List.of(Limit.Kind.REMOTE, Limit.Kind.ONE_TIME, Limit.Kind.BUSINESS_HOURS)) {
      boolean asked = kind == Limit.Kind.REMOTE ? r.onSite() : kind == Limit.Kind.ONE_TIME ? r.repeat() : r.offHours();
      if (asked) {
        traits.limiting(kind).stream().filter(e -> documents == null || documents.contains(e.passage().document().file()))
            .limit(REQUEST_CANDIDATES).forEach(out::add);
      }
    }
    return new ArrayList<>(out);
  }

  /** The share of a statement's own words that the question names: a statement about nothing else scores 1. */
  private double statementCoverage(Entry e, TopicHeld held) {
    double all = traits.textWeight[e.ordinal()];
    return all == 0 ? 0 : held.ownWeightHeld() / all;
  }

  /** Re-ranking on what term coverage cannot see: conditions, who holds it, revision, and concision. */
  /**
   * @param now true when answering as of today: a superseded revision then ranks below the one in force
   * @param answersRequest true when one of the statement's limits answers what the question asks for
   */
  private double adjustment(Question q, Entry e, boolean now, boolean answersRequest) {
    Passage p = e.passage();
    Statement s = e.statement();
    double adj = 0;
    boolean forest = false; // it states a forest topology
    boolean sameForest = false; // the one the question names
    if (!s.conditions().isEmpty()) { // most statements state none: no iterator for them
      for (Condition c : s.conditions()) {
        if (c.isForest()) {
          forest = true;
          sameForest |= q.conditions().contains(c);
        }
      }
    }
    if (!q.conditions().isEmpty()) {
      if (sameForest) {
        adj += 0.15;
      } else if (forest) {
        adj -= 0.3; // says something about the other topology
      }
    } else if (forest) {
      adj -= 0.03; // a conditional statement answers an unconditional question less well
    }
    if (q.intent() == Intent.WHO && s.holder() != Holder.NONE) {
      adj += 0.08;
    }
    // "how many" wants a statement that gives a number, "how long" / "when" one that gives a time
    if (q.answerType() == QuestionReader.AnswerType.NUMBER) {
      adj += traits.givesNumber(e) ? 0.1 : -0.1;
    } else if (q.answerType() == QuestionReader.AnswerType.TIME) {
      adj += traits.givesTime(e) ? 0.1 : -0.1;
    }
    if (s.text().endsWith(":") && !(q.intent() == Intent.INFO && !p.items().isEmpty())) {
      adj -= 0.1; // a bare lead-in states nothing by itself, unless the question asks what it enumerates
    }
    if (!s.kind().grounds() && q.intent() != Intent.INFO) {
      adj -= 0.1; // a description or a link says nothing about scope or sides
    }
    if (now && !p.document().current()) {
      adj -= SUPERSEDED; // the newest revision is the one in force
    }
    if (answersRequest) {
      adj += 0.2; // a limit that answers what the question asks for more of ("again", "three servers", "on site")
    }
    if (p.kind() == PassageKind.PARAGRAPH && q.intent() != Intent.INFO) {
      adj -= 0.05; // scope is stated in bullets, notes and tables; paragraphs narrate
    }
    // between documents that say the same, prefer the more recent one (a hundredth a decade)
    adj += 0.001 * traits.year[e.ordinal()];
    // among equally matching passages, prefer the one that says least else
    adj -= 0.03 * traits.doublings[e.ordinal()];
    return adj;
  }

  private static int yearOf(String isoDate) {
    try {
      return Math.max(0, Integer.parseInt(isoDate.substring(0, 4)) - 2000);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** Each passage once, by its best-ranked statement. */
  private static List<Ranked> distinct(List<Ranked> ranked) {
    Map<Passage, Ranked> seen = new IdentityHashMap<>();
    List<Ranked> out = new ArrayList<>();
    for (Ranked r : ranked) {
      if (seen.putIfAbsent(r.passage(), r) == null) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The citations with a close exclusion first: "we don't design or develop a solution for the customer" answers "will
   * you build our solution?" better than "the program provides guidance for designing and building".
   */
  private static List<Ranked> exclusionFirst(List<Ranked> cited) {
    Ranked best = cited.get(0);
    if (best.statement().polarity().excludes()) {
      return cited;
    }
    for (Ranked r : cited) {
      if (r.statement().polarity().excludes() && r.coverage() >= best.coverage() - EXCLUSION_MARGIN
          && r.score() >= best.score() - EXCLUSION_MARGIN && sameForest(r.statement(), best.statement())) {
        List<Ranked> reordered = new ArrayList<>(cited);
        reordered.remove(r);
        reordered.add(0, r);
        return reordered;
      }
    }
    return cited;
  }

  /**
   * The citations with the first statement that grounds a verdict (a grant, exclusion, responsibility or requirement)
   * first: a description or a link says nothing about scope, however well it matches the words.
   */
  private static List<Ranked> groundingFirst(List<Ranked> cited) {
    if (cited.get(0).statement().kind().grounds()) {
      return cited;
    }
    for (Ranked r : cited) {
      if (r.statement().kind().grounds()) {
        List<Ranked> reordered = new ArrayList<>(cited);
        reordered.remove(r);
        reordered.add(0, r);
        return reordered;
      }
    }
    return cited;
  }

  /**
   * The statements whose limits may restrict the answer: those close enough to the best to be cited, and any answering
   * statement that says how the whole benefit is delivered (remotely, in business hours) when the question asks for
   * another way: such a limit holds for every task, whatever the task's words.
   */
  private static List<Ranked> restricting(List<Ranked> answering, List<Ranked> ranked, Question.Request request) {
    List<Ranked> out = new ArrayList<>(citable(answering));
    if (request.onSite() || request.offHours()) {
      for (Ranked r : ranked) {
        boolean delivery = r.statement().limits().stream()
            .anyMatch(l -> l.kind() == Limit.Kind.REMOTE || l.kind() == Limit.Kind.BUSINESS_HOURS);
        if (delivery && r.coverage() >= MIN_COVERAGE && !out.contains(r)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** Every passage close enough to the best to be cited, by its best statement. */
  private static List<Ranked> citable(List<Ranked> ranked) {
    Ranked best = ranked.get(0);
    return distinct(ranked).stream()
        .filter(r -> r == best || r.coverage() >= MIN_COVERAGE && r.score() >= best.score() - CITE_MARGIN).toList();
  }

  /** The best statement's passage, then others close to it; the same words are cited once. */
  private List<Ranked> cite(List<Ranked> ranked) {
    Ranked best = ranked.get(0);
    List<Ranked> cited = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Ranked r : distinct(ranked)) {
      if (cited.size() == MAX_CITATIONS) {
        break;
      }
      if (r != best && (r.coverage() < MIN_COVERAGE || r.score() < best.score() - CITE_MARGIN)) {
        continue;
      }
      if (seen.add(traits.words(r.entry()))) {
        cited.add(r);
      }
    }
    return cited;
  }

  /** True when the question asks about what a statement requires of the customer ("are the E5 licences included?"). */
  private boolean asksAboutPrerequisite(Question q, Statement s) {
    for (Limit l : s.limits(Limit.Kind.PREREQUISITE)) {
      if (!l.subject().isEmpty() && index.terms(l.subject()).stream().anyMatch(q.topic()::containsKey)) {
        return true;
      }
    }
    return false;
  }

  private Verdict verdict(Question q, Statement s, List<Ranked> cited, boolean differ) {
    if (q.intent() != Intent.INFO && asksAboutPrerequisite(q, s)) {
      return Verdict.CUSTOMER; // FastTrack does the work; what it requires is the customer's to bring
    }
    if (s.polarity().excludes()) {
      return q.intent() == Intent.WHO && s.holder() == Holder.CUSTOMER ? Verdict.CUSTOMER : Verdict.OUT_OF_SCOPE;
    }
    if (s.kind() == StatementKind.REQUIREMENT && q.intent() == Intent.WHO) {
      return Verdict.CUSTOMER; // what the customer's environment must have before the work is the customer's to bring
    }
    switch (q.intent()) {
      case WHO -> {
        Holder holder = s.holder() != Holder.NONE ? s.holder() : firstHolder(cited);
        if (holder == Holder.NONE) {
          return Verdict.INFO; // the documents answer it without naming a side: say what they say, not a side
        }
        if (differ && holdersDiffer(cited) && !s.subjectHolder()) {
          return Verdict.SHARED;
        }
        if (holder == Holder.CUSTOMER) {
          return Verdict.CUSTOMER;
        }
        // Microsoft's part is mostly guidance: FastTrack guides, the customer performs
        return s.guidance() ? Verdict.SHARED : Verdict.MICROSOFT;
      }
      case INFO -> {
        return Verdict.INFO;
      }
      default -> {
        return s.holder() == Holder.CUSTOMER ? Verdict.CUSTOMER : Verdict.IN_SCOPE;
      }
    }
  }

  /** The side named by a cited statement about as relevant as the best one, or NONE. */
  private static Holder firstHolder(List<Ranked> cited) {
    double best = cited.get(0).coverage();
    return cited.stream().filter(r -> r.coverage() >= best - HOLDER_MARGIN).map(r -> r.statement().holder())
        .filter(h -> h != Holder.NONE).findFirst().orElse(Holder.NONE);
  }

  private static boolean holdersDiffer(List<Ranked> cited) {
    Set<Holder> holders = new HashSet<>();
    cited.forEach(r -> holders.add(r.statement().holder()));
    return holders.contains(Holder.CUSTOMER) && holders.contains(Holder.MICROSOFT);
  }

  /**
   * The first cited statement from another document that disagrees with the best one: one says FastTrack provides it
   * while the other makes it the customer's or excludes it (for the same forest topology), or they give different
   * numbers. Only statements of bullets, notes and table rows count, not narrative paragraphs. Null when none does.
   */
  private Ranked disagreement(List<Ranked> cited) {
    Ranked best = cited.get(0);
    Passage a = best.passage();
    Boolean sa = stance(best.statement());
    Set<String> na = traits.numbers(best.entry());
    for (Ranked other : cited.subList(1, cited.size())) {
      Passage b = other.passage();
      if (a.document().file().equals(b.document().file()) || b.kind() == PassageKind.PARAGRAPH
          || a.kind() == PassageKind.PARAGRAPH || other.coverage() < best.coverage() * 0.7) {
        continue;
      }
      Boolean sb = stance(other.statement());
      boolean stances = sa != null && sb != null && !sa.equals(sb) && sameForest(best.statement(), other.statement());
      Set<String> nb = traits.numbers(other.entry());
      if (stances || !na.isEmpty() && !nb.isEmpty() && !na.equals(nb)) {
        return other;
      }
    }
    return null;
  }

  /**
   * True when a statement says FastTrack provides (or guides) it, false when it makes it the customer's or excludes
   * it, null when it names no side.
   */
  private static Boolean stance(Statement s) {
    if (s.polarity().excludes() || s.holder() == Holder.CUSTOMER || s.kind() == StatementKind.REQUIREMENT) {
      return false;
    }
    // "integrating X (X licences are required)": FastTrack does it, the customer brings the prerequisite — both sides
    if (s.polarity() == Polarity.REQUIRES) {
      return null;
    }
    return s.holder() == Holder.MICROSOFT ? Boolean.TRUE : null;
  }

  private static boolean sameForest(Statement a, Statement b) {
    Set<Condition> fa = new HashSet<>(a.conditions());
    Set<Condition> fb = new HashSet<>(b.conditions());
    fa.removeIf(c -> !c.isForest());
    fb.removeIf(c -> !c.isForest());
    return fa.isEmpty() || fb.isEmpty() || fa.stream().anyMatch(fb::contains);
  }

  private static Set<String> numbers(String text) {
    Set<String> found = new HashSet<>();
    Matcher m = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      found.add(m.group(1));
    }
    return Set.copyOf(found);
  }

  private static String compose(Verdict verdict, Ranked best, List<Ranked> cited, Ranked other, String beyond) {
    Passage p = best.passage();
    Statement s = best.statement();
    boolean differ = other != null;
    StringBuilder sb = new StringBuilder();
    switch (verdict) {
      case OUT_OF_SCOPE -> sb.append("No — out of scope. ").append(beyond != null ? beyond : s.text());
      case IN_SCOPE -> sb.append(unsettled(s).map(c -> "Yes, if the documents' condition holds (\u201c" + c + "\u201d)")
          .orElse("Yes")).append(s.guidance()
          ? " — FastTrack provides guidance on this."
          : " — this is part of the FastTrack benefit.");
      case CUSTOMER -> {
        if (s.holder() != Holder.CUSTOMER && !s.limits(Limit.Kind.PREREQUISITE).isEmpty()) {
          sb.append("The customer brings this: FastTrack's part requires it (“")
              .append(s.limits(Limit.Kind.PREREQUISITE).get(0).phrase()).append("”).");
        } else {
          sb.append("This is the customer's responsibility (")
              .append(s.subjectHolder() ? "the document says so of the customer" : String.join(" › ", p.section()))
              .append(").");
        }
      }
      case MICROSOFT -> sb.append("This is FastTrack's (Microsoft's) responsibility (")
          .append(String.join(" › ", p.section())).append(").");
      case SHARED -> sb.append(differ && holdersDiffer(cited)
          ? "Shared — the documents assign it to different sides; see both citations."
          : "Shared — FastTrack provides guidance; the customer does the work.");
      case INFO -> {
        sb.append(s.text());
        if (!p.items().isEmpty() && s.text().endsWith(":")) {
          sb.append(' ').append(String.join("; ", p.items()));
        }
      }
      default -> sb.append("The documents don't say.");
    }
    if (verdict == Verdict.IN_SCOPE || verdict == Verdict.SHARED || verdict == Verdict.MICROSOFT) {
      List<String> limits = new ArrayList<>(limits(s));
      if (verdict == Verdict.IN_SCOPE) {
        unsettled(s).ifPresent(c -> limits.remove("only if " + c)); // said already: "Yes, if ..."
        unsettled(s).ifPresent(limits::remove);
      }
      if (!limits.isEmpty()) {
        sb.append(" Limits: ").append(String.join("; ", limits)).append('.');
      }
    }
    if (verdict == Verdict.IN_SCOPE) {
      // a cited statement that excludes part of it ("for all multiple forest configurations ... out of scope")
      cited.stream().skip(1).filter(c -> c.statement().polarity().excludes()).findFirst()
          .ifPresent(limit -> sb.append(" But not everything: “").append(limit.statement().text()).append("”"));
    }
    if (differ) {
      sb.append(" Sources differ: ").append(describe(p.document())).append(" and ")
          .append(describe(other.passage().document())).append(" do not say the same; both are cited.");
    }
    return sb.toString().trim();
  }

  /**
   * A condition the grant depends on that the question did not settle ("only if there are forest trusts", "at least
   * 150 licenses"): the answer is a yes on that condition, never a bare yes. (A question that settles it against the
   * grant is answered by {@link Inference#beyond} before this.)
   */
  private static Optional<String> unsettled(Statement s) {
    return s.limits().stream().filter(l -> l.kind() == Limit.Kind.CONDITION || l.kind() == Limit.Kind.MIN_COUNT)
        .map(Limit::phrase).findFirst();
  }

  private static String describe(Document d) {
    return "\"" + d.title() + "\" (" + d.revision() + (d.current() ? "" : ", superseded") + ")";
  }

  /** The limits and conditions a statement states, as written. */
  private static List<String> limits(Statement s) {
    Set<String> out = new LinkedHashSet<>();
    for (Condition c : s.conditions().isEmpty() ? List.<Condition>of() : s.conditions()) {
      if (c.isForest()) {
        out.add(c.phrase());
      } else if (c == Condition.IF_REQUIRED || c == Condition.WHEN_APPLICABLE) {
        out.add(c.phrase());
      }
    }
    for (Limit l : s.limits()) {
      out.add(l.kind() == Limit.Kind.CONDITION ? "only if " + l.phrase() : l.phrase());
    }
    return new ArrayList<>(out);
  }

  private static String reason(Verdict v, Ranked best, String beyond, boolean differ) {
    Statement s = best.statement();
    String base = "best statement: holder " + s.holder().name().toLowerCase(Locale.ROOT)
        + (s.subjectHolder() ? " (its own subject)" : " (its section)") + ", polarity "
        + s.polarity().name().toLowerCase(Locale.ROOT) + (s.guidance() ? ", guidance" : "");
    if (beyond != null) {
      return base + "; the question asks beyond a limit: " + beyond;
    }
    return base + (differ ? "; another document disagrees" : "") + " → " + v.wire();
  }

  private Explain explanation(Question q, List<Ranked> ranked, String reason) {
    List<Explain.Scored> top = ranked.stream().limit(EXPLAIN_TOP).map(r -> new Explain.Scored(r.statement().text(),
        r.passage().document().file(), r.passage().line(), round(r.score()), round(r.coverage()),
        r.statement().holder().name().toLowerCase(Locale.ROOT), r.statement().polarity().name().toLowerCase(Locale.ROOT),
        r.statement().limits().stream().map(l -> l.kind().name().toLowerCase(Locale.ROOT) + ": " + l.phrase()).toList(),
        r.statement().kind().name().toLowerCase(Locale.ROOT)))
        .toList();
    Map<String, Double> topic = new LinkedHashMap<>();
    q.topic().forEach((t, b) -> topic.put(t, round(b)));
    return new Explain(q.ask(), q.intent(), topic, q.unknown(), q.absent(), q.corrections(), q.synonyms(), top, reason,
        q.reading());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
