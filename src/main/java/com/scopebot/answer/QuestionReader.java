package com.scopebot.answer;

import com.scopebot.corpus.Classifier;
import com.scopebot.corpus.Condition;
import com.scopebot.corpus.EnglishWords;
import com.scopebot.corpus.Limit;
import com.scopebot.index.DomainAnalyzer;
import com.scopebot.index.PassageIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.apache.lucene.analysis.Analyzer;

/**
 * Reads a question: cleans it ({@link QuestionCleaner}), corrects typos against the corpus ({@link TypoCorrection}),
 * cuts it into clauses ({@link Clauses}), tells its intent ({@link QuestionIntent}) and extracts the terms of its
 * subject. User text only ever becomes analysed terms, never query syntax.
 *
 * <p>Thread-safe once built.
 */
public final class QuestionReader {

  private final PassageIndex index;
  private final Analyzer surface = PassageIndex.surfaceAnalyzer();
  /** {@link #termsOfWord}'s memo, by word. */
  private final Memo<String, List<String>> wordTerms = Memo.of(20_000);
  private final Set<String> lightTerms;
  /** The words of the documents' lists of names ("English, French, German, …"). */
  private final Set<String> listedNames;
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
    Set<String> light = new HashSet<>(index.terms(String.join(" , ", QuestionWords.ACTION_WORDS)));
    light.addAll(index.terms(String.join(" , ", QuestionWords.ANSWER_TYPE_WORDS)));
    this.lightTerms = Set.copyOf(light);
    Set<String> listed = new HashSet<>();
    for (PassageIndex.Entry e : index.entries()) {
      e.statement().limits(Limit.Kind.NAMED_LIST).forEach(l -> listed.addAll(l.values()));
    }
    this.listedNames = Set.copyOf(listed);
    Set<String> stop = new HashSet<>(QuestionWords.ASKING_WORDS);
    stop.addAll(QuestionWords.CHATTER);
    stop.addAll(QuestionWords.STOP_WORDS);
    this.questionAnalyzer = new DomainAnalyzer(index.synonyms().map(), false, DomainAnalyzer.normalizedSet(stop));
    this.named = Set.copyOf(index.terms(String.join(" , ", index.synonyms().names())));
    this.typos = new TypoCorrection(index);
    this.namesAsked = new NamesAsked(index, questionAnalyzer, named);
    EnglishWords.contains("loaded"); // the word list loads now, not on the first question
  }

  /** Reads a question that is neither empty nor over-long (the answerer checks that first). */
  public Question read(String asked) {
    TypoCorrection.Corrected fixed = typos.correct(Shorthand.expand(QuestionCleaner.clean(asked)));
    String corrected = fixed.text();
    List<String> corrections = fixed.corrections();
    // a name written in for an acronym counts as much as the acronym would: its words share one term's weight
    Map<String, Double> share = new HashMap<>();
    for (String name : fixed.names()) {
      List<String> words = PassageIndex.terms(questionAnalyzer, name);
      words.forEach(t -> share.merge(t, 1.0 / words.size(), Math::min));
    }
    List<Clause> all = Clauses.of(corrected);
    Reading.Selection selection = Reading.select(all);
    List<Clause> clauses = selection.clauses();
    Reading reading = new Reading(all.size(), clauses.size(), selection.words(), selection.wordsRead(),
        fixed.unknownWords(), fixed.lookups());
    // what limits, conditions and claims are read from: the whole question, or what was read of a long one
    String text = clauses == all ? corrected : String.join(" ", clauses.stream().map(Clause::text).toList());
    String lower = text.toLowerCase(Locale.ROOT);
    boolean claim = ClaimWords.claims(lower);
    boolean anyAsks = clauses.stream().anyMatch(Clause::asks);
    // what kind of answer the asking clauses want; "how long does the approval take — days or weeks?": the units say
    // that kind, not what the question is about
    QuestionIntent.AnswerType wanted = QuestionIntent.answerType(String.join(" ",
        clauses.stream().filter(c -> !anyAsks || c.asks()).map(Clause::text).toList()).toLowerCase(Locale.ROOT));
    boolean howLong = wanted == QuestionIntent.AnswerType.DURATION || wanted == QuestionIntent.AnswerType.TIME;
    List<String> askTexts = new ArrayList<>();
    List<Question.Group> groups = new ArrayList<>();
    Set<Integer> inGroups = new HashSet<>();
    for (int i = 0; i < clauses.size(); i++) {
      Clause c = clauses.get(i);
      if (anyAsks && !c.asks()) {
        continue;
      }
      askTexts.add(c.text());
      String clauseLower = c.text().toLowerCase(Locale.ROOT);
      // "will that work?" asks whether the thing before is possible: "work" is no thing asked about
      String words = AskingWords.ONLY_ASKS.replaceAll(RequestWords.withoutRequest(c.text()), " ");
      List<String> own = PassageIndex.terms(questionAnalyzer, howLong ? RequestWords.withoutTimeUnits(words) : words);
      if (known(own) == 1 && asksBefore(clauses, i) && AskingWords.PRONOUN.matcher(c.text()).find()
          && !AskingWords.NAMES_OUR_PART.matcher(clauseLower).lookingAt()) {
        // "who provides the LCS project ID — us, or does FastTrack link it for us?": the same ask of the other side;
        // its one word is context, not a question of its own that any statement with that word answers
        continue;
      }
      if (i > 0 && clauses.get(i - 1).asks() && AskingWords.OTHER_DOES_IT.matcher(clauseLower).lookingAt()
          && known(newTerms(own, clauses.get(i - 1))) <= 1) {
        // "do we run the scans, or does the vendor do the scans?": the same work asked of another doer,
        // whose one new word is who; the short clause would otherwise answer for the whole question
        continue;
      }
      Map<String, Double> terms = new LinkedHashMap<>();
      // "is on-site help included?" asks about its request (on site) whatever came before it
      boolean thin = known(own) < 1 && !RequestWords.statesRequest(c.text())
          || AskingWords.pointsBack(clauseLower);
      // an asking clause that only points back ("is that true?", "what is that") asks about the clause before it;
      // its own action words are then the point of the question ("who implements it?") and count fully
      for (String t : own) {
        terms.put(t, (thin || !light(t) ? 1.0 : 0.5) * share.getOrDefault(t, 1.0));
      }
      List<Clause> members = new ArrayList<>(List.of(c));
      // "... 2012 R2 boxes. will FastTrack onboard them?": what the pronoun stands for is asked about too
      if ((thin || AskingWords.NAMES_BACK.find(clauseLower)) && i > 0) {
        Clause before = clauses.get(i - 1);
        members.add(before);
        List<String> antecedent = PassageIndex.terms(questionAnalyzer, RequestWords.withoutRequest(before.text()));
        if (AskingWords.ASKS_WHAT_IT_MEANS.find(clauseLower)) {
          // "the diagram has 'WAP' on it. what's that?": "that" is the last thing named before it, and the rest of
          // that clause is context
          antecedent.stream().filter(index::has).reduce((a, b) -> b).ifPresent(t -> terms.put(t, 1.0));
        } else {
          inGroups.add(i - 1);
          for (String t : antecedent) {
            terms.putIfAbsent(t, ANTECEDENT_BOOST * (light(t) ? 0.5 : 1.0) * share.getOrDefault(t, 1.0));
          }
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
    Intent intent = QuestionIntent.of(String.join(" ", questions.isEmpty() ? askSentences : questions).toLowerCase(Locale.ROOT),
        claim);
    if (intent == Intent.OTHER) {
      intent = QuestionIntent.of(askText.toLowerCase(Locale.ROOT), claim); // "trying to explain ... — what are the ...?"
    }
    for (int i = 0; intent == Intent.OTHER && i < askTexts.size(); i++) {
      // "the partner wants to skip the pilot. fine by you? what are the risks?": the first clause that tells
      intent = QuestionIntent.of(askTexts.get(i).toLowerCase(Locale.ROOT), claim);
    }
    if (intent == Intent.OTHER
        && QuestionIntent.reportsYesOrNo(String.join(" ", askSentences).toLowerCase(Locale.ROOT))) {
      intent = Intent.COVERED;
    }
    if (intent != Intent.CLAIM && QuestionIntent.putsItOnASide(lower)) {
      intent = Intent.WHO;
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
      for (String t : PassageIndex.terms(questionAnalyzer, RequestWords.withoutRequest(clauses.get(i).text()))) {
        if (!topic.containsKey(t)) {
          context.merge(t, CONTEXT_BOOST * (light(t) ? 0.5 : 1.0) * share.getOrDefault(t, 1.0), Math::max);
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
      // a name the documents never use, or one that an item of a list of names holds (a language, a region): a list
      // of that kind answers it whichever way
      if (EnglishWords.isName(w) && (!index.inCorpus(w) || listedNames.contains(w))) {
        names.add(w);
      }
    }
    return new Question(asked, corrected, intent, askTexts, topic, groups, context.keySet(), absent, synonymsSeen,
        conditions, corrections, wanted,
        RequestWords.request(text).withNames(names).movingFrom(namesAsked.movingFrom(text, askText)), reading,
        intent == Intent.WHO ? action(askText) : "");
  }

  /** The terms that the clause before does not hold. */
  private List<String> newTerms(List<String> terms, Clause before) {
    Set<String> held = Set.copyOf(PassageIndex.terms(questionAnalyzer, RequestWords.withoutRequest(before.text())));
    return terms.stream().filter(t -> !held.contains(t)).toList();
  }

  /** True when an earlier clause of the same sentence asks too. */
  private static boolean asksBefore(List<Clause> clauses, int i) {
    for (int j = i - 1; j >= 0 && clauses.get(j).sentence().equals(clauses.get(i).sentence()); j--) {
      if (clauses.get(j).asks()) {
        return true;
      }
    }
    return false;
  }

  /** The index term of the action a who-question asks the doer of, or empty ({@link AskingWords#ASKS_DOER_OF}). */
  private String action(String askText) {
    String lower = askText.toLowerCase(Locale.ROOT);
    Matcher m = AskingWords.ASKS_DOER_OF.mayMatch(lower) ? AskingWords.ASKS_DOER_OF.matcher(lower) : null;
    if (m == null || !m.find()) {
      return "";
    }
    List<String> terms = PassageIndex.terms(questionAnalyzer, m.group(1));
    return terms.size() == 1 && index.has(terms.get(0)) ? terms.get(0) : "";
  }

  /**
   * True for a term that says little of what is asked about: an action word ("set up", "help"), a word of the
   * answer's type, or a bare number ("3 AD forests": the count is compared with limits, not searched for).
   */
  private boolean light(String t) {
    return lightTerms.contains(t) || !t.isEmpty() && t.chars().allMatch(Character::isDigit);
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
}
