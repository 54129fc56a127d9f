package com.scopebot.answer;

import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Limit;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.PassageKind;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.WordList;
import com.scopebot.index.PassageIndex.Entry;
import com.scopebot.index.PassageIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks a question's candidate statements: BM25's best for the topic, re-ranked on what BM25 cannot see (how much of
 * the asking clauses a statement holds, conditions, who holds it, revision). Thread-safe once built.
 */
final class Ranking {

  /** How many of BM25's best statements for the topic are ranked. */
  static final int CANDIDATES = 80;
  /** Statements added to the candidates for each delivery request a question makes (see {@link #candidates}). */
  static final int REQUEST_CANDIDATES = 40;
  /** An asking word the corpus does not hold counts for this share of the rarest term's weight. */
  static final double UNKNOWN_WEIGHT = 1.0;
  /** An everyday English word the corpus does not use counts for this share. */
  static final double EVERYDAY_UNKNOWN_WEIGHT = 0.15;
  /** Context clauses the best statement also holds add up to this much to its coverage. */
  static final double CONTEXT_SHARE = 0.25;

  /**
   * What a statement about another case keeps of its coverage — moving off another named product
   * ({@link #movesFromElsewhere}), excluding other versions ({@link Inference#excludesOtherVersions}): below the share
   * a statement needs to answer ({@link Reasoning#MIN_COVERAGE}), however much of the words it holds.
   */
  static final double OTHER_SOURCE = 0.4;

  private final PassageIndex index;
  /** What each feature adds to a statement's score ({@code ranking.properties}). */
  private final RankWeights weights;
  /** Weight of a term that occurs once: what an unknown word is measured against. */
  private final double rarest;
  /** What ranking reads of each statement that no question changes. */
  private final Traits traits;
  /** The index's terms of the device platforms ({@link ClosedSets#PLATFORMS}), read once. */
  private final List<String> platformTerms;

  Ranking(PassageIndex index, RankWeights weights) {
    this.index = index;
    this.weights = weights;
    int n = Math.max(1, index.size());
    this.rarest = Math.log(1 + (n - 1 + 0.5) / 1.5);
    this.traits = new Traits(index.entries());
    this.platformTerms = ClosedSets.platformTerms(index);
  }

  /** What is read once of each statement: reasoning reads its words and numbers too. */
  Traits traits() {
    return traits;
  }

  /**
   * A statement with its scores: share of the asking clauses held, share of its own words the question names, the
   * ranking score, and the features the score adds to its coverage ({@link RankWeights#NAMES}).
   */
  record Ranked(Entry entry, double coverage, double own, double score, double[] features) {
    Passage passage() {
      return entry.passage();
    }

    Statement statement() {
      return entry.statement();
    }
  }

