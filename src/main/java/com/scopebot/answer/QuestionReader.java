package com.scopebot.answer;

import com.scopebot.corpus.Classifier;
import com.scopebot.corpus.Condition;
import com.scopebot.corpus.EnglishWords;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.WordList;
import com.scopebot.index.DomainAnalyzer;
import com.scopebot.index.PassageIndex;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Reads a question: cleans it, corrects typos against the corpus, tells its intent and extracts the terms of its
 * subject. User text only ever becomes analysed terms, never query syntax.
 *
 * <p>Thread-safe once built.
 */
public final class QuestionReader {

  /** Words that ask rather than name a subject; they steer the intent and are not searched for. */
  static final Set<String> ASKING_WORDS = Set.copyOf(WordList.load("asking-words").phrases());

  /** Actions the documents apply to many things; the thing acted on identifies the task, so these weigh less. */
  static final List<String> ACTION_WORDS = WordList.load("action-words").phrases();

  /**
   * Words that name the kind of answer wanted rather than its subject ("which languages", "what number"): the
   * documents state the languages without the word "languages", so these weigh less too.
   */
  static final List<String> ANSWER_TYPE_WORDS = WordList.load("answer-type-words").phrases();

  /** What an information question asks for, when its wording tells. */
  enum AnswerType { NUMBER, TIME, NONE }

  // one \b for all the words, not one each: found the same, three times faster (see QuestionWords.REPEAT)
  private static final Regex.Needs ASKS_NUMBER = Regex.needing("\\b(?:how (many|much)\\b|what number\\b|up to\\b)",
      "how ", "what number", "up to");
  private static final Regex.Needs ASKS_TIME = Regex.needing(
      "^when\\b|\\b(?:how long\\b|what time\\b|how soon\\b|deadline\\b|within\\b)",
      "^when", "how ", "what time", "deadline", "within");

