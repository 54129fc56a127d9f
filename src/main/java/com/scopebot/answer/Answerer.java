package com.scopebot.answer;

import com.scopebot.corpus.Classifier;
import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.DocumentParser;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.PassageKind;
import com.scopebot.corpus.Polarity;
import com.scopebot.index.PassageIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a question into a verdict, a short answer and ranked citations.
 *
 * <p>The verdict comes from the cited text: the section that holds the passage (customer's or Microsoft's), what
 * its best-matching sentence says (out of scope, not supported, required) and the conditions it states. When the
 * best passage holds too little of the question, the answer is {@code unknown}. Thread-safe once built; never
 * throws on user input.
 */
public final class Answerer {

  /** Longest question answered; longer text is refused with a clear answer rather than searched. */
  public static final int MAX_QUESTION_CHARS = 1000;

  /** A passage must hold at least this share of the question's term weight to be evidence. */
  static final double MIN_COVERAGE = 0.5;
  /** Citations after the first must score within this distance of the best. */
  static final double CITE_MARGIN = 0.3;
  static final int MAX_CITATIONS = 5;
  static final int CANDIDATES = 60;

  private static final Pattern NUMBER = Pattern.compile(
      "\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+)\\b");
  private static final Pattern TIME = Pattern.compile(
      "\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty)\\s+(hours?|days?|weeks?|months?|years?)\\b"
          + "|\\bbusiness hours\\b|\\bwithin\\b");
  private static final Pattern LIMIT = Pattern.compile(
      "(?i)\\b(up to [^,.;()]+|limited to [^,.;()]+|only [^,.;()]+|[^,.;()]*\\b(?:is|are) required"
          + "|if required|when applicable|when needed|as needed|if deployed)");

  /** Distinct questions whose answers are kept; the cache is dropped whole when it fills up. */
  static final int CACHE_SIZE = 10_000;

  private final PassageIndex index;
  private final QuestionReader reader;
  /**
   * Answers by cleaned question text. The index never changes under an answerer (a reindex builds a new one), so a
   * cached answer is exactly what answering again would give; popular questions are answered once.
   */
  private final Map<String, Answer> cache = new ConcurrentHashMap<>();

  public Answerer(PassageIndex index) {
    this.index = index;
    this.reader = new QuestionReader(index);
  }

  public PassageIndex index() {
    return index;
  }

  /** A passage, the share of the question it holds, and its score after re-ranking. */
  private record Ranked(Passage passage, double coverage, double score) {}

  /** Answers one question. Never throws for any text a person or a program may send. */
  public Answer answer(String asked) {
    String question = asked == null ? "" : asked;
    if (question.length() > MAX_QUESTION_CHARS) {
      return compute(question);
    }
    String key = QuestionReader.clean(question);
    Answer cached = cache.get(key);
    if (cached != null) {
      return cached.question().equals(question) ? cached : cached.withQuestion(question);
    }
    Answer fresh = compute(question);
    if (cache.size() >= CACHE_SIZE) {
      cache.clear();
    }
    cache.put(key, fresh);
    return fresh;
  }

  /** Answers without the cache: what a question nobody asked before costs (benchmarks measure this). */
  public Answer answerUncached(String question) {
    return compute(question == null ? "" : question);
  }

