package com.scopebot.answer;

import com.scopebot.corpus.Classifier;
import com.scopebot.corpus.Condition;
import com.scopebot.index.DomainAnalyzer;
import com.scopebot.index.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Reads a question: cleans it, corrects typos against the corpus, tells its intent and extracts the terms of its
 * subject. User text only ever becomes analysed terms, never query syntax.
 *
 * <p>Thread-safe once built.
 */
public final class QuestionReader {

  /** Words that ask rather than name a subject; they steer the intent and are not searched for. */
  static final Set<String> ASKING_WORDS = Set.of(
      "who", "whom", "whose", "what", "whats", "which", "when", "where", "why", "how", "many", "much", "long",
      "responsible", "responsibility", "responsibilities", "owner", "owns", "own", "accountable", "duty", "job",
      "handle", "handles", "handled", "handling", "covered", "cover", "covers", "coverage", "include", "included",
      "includes", "scope", "supported", "support", "supports", "provide", "provides", "provided", "providing",
      "offer", "offers", "offered", "help", "helps", "assist", "does", "do", "did", "done", "can", "could", "would",
      "should", "shall", "must", "may", "might", "has", "have", "had", "am", "been", "being", "fasttrack",
      "microsoft", "microsoft's", "we", "our", "us", "i", "me", "my", "you", "your", "please", "tell", "know",
      "customer", "customers", "customer's",
      "want", "promised", "promise", "says", "said", "claim", "claims", "claimed", "benefit", "yes", "really",
      "actually", "also", "still", "part", "get", "gets", "any", "all", "something", "thing", "things");

  /** Actions the documents apply to many things; the thing acted on identifies the task, so these weigh less. */
  static final List<String> ACTION_WORDS = List.of(
      "configure", "configuring", "configured", "set up", "setup", "setting up", "install", "installing", "deploy",
      "deploying", "deployment", "enable", "enabling", "implement", "create", "creating", "manage", "managing",
      "perform", "run", "activate", "add", "adding", "use", "using", "work");

  /**
   * Words that name the kind of answer wanted rather than its subject ("which languages", "what number"): the
   * documents state the languages without the word "languages", so these weigh less too.
   */
  static final List<String> ANSWER_TYPE_WORDS = List.of(
      "language", "languages", "number", "amount", "duration", "time", "date", "deadline", "period", "limit");

  /** What an information question asks for, when its wording tells. */
  enum AnswerType { NUMBER, TIME, NONE }

  private static final Pattern ASKS_NUMBER = Pattern.compile("\\bhow (many|much)\\b|\\bwhat number\\b|\\bup to\\b");
  private static final Pattern ASKS_TIME = Pattern.compile(
      "\\bhow long\\b|^when\\b|\\bwhat time\\b|\\bhow soon\\b|\\bdeadline\\b|\\bwithin\\b");