  // WHO, INFO and the word-list patterns of QuestionWords test the word boundary once for the alternatives that start
  // at a word, not once each: they find the same, faster (a question runs each at least once)
  private static final Regex.Needs WHO = Regex.needing(
      "\\b(?:(who|whom|whose|whose job|commitment|committed|obliged|obligated|obligation|responsible|responsibility|responsibilities|owner|owns|accountable)\\b"
          + "|(our|my|the customer's|customer's) (job|duty|task)\\b)"
          + "|^(do|must|should|shall|will) (we|i|the customer|customers) (have to|need to|handle|do)\\b",
      "who", "commit", "oblig", "responsib", "owner", "owns", "accountable", "job", "duty", "task", "^do ", "^must ", "^should ", "^shall ", "^will ");
  private static final Regex.Needs INFO = Regex.needing(
      "^(how|what|what's|whats|which|when|where|why|list|name|describe)\\b"
          + "|^(do|does|will|would) (we|i|you|they|the customer|customers) (need|require|have to have) (an?|the|any)\\b"
          + "|^(during|in|for|at|on|by|from|with|to|after|before|until|within) (what|which|how)\\b"
          + "|\\b(?:how (many|much|long)\\b|(required|requirements?|prerequisites?|needed|languages?)\\b)",
      "^wh", "^how", "^list", "^name", "^describe", "^do", "^will", "^would", "^during", "^in", "^for", "^at", "^on", "^by", "^from", "^with", "^to", "^after", "^before", "^until", "how ", "required", "requirement", "prerequisite", "needed", "language");
  private static final Regex.Needs YES_NO = Regex.needing(
      "^(is|are|does|do|did|will|would|can|could|should|shall|has|have|may|might|must)\\b"
          + "|\\b(covered|included|in scope|out of scope|supported|provided|promised)\\b",
      "^is", "^are", "^do", "^did", "^will", "^would", "^can", "^could", "^should", "^shall", "^has", "^have", "^may", "^might", "^must", "covered", "included", "in scope", "out of scope", "supported", "provided", "promised");
  /** A yes/no question about coverage: "Does the benefit cover upgrading to the required version?". */
  private static final Regex.Needs ASKS_COVERAGE = Regex.needing(
      "^(is|are|does|do|will|would|can|could)\\b.*\\b(cover|covers|covered|include|includes|included|in scope|out of scope"
          + "|part of|offer|offers|provide|provides|help|helps|assist|support|supports|supported)\\b",
      "cover", "include", "in scope", "out of scope", "part of", "offer", "provide", "help", "assist", "support");
  private static final Pattern SPACES = Regex.compile("\\s+");
  private static final Pattern CONTROL = Regex.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\uFFFD&&[^\\n\\t]]");


  private final PassageIndex index;
  private final Analyzer surface = PassageIndex.surfaceAnalyzer();
  /** {@link #termsOfWord}'s memo, by word. */
  private final Memo<String, List<String>> wordTerms = Memo.of(20_000);
  private final Set<String> lightTerms;
  /** The index's analyzer, also dropping the asking words once product names have been recognised. */
  private final Analyzer questionAnalyzer;
  /** The terms the synonym map names (each line's first entry): products and services an administrator taught. */
  private final Set<String> named;

  /** Corrects the typos of a question against the corpus and the question words. */
  private final TypoCorrection typos;
  /** Reads the names a question asks about that the documents may not know. */
  private final NamesAsked namesAsked;

  /** Terms of clauses that only give context count for this much. */
  static final double CONTEXT_BOOST = 0.5;
  /** Terms of the clause an asking clause points back to ("who implements it?") count for this much. */
  static final double ANTECEDENT_BOOST = 0.6;

  public QuestionReader(PassageIndex index) {
    this.index = index;
    Set<String> light = new HashSet<>(index.terms(String.join(" , ", ACTION_WORDS)));
    light.addAll(index.terms(String.join(" , ", ANSWER_TYPE_WORDS)));
    this.lightTerms = Set.copyOf(light);
    Set<String> stop = new HashSet<>(ASKING_WORDS);
    stop.addAll(QuestionWords.CHATTER);
    stop.addAll(QuestionWords.STOP_WORDS);
    this.questionAnalyzer = new DomainAnalyzer(index.synonyms().map(), false, DomainAnalyzer.normalizedSet(stop));
    this.named = Set.copyOf(index.terms(String.join(" , ", index.synonyms().names())));
    this.typos = new TypoCorrection(index);
    this.namesAsked = new NamesAsked(index, questionAnalyzer, named);
    EnglishWords.contains("loaded"); // the word list loads now, not on the first question
  }

  /** Cleans text a person typed: compatibility forms folded, control and private-use characters removed. */
  static String clean(String text) {
    if (isClean(text)) {
      return text; // a question is cleaned several times on its way; most are plain ASCII with nothing to fix
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = CONTROL.matcher(s).replaceAll(" ");
    s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  /**
   * True when cleaning would return the text as it is: printable ASCII only (NFKC leaves it alone, and it holds no
   * control character or curly quote) with single spaces between words and none at either end.
   */
  private static boolean isClean(String text) {
    int n = text.length();
    if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~' || c == ' ' && text.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  /** Reads a question that is neither empty nor over-long (the answerer checks that first). */
  public Question read(String asked) {
    TypoCorrection.Corrected fixed = typos.correct(clean(asked));
    String corrected = fixed.text();
    List<String> corrections = fixed.corrections();
    List<Clause> all = clauses(corrected);
    Reading.Selection selection = Reading.select(all);
    List<Clause> clauses = selection.clauses();
    Reading reading = new Reading(all.size(), clauses.size(), selection.words(), selection.wordsRead(),
        fixed.unknownWords(), fixed.lookups());
    // what limits, conditions and claims are read from: the whole question, or what was read of a long one
    String text = clauses == all ? corrected : String.join(" ", clauses.stream().map(Clause::text).toList());
    String lower = text.toLowerCase(Locale.ROOT);
    boolean claim = QuestionWords.claims(lower);
    boolean anyAsks = clauses.stream().anyMatch(Clause::asks);
    List<String> askTexts = new ArrayList<>();
    List<Question.Group> groups = new ArrayList<>();
    Set<Integer> inGroups = new HashSet<>();
    for (int i = 0; i < clauses.size(); i++) {
      Clause c = clauses.get(i);
      if (anyAsks && !c.asks()) {
        continue;
      }
      askTexts.add(c.text());
      List<String> own = PassageIndex.terms(questionAnalyzer, QuestionWords.withoutRequest(c.text()));
      Map<String, Double> terms = new LinkedHashMap<>();
      boolean thin = known(own) < 1 || QuestionWords.pointsBack(c.text().toLowerCase(Locale.ROOT));
      // an asking clause that only points back ("is that true?", "what is that") asks about the clause before it;
      // its own action words are then the point of the question ("who implements it?") and count fully
      for (String t : own) {
        terms.put(t, thin || !lightTerms.contains(t) ? 1.0 : 0.5);
      }
      List<Clause> members = new ArrayList<>(List.of(c));
      if (thin && i > 0) {
        Clause before = clauses.get(i - 1);
        members.add(before);
        inGroups.add(i - 1);
        List<String> antecedent = PassageIndex.terms(questionAnalyzer, QuestionWords.withoutRequest(before.text()));
        for (String t : antecedent) {
          terms.putIfAbsent(t, ANTECEDENT_BOOST * (lightTerms.contains(t) ? 0.5 : 1.0));
        }
        // "... mentions SDS. what is that?": "that" is the last thing named before it
        if (QuestionWords.ASKS_WHAT_IT_MEANS.find(c.text().toLowerCase(Locale.ROOT))) {
          antecedent.stream().filter(index::has).reduce((a, b) -> b).ifPresent(t -> terms.put(t, 1.0 / ANTECEDENT_BOOST));
        }
      }
      inGroups.add(i);
      if (terms.isEmpty()) {
        continue;
      }
      List<String> unknown = new ArrayList<>();
      List<String> foreign = new ArrayList<>();
      // words the asking clause itself does not use are weighed as context: only names count against it
      unknownWords(members, terms.keySet(), unknown, foreign);
      unknown.removeIf(t -> !own.contains(t) && !foreign.contains(t));
      groups.add(new Question.Group(c.text(), terms, unknown, foreign));
    }
    String askText = String.join(" ", askTexts);
    // the intent comes from the sentences that ask, and among them from the questions proper when there are any
    Set<String> askSentences = new LinkedHashSet<>();
    clauses.stream().filter(c -> !anyAsks || c.asks()).forEach(c -> askSentences.add(c.sentence()));
    Set<String> questions = new LinkedHashSet<>(askSentences);
    questions.removeIf(t -> !t.strip().endsWith("?"));
    Intent intent = intentOf(String.join(" ", questions.isEmpty() ? askSentences : questions).toLowerCase(Locale.ROOT),
        claim);
    if (intent == Intent.OTHER) {
      intent = intentOf(askText.toLowerCase(Locale.ROOT), claim); // "trying to explain ... — what are the ...?"
    }

    // the topic BM25 searches: asking clauses fully, context clauses at half weight
    Map<String, Double> topic = new LinkedHashMap<>();
    for (Question.Group g : groups) {
      g.terms().forEach((t, b) -> topic.merge(t, b, Math::max));
    }
    Map<String, Double> context = new LinkedHashMap<>();
    for (int i = 0; i < clauses.size(); i++) {
      if (inGroups.contains(i)) {
        continue;
      }
      for (String t : PassageIndex.terms(questionAnalyzer, QuestionWords.withoutRequest(clauses.get(i).text()))) {
        if (!topic.containsKey(t)) {
          context.merge(t, CONTEXT_BOOST * (lightTerms.contains(t) ? 0.5 : 1.0), Math::max);
        }
      }
    }
    context.forEach(topic::putIfAbsent);
    List<String> absent = new ArrayList<>();
    List<String> synonymsSeen = new ArrayList<>();
    for (String t : topic.keySet()) {
      if (named.contains(t) && !index.has(t) && !context.containsKey(t)) {
        absent.add(namesAsked.asWritten(text, t));
      } else if (named.contains(t) && index.has(t)) {
        synonymsSeen.add(t);
      }
    }
    // a product named in several capitalised words the documents never write together ("Finance Insights", "Entra
    // Domain Services"): its words alone, found elsewhere, would pass for it
    for (String name : namesAsked.unwritten(askTexts)) {
      String lowerName = name.toLowerCase(Locale.ROOT);
      if (absent.stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).contains(lowerName))) {
        absent.add(name);
      }
    }
    Set<Condition> conditions = new HashSet<>(Classifier.forestConditions(text));
    // names the documents never use, asked about: "Korean" against a list of the languages offered
    List<String> names = new ArrayList<>();
    for (String w : PassageIndex.terms(surface, askText.replace('-', ' '))) {
      if (EnglishWords.isName(w) && !index.inCorpus(w)) {
        names.add(w);
      }
    }
    return new Question(asked, corrected, intent, askTexts, topic, groups, context.keySet(), absent, synonymsSeen,
        conditions, corrections, answerTypeOf(askText.toLowerCase(Locale.ROOT)),
        QuestionWords.request(text).withNames(names).movingFrom(namesAsked.movingFrom(text, askText)), reading);
  }

  /** How many of the terms the corpus holds, action words aside. */
  private int known(List<String> terms) {
    int n = 0;
    for (String t : terms) {
      if (index.has(t) && !lightTerms.contains(t)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The terms the corpus does not hold, and among them those whose words are not everyday English either: a name or
   * jargon the documents never use, rather than chatter.
   */
  private void unknownWords(List<Clause> clauses, Set<String> terms, List<String> unknown, List<String> foreign) {
    Set<String> everyday = null; // the terms of the clauses' everyday English words, worked out once if needed
    for (String t : terms) {
      if (index.has(t) || t.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ',')) {
        continue;
      }
      unknown.add(t);
      if (everyday == null) {
        everyday = new HashSet<>();
        for (Clause c : clauses) {
          for (String w : PassageIndex.terms(surface, c.text())) {
            if (EnglishWords.contains(w)) {
              everyday.addAll(termsOfWord(w));
            }
          }
        }
      }
      if (!everyday.contains(t)) {
        foreign.add(t);
      }
    }
  }

  /**
   * The question-side terms of one everyday English word, kept by word: a pure function of the word and this index's
   * analyzer, asked of the same common words question after question.
   */
  private List<String> termsOfWord(String word) {
    return wordTerms.get(word, w -> List.copyOf(PassageIndex.terms(questionAnalyzer, w)));
  }


  /** A piece of a question between sentence ends, dashes and semicolons; it asks, or it gives context. */
  record Clause(String text, boolean asks, String sentence) {}

  /** Cuts a question into clauses and tells which of them ask. */
  static List<Clause> clauses(String text) {
    List<Clause> out = new ArrayList<>();
    // each search below needs a character most questions lack (a sentence end before more text, a colon, a
    // parenthesis, a dash or comma or semicolon, a space that is not a single one): without it, it is skipped
    String[] sentences = QuestionWords.mayEndSentence(text) ? QuestionWords.SENTENCE_END.split(text)
        : new String[] {text};
    for (String sentence : sentences) {
      List<String> pieces = new ArrayList<>();
      java.util.regex.Matcher label = sentence.indexOf(':') >= 0 ? QuestionWords.LABEL.matcher(sentence) : null;
      if (label != null && label.matches()) {
        pieces.add(label.group(1));
        sentence = label.group(2);
      }
      // an aside in parentheses ("(what used to be called Office ProPlus)") is context, whatever it says
      List<String> asides = new ArrayList<>();
      if (sentence.indexOf('(') >= 0) {
        java.util.regex.Matcher aside = QuestionWords.PARENTHESES.matcher(sentence);
        while (aside.find()) {
          asides.add(aside.group(1));
        }
        sentence = QuestionWords.PARENTHESES.matcher(sentence).replaceAll(" ");
      }
      sentence = (QuestionWords.singleSpaced(sentence) ? sentence : SPACES.matcher(sentence).replaceAll(" ")).strip();
      // asides come first, so that a clause pointing back ("is that in scope?") finds the sentence, not the aside
      for (String a : asides) {
        if (a.chars().anyMatch(Character::isLetterOrDigit)) {
          out.add(new Clause(a.strip(), false, sentence));
        }
      }
      pieces.addAll(QuestionWords.mayBreakClause(sentence) ? List.of(QuestionWords.CLAUSE_BREAK.split(sentence))
          : List.of(sentence));
      for (String piece : pieces) {
        String p = piece.strip();
        if (p.isEmpty() || p.chars().noneMatch(Character::isLetterOrDigit)) {
          continue;
        }
        java.util.regex.Matcher whether = QuestionWords.mayAskWhether(p) ? QuestionWords.ASKS_WHETHER.matcher(p) : null;
        if (whether != null && whether.matches()) {
          // who wants to know is context; what they want to know is the question
          out.add(new Clause(whether.group(1), false, sentence));
          out.add(new Clause(whether.group(2), true, sentence));
        } else {
          out.add(new Clause(p, asks(p, sentence), sentence));
        }
      }
    }
    if (out.isEmpty()) {
      out.add(new Clause(text, true, text));
    }
    return out;
  }

  private static boolean asks(String clause, String sentence) {
    String lower = clause.toLowerCase(Locale.ROOT);
    if (QuestionWords.hasOr(lower) && QuestionWords.ONLY_SIDES.matcher(lower).matches()) {
      return false; // "us or FastTrack?", "their engineers or our network team?": who, not what
    }
    if (QuestionWords.asks(lower) || QuestionWords.claims(lower)
        || QuestionWords.INNER_ASK.matcher(lower).find()) {
      return true;
    }
    // "once the approach is agreed, who implements it?": a subordinate clause sets the scene
    if (QuestionWords.SUBORDINATE.matcher(lower).lookingAt()) { // anchored at the start: tried there only
      return false;
    }
    return clause.endsWith("?") || sentence.endsWith("?") && sentence.endsWith(clause);
  }

  static AnswerType answerTypeOf(String lower) {
    if (ASKS_NUMBER.find(lower)) {
      return AnswerType.NUMBER;
    }
    return ASKS_TIME.find(lower) ? AnswerType.TIME : AnswerType.NONE;
  }

  static Intent intentOf(String text, boolean claim) {
    // "admins who can manage templates": a relative "who" describes, it does not ask who
    String lower = QuestionWords.mayHaveRelativeWho(text) ? QuestionWords.RELATIVE_WHO.matcher(text).replaceAll("$1")
        : text;
    if (QuestionWords.CHECKS_CLAIM.find(lower)) {
      return claim ? Intent.CLAIM : Intent.COVERED;
    }
    if (WHO.find(lower) || QuestionWords.hasOr(lower) && (QuestionWords.EITHER_SIDE.matcher(lower).find()
        || QuestionWords.SIDE_THEN_SIDE.matcher(lower).lookingAt())) {
      return Intent.WHO;
    }
    if (claim) {
      return Intent.CLAIM;
    }
    if (QuestionWords.ASKS_WHAT_IT_MEANS.find(lower)) {
      return Intent.INFO;
    }
    if (ASKS_COVERAGE.mayMatch(lower) && ASKS_COVERAGE.matcher(lower).lookingAt()) {
      return Intent.COVERED;
    }
    if (INFO.find(lower)) {
      return Intent.INFO;
    }
    if (YES_NO.find(lower)) {
      return Intent.COVERED;
    }
    return Intent.OTHER;
  }

}