  /**
   * The question's candidate statements, scored, best first.
   *
   * @param documents the files to rank from, or null for all (the revision in force preferred)
   */
  List<Ranked> rank(Question q, Set<String> documents) {
    TopicHeld held = new TopicHeld(
        q.topic().keySet().stream().mapToInt(index::termId).filter(id -> id >= 0).sorted().toArray());
    List<WeighedClause> clauses = q.groups().stream().map(g -> WeighedClause.of(g, index, rarest, held, q.synonyms()))
        .toList();
    QuestionCoverage covered = new QuestionCoverage(q, index, held, clauses);
    ClosedSets closed = new ClosedSets(q, index, held, platformTerms);
    List<String> lacking = q.request().without().isEmpty() ? List.of() : index.terms(q.request().without());
    List<Ranked> ranked = new ArrayList<>();
    for (Entry e : candidates(q, documents)) {
      held.read(e);
      closed.hold(e.statement());
      // a question that asks only what a limit answers ("Does FastTrack come on site?") is answered by that limit; not
      // one that asks whose the work is, which no limit answers
      boolean answersRequest = q.intent() != Intent.WHO && Inference.beyond(e.statement(), q.request()).isPresent();
      double coverage = covered.coverage(answersRequest);
      double spread = covered.spread(answersRequest);
      if (movesFromElsewhere(e.statement().text(), q.request().from())) {
        coverage *= OTHER_SOURCE; // moving off another named product answers nothing about moving off this one
      }
      if (Inference.excludesOtherVersions(e.statement(), q.request())) {
        coverage *= OTHER_SOURCE; // it excludes other versions than the one asked about
      }
      if (q.intent() != Intent.INFO && closed.excludesOtherThings(e.statement())) {
        // it excludes other things than the one asked about (a question asking for a fact is answered by any
        // statement that gives it, an exclusion list's too)
        coverage *= OTHER_SOURCE;
      }
      double own = statementCoverage(e, held);
      double[] features = features(q, e, documents == null, answersRequest, lacking);
      features[RankWeights.SPREAD] = spread;
      features[RankWeights.OWN] = own;
      // doing the action asked counts by how much of the question the statement holds: not for another thing done
      features[RankWeights.WHO_DOER] *= coverage * coverage;
      ranked.add(new Ranked(e, coverage, own, weights.score(coverage, features), features));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    return JointEvidence.join(q, ranked, held, covered, weights);
  }

  /**
   * The statements to rank: BM25's best for the topic, and the statements whose limits answer a delivery request
   * ("on site" → provided remotely, "again" → one time, "Saturday night" → business hours) or a count the question
   * states below a least count, whatever their words, since the words that ask it are not the words that answer it.
   */
  private List<Entry> candidates(Question q, Set<String> documents) {
    Set<Entry> out = new LinkedHashSet<>();
    if (!q.topic().isEmpty()) {
      index.search(q.topic(), CANDIDATES, documents).forEach(hit -> out.add(hit.entry()));
    }
    Question.Request r = q.request();
    for (Limit.Kind kind : List.of(Limit.Kind.REMOTE, Limit.Kind.ONE_TIME, Limit.Kind.BUSINESS_HOURS)) {
      if (r.asks(kind)) {
        traits.limiting(kind).stream().filter(e -> documents == null || documents.contains(e.passage().document().file()))
            .limit(REQUEST_CANDIDATES).forEach(out::add);
      }
    }
    if (!r.counts().isEmpty()) {
      // "we have 120 seats": a least count of licenses answers it, in whatever words the question is put
      traits.limiting(Limit.Kind.MIN_COUNT).stream()
          .filter(e -> documents == null || documents.contains(e.passage().document().file()))
          .filter(e -> Inference.beyond(e.statement(), r).isPresent()).limit(REQUEST_CANDIDATES).forEach(out::add);
    }
    return new ArrayList<>(out);
  }

  /** The share of a statement's own words that the question names: a statement about nothing else scores 1. */
  private double statementCoverage(Entry e, TopicHeld held) {
    double all = traits.textWeight(e);
    return all == 0 ? 0 : held.ownWeightHeld() / all;
  }

  /**
   * What term coverage cannot see: conditions, who holds it, revision, and concision. The clause features
   * ({@link RankWeights#SPREAD}, {@link RankWeights#OWN}) are left for the caller.
   *
   * @param now true when answering as of today: a superseded revision then ranks below the one in force
   * @param answersRequest true when one of the statement's limits answers what the question asks for
   */
  /** @param lackingTerms the index terms of what the question says the case is without */
  private double[] features(Question q, Entry e, boolean now, boolean answersRequest, List<String> lackingTerms) {
    Passage p = e.passage();
    Statement s = e.statement();
    double[] f = new double[RankWeights.NAMES.size()];
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
        f[RankWeights.SAME_FOREST] = 1;
      } else if (forest) {
        f[RankWeights.OTHER_FOREST] = 1; // says something about the other topology
      }
    } else if (forest) {
      f[RankWeights.UNASKED_FOREST] = 1; // a conditional statement answers an unconditional question less well
    }
    if (q.intent() == Intent.WHO && s.holder() != Holder.NONE) {
      f[RankWeights.WHO_HOLDER] = 1;
      if (s.subjectHolder() && doesAction(s.text(), q.action())) {
        f[RankWeights.WHO_DOER] = 1;
      }
    }
    // "how much does it cost" wants a statement that gives a price, "how many" one that gives a number, "how long" /
    // "when" one that gives a time
    if (q.answerType() == QuestionIntent.AnswerType.PRICE) {
      f[RankWeights.ANSWER_TYPE] = Traits.givesPrice(s.text()) ? 1 : -1;
    } else if (q.answerType() == QuestionIntent.AnswerType.NUMBER) {
      f[RankWeights.ANSWER_TYPE] = traits.givesNumber(e) ? 1 : -1;
    } else if (q.answerType() == QuestionIntent.AnswerType.TIME
        || q.answerType() == QuestionIntent.AnswerType.DURATION) {
      f[RankWeights.ANSWER_TYPE] = traits.givesTime(e) ? 1 : -1;
    }
    if (s.text().endsWith(":") && !(q.intent() == Intent.INFO && !p.items().isEmpty())) {
      f[RankWeights.LEAD_IN] = 1; // a bare lead-in states nothing by itself, unless the question asks what it enumerates
    }
    if (!s.kind().grounds() && q.intent() != Intent.INFO) {
      f[RankWeights.NOT_GROUNDING] = 1; // a description or a link says nothing about scope or sides
    }
    if (now && !p.document().current()) {
      f[RankWeights.SUPERSEDED] = 1; // the newest revision is the one in force
    }
    if (answersRequest) {
      f[RankWeights.ANSWERS_REQUEST] = 1; // a limit that answers what the question asks for more of ("again", "on site")
    }
    String lacking = q.request().without();
    if (!lacking.isEmpty()) {
      // "without Intune": a statement about the case outside Intune answers it; one that has Intune in it is about
      // the other case
      f[RankWeights.ABSENCE] = speaksOf(traits.absent(e), lacking) ? 1
          : Inference.overlaps(s.text(), lacking) || holdsMost(e, lackingTerms) ? -1 : 0;
    } else if (!traits.absent(e).isEmpty() && speaksOf(traits.absent(e), String.join(" ", q.ask()))) {
      f[RankWeights.ABSENCE] = -1; // "outside Intune" speaks of another case than a question about Intune
    }
    if (p.kind() == PassageKind.PARAGRAPH && q.intent() != Intent.INFO) {
      f[RankWeights.PARAGRAPH] = 1; // scope is stated in bullets, notes and tables; paragraphs narrate
    }
    f[RankWeights.YEAR] = traits.year(e);
    f[RankWeights.DOUBLINGS] = traits.doublings(e);
    return f;
  }

  /** How near a statement's opening its subject's verb stands, in words ("Microsoft grants …", "The project team sends"). */
  private static final int SUBJECT_VERB_REACH = 5;
  /** How far into a statement the comma after an opening subordinate clause may stand, in characters. */
  private static final int SCENE_REACH = 100;
  private static final Pattern OPENING_WORDS = Regex.compile("[^\\p{L}\\p{N}'\u2019]+");
  private static final Set<String> BE = Set.of("be", "been", "being", "is", "are", "was", "were");

  /**
   * True when a statement's own subject does the action ({@link Question#action}, an index term): a word of its
   * opening starts with the term, in the active voice ("Microsoft grants …", not "… can be granted").
   */
  static boolean doesAction(String statement, String action) {
    if (action.isEmpty()) {
      return false;
    }
    String lower = statement.toLowerCase(Locale.ROOT);
    // "Before beginning the Enable phase, we'll jointly verify …": the subject comes after the scene
    Matcher scene = AskingWords.SUBORDINATE.matcher(lower);
    int comma = lower.indexOf(", ");
    if (comma > 0 && comma < SCENE_REACH && scene.lookingAt()) {
      lower = lower.substring(comma + 2);
    }
    String[] words = OPENING_WORDS.split(lower, SUBJECT_VERB_REACH + 1);
    // the stemmer writes a final y as i ("verify" → "verifi"): the word starts with what comes before it
    String start = action.endsWith("i") ? action.substring(0, action.length() - 1) : action;
    for (int i = 0; i < Math.min(SUBJECT_VERB_REACH, words.length); i++) {
      if (words[i].startsWith(start) && (i == 0 || !BE.contains(words[i - 1]))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the statement holds most of the terms (two thirds): "without MEM" against "… with Microsoft Endpoint
   * Manager", which the synonym map reads as one.
   */
  private static boolean holdsMost(Entry e, List<String> terms) {
    int held = 0;
    for (String t : terms) {
      held += java.util.Arrays.binarySearch(e.textTerms(), t) >= 0 ? 1 : 0;
    }
    return Inference.most(held, terms.size());
  }

  /** True when one of the things a statement says are absent ("outside Intune") is the one the question names. */
  private static boolean speaksOf(List<String> absent, String named) {
    for (String thing : absent) {
      if (Inference.overlaps(thing, named)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "move from X to", "migrating from X to", "migrating your Dynamics CRM database to": what a statement moves the
   * customer off (group 2 for a thing of yours, which counts when it names a product).
   */
  private static final Pattern MOVES_FROM = Regex.compile(WordList.load("migration-verbs").anywhereRegex()
      + "\\s+(?:from\\s+([a-z0-9][\\w ().,/-]{1,80}?)|your\\s+([a-z0-9][\\w ().,/-]{1,80}?))\\s+(?:to|into|onto)\\b");
  private static final Pattern CAPITALISED = Regex.compile("\\b\\p{Lu}");
  /** Words that make a statement's source any product of a kind ({@code words/generic-sources.txt}). */
  private static final Pattern GENERIC_SOURCE = WordList.load("generic-sources").opening();

  /**
   * True when the question moves off a product the documents never name and the statement speaks of moving off a
   * different, named one ("from Intune integrated with Configuration Manager to Intune standalone").
   */
  static boolean movesFromElsewhere(String statement, String from) {
    if (from.isEmpty()) {
      return false;
    }
    String lower = statement.toLowerCase(Locale.ROOT);
    Matcher m = MOVES_FROM.matcher(lower);
    while (m.find()) {
      boolean yours = m.group(1) == null;
      String source = yours ? m.group(2) : m.group(1);
      // "migrating your mailboxes to …" names what is moved, not a product it is moved off (lower-casing keeps
      // positions for the text documents are written in; where it doesn't, no name is read)
      if (yours && !(lower.length() == statement.length()
          && CAPITALISED.matcher(statement.substring(m.start(2), m.end(2))).find())) {
        continue;
      }
      if (!source.contains(from) && !GENERIC_SOURCE.matcher(source).find()) {
        return true;
      }
    }
    return false;
  }

  /** Each passage once, by its best-ranked statement. */
  static List<Ranked> distinct(List<Ranked> ranked) {
    Map<Passage, Ranked> seen = new IdentityHashMap<>();
    List<Ranked> out = new ArrayList<>();
    for (Ranked r : ranked) {
      if (seen.putIfAbsent(r.passage(), r) == null) {
        out.add(r);
      }
    }
    return out;
  }
}