  private Answer compute(String question) {
    if (QuestionReader.clean(question).isEmpty()) {
      return Answer.unknown(question, "Ask me about FastTrack scope, for example: "
          + "\"Is AD FS covered for multiple forests?\" or \"Who is responsible for SSL certificates?\"",
          0, List.of(), Intent.OTHER);
    }
    if (question.length() > MAX_QUESTION_CHARS) {
      return Answer.unknown(question.substring(0, 200) + "…", "That question is too long (over " + MAX_QUESTION_CHARS
          + " characters). Ask about one task or service at a time.",
          0, List.of(), Intent.OTHER);
    }
    Question q = reader.read(question);
    if (q.terms().isEmpty()) {
      return Answer.unknown(question, "I couldn't tell what the question is about. Name the task or service, "
          + "for example \"Who configures DNS?\"", 0, List.of(), q.intent());
    }
    List<Ranked> ranked = rank(q);
    if (ranked.isEmpty() || ranked.get(0).coverage() < MIN_COVERAGE) {
      List<Citation> closest = ranked.stream().limit(3).map(r -> Citation.of(r.passage())).toList();
      double confidence = ranked.isEmpty() ? 0 : round(ranked.get(0).coverage());
      return Answer.unknown(question, "The documents don't say."
          + (closest.isEmpty() ? "" : " The closest passages I found are below; none of them answers it."),
          confidence, closest, q.intent());
    }
    List<Ranked> cited = cite(ranked);
    Ranked best = cited.get(0);
    String bestSentence = bestSentence(best.passage(), q);
    Polarity polarity = polarityOf(best.passage(), bestSentence);
    Ranked other = disagreement(cited, q);
    boolean differ = other != null;
    Verdict verdict = verdict(q, best.passage(), polarity, cited, differ);
    String text = compose(verdict, best.passage(), bestSentence, cited, other);
    return new Answer(question, verdict, text, round(Math.max(0, Math.min(1, best.score()))),
        cited.stream().map(r -> Citation.of(r.passage())).toList(), List.of(), q.intent(), differ);
  }

