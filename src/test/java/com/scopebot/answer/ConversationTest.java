package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Small talk and follow-ups: what a person says to a bot besides a scope question. */
class ConversationTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      help                           | help
      ?                              | help
      what can you do?               | help
      Hi!                            | greeting
      hello there                    | greeting
      thanks!                        | thanks
      ok thanks a lot                | thanks
      which documents do you use?    | documents
      What docs do you cover         | documents
      """)
  void recognisesSmallTalk(String message, String kind) {
    assertEquals(Optional.of(kind), SmallTalk.kindOf(message));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hi, who configures DNS?", "help with SSL certificates?", "thanks — and is MFA covered?",
      "Which documents do we need to provide?"})
  void aScopeQuestionIsNeverSmallTalk(String question) {
    assertEquals(Optional.empty(), SmallTalk.kindOf(question));
  }

  @Test
  void smallTalkIsAnsweredWithWhatTheBotCoversNotAVerdict() throws Exception {
    Answer a = Fixtures.bundled().answer("which documents do you use?");
    assertEquals("documents", a.smallTalk());
    assertTrue(a.answer().contains("FastTrack responsibilities (2018-12-04)"), a.answer());
    assertTrue(a.answer().contains("superseded"), a.answer());
    assertTrue(SmallTalk.EXAMPLES.stream().allMatch(a.answer()::contains), a.answer());
    assertTrue(a.citations().isEmpty() && a.closest().isEmpty());
    assertTrue(!AnswerText.render(a).contains("Not in the documents"), AnswerText.render(a));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      Is AD FS covered for multiple forests?   | and for a single forest?        | Is AD FS covered for a single forest?
      Is AD FS covered for multiple forests?   | what about Entra Connect?       | Is Entra Connect covered for multiple forests?
      Is co-management covered?                | what about Intune?              | Is Intune covered?
      Does FastTrack configure DNS?            | who does that then?             | Who is responsible for configuring DNS?
      Is AD FS covered for a single forest?    | is that covered for multiple forests too? | Is AD FS covered for multiple forests?
      Who configures the firewall ports?       | and the SSL certificates?       | Who is responsible for the SSL certificates?
      How many test devices per platform?      | what about Android?             | How many test devices per platform for Android?
      """)
  void readsAFollowUpAgainstThePreviousQuestion(String previous, String followUp, String read) {
    assertEquals(Optional.of(read), FollowUps.resolve(previous, followUp));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Who is responsible for SSL certificates?", "Is Windows Autopilot setup included?",
      "can fasttrack help us set up self-service groups in Entra ID?"})
  void aQuestionThatStandsOnItsOwnIsNotAFollowUp(String question) {
    assertEquals(Optional.empty(), FollowUps.resolve("Is AD FS covered for multiple forests?", question));
  }

  @Test
  void theAnswerSaysHowItReadAFollowUp() throws Exception {
    Answer a = Fixtures.bundled().answer("Is AD FS covered for a single forest?").readAs("and for a single forest?",
        "Is AD FS covered for a single forest?");
    assertEquals("and for a single forest?", a.question());
    assertEquals("Is AD FS covered for a single forest?", a.readAs());
    assertTrue(a.answer().startsWith("Reading this as: Is AD FS covered for a single forest?"), a.answer());
    assertEquals(Verdict.IN_SCOPE, a.verdict());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      and for Intune?               | Is Intune covered?
      what about Exchange Online?   | Is Exchange Online covered?
      and who configures DNS?       | Who configures DNS?
      """)
  void aFollowUpWithNothingToFollowIsReadOnItsOwnWhenItCanBe(String followUp, String read) throws Exception {
    Answer a = Fixtures.bundled().answer(followUp);
    assertEquals(read, a.readAs());
    assertTrue(a.answer().startsWith("Reading this as: " + read), a.answer());
  }

  @ParameterizedTest
  @ValueSource(strings = {"who does that then?", "is that covered for multiple forests too?",
      "and for a single forest?"})
  void aFollowUpThatNeedsWhatItFollowsAsksForTheWholeQuestion(String followUp) throws Exception {
    // before, "is that covered for multiple forests too?" alone was "out of scope" at 0.97, about AD FS
    Answer a = Fixtures.bundled().answer(followUp);
    assertEquals("follow-up", a.smallTalk());
    assertEquals(Verdict.UNKNOWN, a.verdict());
    assertEquals(0.0, a.confidence());
    assertTrue(a.answer().startsWith("There is no earlier question here for \u201c" + followUp + "\u201d to follow."),
        a.answer());
    assertTrue(a.citations().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"is it on us to configure the firewall ports?", "is it up to FastTrack to set up AD FS?",
      "is it possible to get on-site help from FastTrack?", "is it true that FastTrack installs AD FS for two forests?"})
  void anItThatStandsForTheClauseAfterItIsAWholeQuestion(String question) throws Exception {
    assertFalse(FollowUps.isFollowUp(question), question);
    assertEquals(Optional.empty(), FollowUps.resolve("Is AD FS covered for multiple forests?", question));
    Answer a = Fixtures.bundled().answer(question);
    assertEquals(null, a.smallTalk(), a.answer());
  }
}
