package com.scopebot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.answer.Answer;
import com.scopebot.answer.Answerer;
import com.scopebot.answer.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every answer to every eval question is written in whole sentences: none (outside the documents' words) ends in
 * a function word ("… with the;"), leaves a bracket open, and every sentence that says a limit was passed names the
 * limit and the amount asked.
 */
class AnswerSentencesTest {

  private static final Path EVAL = Path.of("src/test/resources/eval");
  private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "of", "with", "to", "for", "and", "or",
      "each", "be", "in", "on", "by", "as", "at", "from", "that", "which", "is", "are", "per", "than", "your", "our",
      "their", "its");
  /** A quote of the documents: its words are the documents', checked as written. */
  private static final Pattern QUOTE = Pattern.compile("“[^”]*”");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+|\\n");
  private static final Pattern CLAUSE_END = Pattern.compile("(?<=;)\\s+");
  private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)\\W*$");
  private static final Pattern PASSED = Pattern.compile(
      "^The benefit (?:covers|requires) \\S.*; you asked about (?:[\\d.,]+|every|each|multi-\\S+|multiple|several"
          + "|more than one|all(?: of)?"
          + "(?: our| the| their| your| its)?)(?: \\S+)*(?:, (?:fewer than that|an earlier version))?\\.$");

  @Test
  void everyAnswerToEveryEvalQuestionIsWrittenInWholeSentences() throws Exception {
    List<String> problems = new ArrayList<>();
    int answers = 0;
    Answerer bundled = Fixtures.bundled();
    for (String set : List.of("dev", "paraphrase", "realistic", "team", "chat")) {
      for (Evaluation.Case c : Evaluation.read(EVAL.resolve(set + ".jsonl"))) {
        check(bundled.answer(c.question()), problems);
        answers++;
      }
    }
    for (String set : List.of("more-docs", "new-docs")) {
      try (MergedCorpus merged = MergedCorpus.of(List.of(Engine.DEFAULT_CORPUS, EVAL.resolve(set)))) {
        Answerer answerer = Engine.load(merged.dir(), null);
        for (Evaluation.Case c : Evaluation.read(EVAL.resolve(set + ".jsonl"))) {
          check(answerer.answer(c.question()), problems);
          answers++;
        }
      }
    }
    assertTrue(answers > 250, "answers checked: " + answers);
    assertEquals(List.of(), problems, problems.size() + " of " + answers + " answers have a broken sentence");
  }

  private static void check(Answer a, List<String> problems) {
    // the documents' own words, quoted or not, are checked as the documents wrote them (one ends in "for")
    String text = QUOTE.matcher(a.answer()).replaceAll("“…”");
    for (var c : a.citations()) {
      text = text.replace(c.quote(), "“…”");
    }
    for (String sentence : SENTENCE_END.split(text)) {
      String s = sentence.strip();
      if (s.isEmpty()) {
        continue;
      }
      for (String clause : CLAUSE_END.split(s)) {
        Matcher last = LAST_WORD.matcher(clause);
        if (last.find() && FUNCTION_WORDS.contains(last.group(1).toLowerCase(java.util.Locale.ROOT))
            && !clause.endsWith(":")) {
          problems.add("ends in a function word: " + clause + " | " + a.question());
        }
      }
      if (s.chars().filter(ch -> ch == '(').count() != s.chars().filter(ch -> ch == ')').count()) {
        problems.add("a bracket left open: " + s + " | " + a.question());
      }
      if (s.contains("you asked about") && !PASSED.matcher(s).matches()) {
        problems.add("a passed limit that does not name the limit and the amount: " + s + " | " + a.question());
      }
    }
  }
}