  private List<Ranked> rank(Question q) {
    List<Ranked> ranked = new ArrayList<>();
    for (PassageIndex.Hit hit : index.search(q.terms(), q.lightTerms(), CANDIDATES)) {
      ranked.add(new Ranked(hit.passage(), hit.coverage(), hit.coverage() + adjustment(q, hit.passage())));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    return ranked;
  }

  /** Re-ranking on what term coverage cannot see: conditions, who holds it, revision, and concision. */
  static double adjustment(Question q, Passage p) {
    double adj = 0;
    Set<Condition> forest = new HashSet<>(p.conditions());
    forest.removeIf(c -> !c.isForest());
    if (!q.conditions().isEmpty()) {
      if (forest.stream().anyMatch(q.conditions()::contains)) {
        adj += 0.15;
      } else if (!forest.isEmpty()) {
        adj -= 0.3; // says something about the other topology
      }
    } else if (!forest.isEmpty()) {
      adj -= 0.03; // a conditional statement answers an unconditional question less well
    }
    if (q.intent() == Intent.WHO && p.holder() != Holder.NONE) {
      adj += 0.08;
    }
    // "how many" wants a passage that gives a number, "how long" / "when" one that gives a time
    if (q.answerType() == QuestionReader.AnswerType.NUMBER && NUMBER.matcher(p.text().toLowerCase(Locale.ROOT)).find()
        || q.answerType() == QuestionReader.AnswerType.TIME && TIME.matcher(p.text().toLowerCase(Locale.ROOT)).find()) {
      adj += 0.1;
    }
    if (p.text().endsWith(":") && !(q.intent() == Intent.INFO && !p.items().isEmpty())) {
      adj -= 0.1; // a bare lead-in states nothing by itself, unless the question asks what it enumerates
    }
    if (!p.document().current()) {
      adj -= 0.025; // the newest revision is the one in force
    }
    if (p.kind() == PassageKind.PARAGRAPH && q.intent() != Intent.INFO) {
      adj -= 0.05; // scope is stated in bullets, notes and tables; paragraphs narrate
    }
    // between documents that say the same, prefer the more recent one (a hundredth a decade)
    adj += 0.001 * yearOf(p.document().revision());
    // among equally matching passages, prefer the one that says least else
    adj -= 0.03 * Math.max(0, Math.log(p.text().length() / 100.0) / Math.log(2));
    return adj;
  }

  private static int yearOf(String isoDate) {
    try {
      return Math.max(0, Integer.parseInt(isoDate.substring(0, 4)) - 2000);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The best passage, then others close to it; the same words are cited once (from the best-ranked copy). */
  private static List<Ranked> cite(List<Ranked> ranked) {
    Ranked best = ranked.get(0);
    List<Ranked> cited = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Ranked r : ranked) {
      if (cited.size() == MAX_CITATIONS) {
        break;
      }
      if (r != best && (r.coverage() < MIN_COVERAGE || r.score() < best.score() - CITE_MARGIN)) {
        continue;
      }
      if (seen.add(r.passage().text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim())) {
        cited.add(r);
      }
    }
    return cited;
  }

  /**
   * What the sentence says about scope; a sentence that says nothing takes the passage's scope from its section or
   * list introduction ("Out of scope" heading, "The following aren't included:").
   */
  private static Polarity polarityOf(Passage p, String sentence) {
    Polarity own = Classifier.polarity(sentence);
    return own == Polarity.NONE && Classifier.polarity(p.text()) == Polarity.NONE ? p.polarity() : own;
  }

  /** The sentence of a passage that holds most of the question's weight: its polarity is the one that counts. */
  private String bestSentence(Passage p, Question q) {
    List<String> sentences = DocumentParser.sentences(p.text());
    if (sentences.size() <= 1) {
      return p.text();
    }
    Set<String> wanted = new HashSet<>(q.terms());
    String best = sentences.get(0);
    double bestWeight = -1;
    for (String s : sentences) {
      double w = 0;
      for (String t : new LinkedHashSet<>(index.terms(s))) {
        if (wanted.contains(t)) {
          w += index.weight(t);
        }
      }
      if (w > bestWeight) {
        best = s;
        bestWeight = w;
      }
    }
    return best;
  }

  private static Verdict verdict(Question q, Passage p, Polarity polarity, List<Ranked> cited, boolean differ) {
    if (polarity.excludes()) {
      return q.intent() == Intent.WHO && p.holder() == Holder.CUSTOMER ? Verdict.CUSTOMER : Verdict.OUT_OF_SCOPE;
    }
    switch (q.intent()) {
      case WHO -> {
        Holder holder = p.holder() != Holder.NONE ? p.holder() : firstHolder(cited);
        if (differ && holdersDiffer(cited)) {
          return Verdict.SHARED;
        }
        if (holder == Holder.CUSTOMER) {
          return Verdict.CUSTOMER;
        }
        // Microsoft's part is mostly guidance: FastTrack guides, the customer performs
        return p.guidance() ? Verdict.SHARED : Verdict.MICROSOFT;
      }
      case INFO -> {
        return Verdict.INFO;
      }
      default -> {
        return p.holder() == Holder.CUSTOMER ? Verdict.CUSTOMER : Verdict.IN_SCOPE;
      }
    }
  }

  private static Holder firstHolder(List<Ranked> cited) {
    return cited.stream().map(r -> r.passage().holder()).filter(h -> h != Holder.NONE).findFirst().orElse(Holder.NONE);
  }

  private static boolean holdersDiffer(List<Ranked> cited) {
    Set<Holder> holders = new HashSet<>();
    cited.forEach(r -> holders.add(r.passage().holder()));
    return holders.contains(Holder.CUSTOMER) && holders.contains(Holder.MICROSOFT);
  }

  /**
   * The first cited passage from another document that disagrees with the best one: one says FastTrack provides it
   * while the other makes it the customer's or excludes it (for the same forest topology), or they give different
   * numbers. Only statements count: bullets, notes and table rows, not narrative paragraphs. Null when none does.
   */
  private Ranked disagreement(List<Ranked> cited, Question q) {
    Ranked best = cited.get(0);
    Passage a = best.passage();
    Boolean sa = stance(a, q);
    Set<String> na = numbers(a.text());
    for (Ranked other : cited.subList(1, cited.size())) {
      Passage b = other.passage();
      if (a.document().file().equals(b.document().file()) || b.kind() == PassageKind.PARAGRAPH
          || a.kind() == PassageKind.PARAGRAPH || other.coverage() < best.coverage() * 0.7) {
        continue;
      }
      Boolean sb = stance(b, q);
      boolean stances = sa != null && sb != null && !sa.equals(sb) && sameForest(a, b);
      Set<String> nb = numbers(b.text());
      if (stances || !na.isEmpty() && !nb.isEmpty() && !na.equals(nb)) {
        return other;
      }
    }
    return null;
  }

  /**
   * True when a passage says FastTrack provides (or guides) it, false when it makes it the customer's or excludes
   * it, null when it names no side.
   */
  private Boolean stance(Passage p, Question q) {
    // the sentence about the question counts: "X supports multiple forests. Other scenarios aren't supported."
    Polarity polarity = polarityOf(p, bestSentence(p, q));
    if (polarity.excludes() || p.holder() == Holder.CUSTOMER) {
      return false;
    }
    // "integrating X (X licences are required)": FastTrack does it, the customer brings the prerequisite — both sides
    if (polarity == Polarity.REQUIRES) {
      return null;
    }
    return p.holder() == Holder.MICROSOFT ? Boolean.TRUE : null;
  }

  private static boolean sameForest(Passage a, Passage b) {
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
    return found;
  }

  private static String compose(Verdict verdict, Passage p, String sentence, List<Ranked> cited, Ranked other) {
    boolean differ = other != null;
    StringBuilder sb = new StringBuilder();
    switch (verdict) {
      case OUT_OF_SCOPE -> sb.append("No — out of scope. ").append(sentence);
      case IN_SCOPE -> sb.append(p.guidance()
          ? "Yes — FastTrack provides guidance on this."
          : "Yes — this is part of the FastTrack benefit.");
      case CUSTOMER -> sb.append("This is the customer's responsibility (")
          .append(String.join(" › ", p.section())).append(").");
      case MICROSOFT -> sb.append("This is FastTrack's (Microsoft's) responsibility (")
          .append(String.join(" › ", p.section())).append(").");
      case SHARED -> sb.append(differ && holdersDiffer(cited)
          ? "Shared — the documents assign it to different sides; see both citations."
          : "Shared — FastTrack provides guidance; the customer does the work.");
      case INFO -> {
        sb.append(sentence);
        if (!p.items().isEmpty() && sentence.endsWith(":")) {
          sb.append(' ').append(String.join("; ", p.items()));
        }
      }
      default -> sb.append("The documents don't say.");
    }
    if (verdict == Verdict.IN_SCOPE || verdict == Verdict.SHARED || verdict == Verdict.MICROSOFT) {
      List<String> limits = limits(sentence, p);
      if (!limits.isEmpty()) {
        sb.append(" Conditions: ").append(String.join("; ", limits)).append('.');
      }
    }
    if (verdict == Verdict.IN_SCOPE) {
      // a cited passage that excludes part of it ("for all multiple forest configurations ... out of scope")
      cited.stream().skip(1).map(Ranked::passage).filter(c -> c.polarity().excludes()).findFirst()
          .ifPresent(limit -> sb.append(" But not everything: “").append(limit.text()).append("”"));
    }
    if (differ) {
      sb.append(" Sources differ: ").append(describe(p.document())).append(" and ")
          .append(describe(other.passage().document())).append(" do not say the same; both are cited.");
    }
    return sb.toString().trim();
  }

  private static String describe(Document d) {
    return "\"" + d.title() + "\" (" + d.revision() + (d.current() ? "" : ", superseded") + ")";
  }

  /** The limits a passage states ("up to two test devices", "Team Viewer subscription is required"). */
  private static List<String> limits(String sentence, Passage p) {
    Set<String> limits = new LinkedHashSet<>();
    for (Condition c : p.conditions()) {
      if (c.isForest()) {
        limits.add(c.phrase());
      }
    }
    Matcher m = LIMIT.matcher(sentence);
    while (m.find()) {
      limits.add(m.group(1).trim());
    }
    return new ArrayList<>(limits);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
