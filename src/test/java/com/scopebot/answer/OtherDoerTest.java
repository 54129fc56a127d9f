package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Do we run the readiness checks ourselves, or does the service do the checks?": the second clause asks the same
 * work of another doer, so the statement that answers the first one answers the question, not one that happens to
 * hold the second clause's two words.
 */
class OtherDoerTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-roles.md"), """
        ---
        title: Widget service roles
        ms.date: 07/08/2024
        ---
        # Widget service roles

        ## Microsoft responsibilities

        - Run the pre-registration widget readiness checks.

        ## Your responsibilities

        - Review Service Health notifications and verify admin contacts.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void theWorkAskedOfBothDoersFindsTheStatementOfTheWork() {
    Answer a = answerer.answer("do we need to run our own scripts to check widget readiness before registration, or "
        + "does the service do the checks?");
    assertEquals(Verdict.MICROSOFT, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().startsWith("Run the pre-registration"), a.citations().toString());
  }

  @Test
  void onlyAVerbThatStandsForTheWorkMakesItTheSameAsk() {
    assertTrue(AskingWords.OTHER_DOES_IT.matcher("does the service do the checks?").lookingAt());
    assertTrue(AskingWords.OTHER_DOES_IT.matcher("or will fasttrack handle that for us?").lookingAt());
    assertFalse(AskingWords.OTHER_DOES_IT.matcher("does the service configure the gateway?").lookingAt());
  }
}
