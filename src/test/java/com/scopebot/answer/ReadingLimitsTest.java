package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.cli.HostileQuestions;
import com.scopebot.eval.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What one question may cost: a question written to be expensive is read only so far (unknown words looked up,
 * clauses and words read), the limits show in {@code explain}, and nothing people really ask is cut. The time this
 * saves is measured by {@code bench}; these count the work.
 */
class ReadingLimitsTest {

  private static Answerer answerer;
  private static HostileQuestions hostile;

  @BeforeAll
  static void load() throws Exception {
    answerer = Fixtures.bundled();
    hostile = new HostileQuestions(answerer.index().corpus(), 5);
  }

  @ParameterizedTest
  @EnumSource(HostileQuestions.Kind.class)
  void readsAThousandCharacterHostileQuestionOnlyAsFarAsTheLimits(HostileQuestions.Kind kind) {
    for (int i = 0; i < 10; i++) {
      String question = hostile.next(kind, Answerer.MAX_QUESTION_CHARS);
      Explain e = answerer.explain(question).explain();
      Reading r = e.reading();
      String seen = kind + ": " + r + " for " + question;
      assertTrue(r.lookups() <= 8, "at most 8 unknown words looked up for typos; " + seen);
      assertTrue(r.clausesRead() <= 12, "at most 12 clauses read; " + seen);
      assertTrue(r.wordsRead() <= 100, "at most 100 words read; " + seen);
      assertTrue(e.topic().size() <= 100, "at most 100 terms searched, got " + e.topic().size() + "; " + seen);
      assertTrue(e.corrections().size() <= r.lookups(), e.corrections() + "; " + seen);
    }
  }

  @Test
  void saysInExplainWhatWasLeftUnread() {
    Explain e = answerer.explain(hostile.next(HostileQuestions.Kind.MIXED, 1000)).explain();
    assertTrue(e.reading().describe().matches("read \\d+ of \\d+ clauses, \\d+ of \\d+ words"
        + "; looked up 8 of \\d+ unknown words for typos"), e.reading().describe());
    assertTrue(AnswerText.explain(e).contains("  long:        read "), AnswerText.explain(e));
  }

  @Test
  void refusesAFourThousandCharacterQuestionUnread() {
    Answer a = answerer.explain(hostile.next(HostileQuestions.Kind.MIXED, 4000));
    assertEquals(Verdict.UNKNOWN, a.verdict());
    assertTrue(a.answer().startsWith("That question is too long (over 1000 characters)"), a.answer());
    assertEquals(new Reading(0, 0, 0, 0, 0, 0), a.explain().reading());
    assertEquals("4000 characters: refused unread", a.explain().reason());
  }

  @Test
  void answersTheQuestionAtTheEndOfALongMessage() {
    String context = "We are a manufacturing company with offices in several countries and a small IT team. ";
    String question = context.repeat(8) + "Is AD FS covered for multiple forests?";
    Answer a = answerer.explain(question);
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertEquals("read 8 of 9 clauses, 100 of 127 words", a.explain().reading().describe());
  }

  @Test
  void readsEveryEvalQuestionInFull() throws Exception {
    int questions = 0;
    try (Stream<Path> sets = Files.list(Path.of("src/test/resources/eval"))) {
      for (Path set : sets.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (Evaluation.Case c : Evaluation.read(set)) {
          Reading r = answerer.explain(c.question()).explain().reading();
          assertFalse(r.cut(), r.describe() + ": " + c.question());
          questions++;
        }
      }
    }
    assertTrue(questions >= 188, questions + " questions");
  }
}
