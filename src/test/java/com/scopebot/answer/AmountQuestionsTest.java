package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "How many …?" is answered by a statement that gives an amount, never by one that only names the thing. */
class AmountQuestionsTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("sandbox-guide.md"), """
        ---
        title: FastTrack for Finance sandboxes
        ms.date: 05/06/2023
        ---
        # FastTrack for Finance sandboxes

        ## What FastTrack does

        - Guidance on testing performance in a Tier-2 sandbox before go-live.
        - Reviewing up to three integration designs with your partner.
        - Enrolling Windows 10 devices in your sandbox tenant.
        - Connecting Finance 10.0.30 or later to the sandbox.

        ## The sandbox engagement

        Using a framework called Success by Design, the sandbox engagement provides guidance and workshops for the
        project team. The engagement time is generally 9 to 18 months, but varies based on your needs.

        The partner plans the sandbox go-live with the project team.

        ## Sandbox reviews

        - Sandbox reviews are delivered at no additional cost.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void answersHowManyFromTheStatementThatGivesTheNumber() {
    Answer a = answerer.answer("How many integration designs does FastTrack review?");
    assertEquals(Verdict.INFO, a.verdict(), a.toString());
    assertTrue(a.citations().get(0).quote().contains("up to three"), a.citations().toString());
  }

  @Test
  void aPriceIsAnsweredOnlyByAStatementThatSaysWhatItCosts() {
    Answer designs = answerer.answer("How much do the integration design reviews cost us?");
    assertEquals(Verdict.UNKNOWN, designs.verdict(), "\"up to three integration designs\" gives no price: "
        + designs.answer());
    Answer reviews = answerer.answer("How much do the sandbox reviews cost us?");
    assertEquals(Verdict.INFO, reviews.verdict(), reviews.answer());
    assertTrue(reviews.citations().get(0).quote().contains("no additional cost"), reviews.citations().toString());
  }

  @Test
  void aVersionAskedIsNotAnsweredByTheVersionTheQuestionNames() {
    Answer build = answerer.answer("what's the minimum Windows 10 build our sandbox devices need?");
    assertEquals(Verdict.UNKNOWN, build.verdict(), "\"Windows 10 devices\" gives no minimum build: " + build.answer());
    Answer floor = answerer.answer("what's the minimum Finance version for the sandbox connection?");
    assertEquals(Verdict.INFO, floor.verdict(), floor.answer());
    assertTrue(floor.citations().get(0).quote().contains("10.0.30 or later"), floor.citations().toString());
  }

  @Test
  void howLongIsAnsweredByTheStatementThatGivesALengthOfTime() {
    // the sentence that names the most of the question gives no time; the next one in its paragraph does
    Answer a = answerer.answer("how long does the sandbox engagement for the project team last?");
    assertEquals(Verdict.INFO, a.verdict(), a.toString());
    assertTrue(a.answer().startsWith("The engagement time is generally 9 to 18 months"), a.answer());
    // no statement says how quickly: the one about the same things that gives no time is no answer
    Answer quickly = answerer.answer("how quickly does the partner plan the sandbox go-live?");
    assertEquals(Verdict.UNKNOWN, quickly.verdict(), quickly.answer());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      how long does the review take?        | DURATION
      how quickly do they get back to us?   | DURATION
      how often do the checkpoint calls run? | DURATION
      when does onboarding start?           | TIME
      how many apps are covered?            | NUMBER
      what pilot size does the guide recommend? | NUMBER
      what's the minimum number of devices? | NUMBER
      how big should the pilot be?          | NUMBER
      what does the pilot cover?            | NONE
      """)
  void readsWhatKindOfAnswerIsAsked(String question, QuestionIntent.AnswerType type) {
    assertEquals(type, QuestionIntent.answerType(question));
  }

  @Test
  void aNumberInANameIsNotTheAmountAsked() {
    // the only statement about sandboxes names a "Tier-2" one: it doesn't say how many come with the subscription
    Answer a = answerer.answer("How many sandboxes come with our subscription?");
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Licensing two pilot users for Azure RMS.                 | true
      Reviewing up to three integration designs.               | true
      Contact you within 30 days of the purchase.              | true
      Windows 10 devices are supported.                        | true
      Guidance on testing performance in a Tier-2 sandbox.     | false
      Dynamics 365 Guides and Copilot in Dynamics 365          | false
      Devices running Windows 10 are supported.                | false
      """)
  void readsAnAmountButNotANumberInAName(String text, boolean amount) {
    assertEquals(amount, Traits.givesAmount(text));
  }

  @Test
  void aVerbsUpToDoesNotAskForANumber() {
    assertEquals(QuestionIntent.AnswerType.VERSION,
        QuestionIntent.answerType("what's the oldest version that can be hooked up to intune?"));
    assertEquals(QuestionIntent.AnswerType.NUMBER, QuestionIntent.answerType("how many devices are covered?"));
    assertFalse(Traits.givesAmount("Sessions with the FastTrack team."));
  }
}
