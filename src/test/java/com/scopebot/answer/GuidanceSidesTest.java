package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a lead-in that frames FastTrack's part as guidance, the steps are the customer's to perform with FastTrack's
 * guidance (shared), but an item that is itself advice ("Explain the benefits of …") is FastTrack's own, and so is
 * the advice a who-question asks the giver of ("who tells us …?").
 */
class GuidanceSidesTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-sync.md"), """
        ---
        title: Widget sync onboarding
        ms.date: 04/05/2019
        ---
        # Widget sync onboarding

        ## FastTrack responsibilities

        FastTrack guides you through getting ready to run widget sync. The steps can include:

        - Explain the benefits of widget sync to your stakeholders.
        - Enable widget sync in the console.
        - Facilitating the move from Widget Classic to widget sync.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void anItemThatIsItselfAdviceIsFastTracksOwn() {
    Answer a = answerer.answer("whose job is it to explain the benefits of widget sync to our stakeholders?");
    assertEquals(Verdict.MICROSOFT, a.verdict(), a.answer());
  }

  @Test
  void facilitatingIsTheFacilitatorsOwnWork() {
    Answer a = answerer.answer("who handles the move from Widget Classic to widget sync? does FastTrack do that?");
    assertEquals(Verdict.MICROSOFT, a.verdict(), a.answer());
  }

  @Test
  void aStepTheCustomerPerformsWithGuidanceIsShared() {
    Answer a = answerer.answer("who enables widget sync in the console?");
    assertEquals(Verdict.SHARED, a.verdict(), a.answer());
    Answer guided = answerer.answer("widget sync in the console: FastTrack enables it, or we do with their guidance?");
    assertEquals(Verdict.SHARED, guided.verdict(), "asks who does the work, not who guides: " + guided.answer());
  }

  @Test
  void whoGivesTheAdviceIsFastTrack() {
    Answer tells = answerer.answer("who's supposed to tell us how to enable widget sync in the console, FT or us?");
    assertEquals(Verdict.MICROSOFT, tells.verdict(), "asks who advises: " + tells.answer());
    Answer does = answerer.answer("who's supposed to enable widget sync in the console, FT or us?");
    assertEquals(Verdict.SHARED, does.verdict(), "asks who does the work: " + does.answer());
  }
}