  private static final Pattern WHO = Pattern.compile(
      "\\b(who|whom|whose|responsible|responsibility|responsibilities|owner|owns|accountable)\\b"
          + "|^(do|must|should|shall|will) (we|i|the customer|customers) (have to|need to|need|handle|do)\\b"
          + "|\\b(our|my|the customer's|customer's) (job|duty|task)\\b");
  private static final Pattern INFO = Pattern.compile(
      "^(how|what|what's|whats|which|when|where|why|list|name|describe)\\b|\\bhow (many|much|long)\\b"
          + "|\\b(required|requirements?|prerequisites?|needed|languages?)\\b");
  private static final Pattern YES_NO = Pattern.compile(
      "^(is|are|does|do|did|will|would|can|could|should|shall|has|have|may|might|must)\\b"
          + "|\\b(covered|included|in scope|out of scope|supported|provided|promised)\\b");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\uFFFD&&[^\\n\\t]]");

  /** The same words in a fixed order, so ties in typo correction always resolve alike. */
  private static final List<String> ASKING_WORDS_SORTED = ASKING_WORDS.stream().sorted().toList();

  private final PassageIndex index;
  private final Analyzer surface = PassageIndex.surfaceAnalyzer();
  private final Set<String> lightTerms;
  /** The index's analyzer, also dropping the asking words once product names have been recognised. */
  private final Analyzer questionAnalyzer;
  private final LevenshteinDistance distance = new LevenshteinDistance();

  public QuestionReader(PassageIndex index) {
    this.index = index;
    Set<String> light = new HashSet<>(index.terms(String.join(" , ", ACTION_WORDS)));
    light.addAll(index.terms(String.join(" , ", ANSWER_TYPE_WORDS)));
    this.lightTerms = Set.copyOf(light);
    this.questionAnalyzer = new DomainAnalyzer(index.synonyms().map(), false, DomainAnalyzer.normalizedSet(ASKING_WORDS));
  }

  /** Cleans text a person typed: compatibility forms folded, control and private-use characters removed. */
  static String clean(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = CONTROL.matcher(s).replaceAll(" ");
    s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  /** Reads a question that is neither empty nor over-long (the answerer checks that first). */
  public Question read(String asked) {
    String cleaned = clean(asked);
    List<String> corrections = new ArrayList<>();
    String corrected = correct(cleaned, corrections);
    String lower = corrected.toLowerCase(Locale.ROOT);
    Intent intent = intentOf(lower);
    List<String> terms = PassageIndex.terms(questionAnalyzer, corrected);
    Set<String> light = new HashSet<>(terms);
    light.retainAll(lightTerms);
    Set<Condition> conditions = new HashSet<>(Classifier.conditions(corrected));
    conditions.removeIf(c -> !c.isForest());
    return new Question(asked, corrected, intent, terms, light, conditions, corrections, answerTypeOf(lower));
  }

  static AnswerType answerTypeOf(String lower) {
    if (ASKS_NUMBER.matcher(lower).find()) {
      return AnswerType.NUMBER;
    }
    return ASKS_TIME.matcher(lower).find() ? AnswerType.TIME : AnswerType.NONE;
  }

  static Intent intentOf(String lower) {
    if (WHO.matcher(lower).find()) {
      return Intent.WHO;
    }
    if (INFO.matcher(lower).find()) {
      return Intent.INFO;
    }
    if (YES_NO.matcher(lower).find()) {
      return Intent.COVERED;
    }
    return Intent.OTHER;
  }

  /** Replaces each word that is in neither the corpus, the synonym map nor the question words by its nearest. */
  private String correct(String text, List<String> corrections) {
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    try (TokenStream ts = surface.tokenStream("q", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String word = term.toString();
        if (isKnown(word)) {
          continue;
        }
        String fix = nearestAskingWord(word);
        if (fix == null) {
          fix = index.correct(word).orElse(null);
        }
        if (fix != null) {
          out.append(text, last, offset.startOffset()).append(fix);
          last = offset.endOffset();
          corrections.add(word + " → " + fix);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append(text, last, text.length()).toString();
  }

  private boolean isKnown(String word) {
    return ASKING_WORDS.contains(word)
        || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)
        || !word.chars().allMatch(Character::isLetter)
        || index.knows(word);
  }

  /** "coverd" → "covered": question words are not in the corpus, so they get their own correction. */
  private String nearestAskingWord(String word) {
    // short words are too close to too many others ("pays" is one letter from "says"): only longer ones are fixed
    if (word.length() < 5) {
      return null;
    }
    int allowed = word.length() >= 8 ? 2 : 1;
    String best = null;
    int bestEdits = Integer.MAX_VALUE;
    for (String candidate : ASKING_WORDS_SORTED) {
      if (candidate.length() < 5 || Math.abs(candidate.length() - word.length()) > allowed) {
        continue;
      }
      float similarity = distance.getDistance(word, candidate);
      int edits = Math.round((1 - similarity) * Math.max(word.length(), candidate.length()));
      if (edits <= allowed && edits < bestEdits) {
        best = candidate;
        bestEdits = edits;
      }
    }
    return best;
  }
}
