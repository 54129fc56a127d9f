package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A least count with a group it spares ("There's no minimum licensing requirement for commercial ISVs …"): a question
 * below the count is out of scope, unless it states the spared group's case.
 */
class ExemptionTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-assure.md"), """
        ---
        title: Widget Assure eligibility
        ms.date: 06/07/2020
        ---
        # Widget Assure eligibility

        ## Eligible plans

        You must purchase at least 150 licenses to receive Widget Assure help with widget compatibility fixes.

        > [!NOTE]
        > There's no minimum licensing requirement for commercial ISVs building widget apps.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void theSparedGroupIsInScopeBelowTheCount() {
    Answer a = answerer.answer("we're a commercial ISV building widget apps, only 20 licenses. can we get Widget Assure "
        + "help with compatibility fixes?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().startsWith("Yes — the documents set no minimum for your case"), a.answer());
    assertTrue(a.citations().get(0).quote().contains("no minimum licensing requirement"), a.citations().toString());
  }

  @Test
  void anyoneElseBelowTheCountIsOutOfScope() {
    Answer a = answerer.answer("we're a regional bank with only 20 licenses. can we get Widget Assure help with "
        + "compatibility fixes?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
  }
}
