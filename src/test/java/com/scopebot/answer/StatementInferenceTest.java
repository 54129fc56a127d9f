package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answer mechanisms on a small corpus of another layout (a service description with no "your responsibilities"
 * sections): a holder from the sentence's own subject, exclusion lists, every kind of limit, chatter and claims, a
 * topic the documents never mention, and what {@code confidence} means.
 */
class StatementInferenceTest {

  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    answerer = Engine.load(Path.of("src/test/resources/statement-corpus"), null);
  }

  private static Answer ask(String question) {
    return answerer.answer(question);
  }

  @Test
  void takesTheHolderFromTheSentencesOwnSubject() {
    Answer a = ask("Who registers our devices with the device registration service?");
    assertEquals(Verdict.CUSTOMER, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().startsWith("IT admins are responsible"), a.citations().get(0).quote());
  }

  @Test
  void aSubjectOverridesItsSection() {
    Answer a = ask("Who buys the public certificates for the gateway?");
    assertEquals(Verdict.CUSTOMER, a.verdict(), a.answer());
    assertEquals("FastTrack duties", a.citations().get(0).title());
    // the citation says whose the statement is, not whose its section is
    assertEquals("customer", a.citations().get(0).holder());
    assertEquals("responsibility", a.citations().get(0).kind());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Can you help with printer deployment?                  | printer deployment
      is kiosk mode configuration part of the onboarding     | kiosk mode
      Will the onboarding team integrate our badge readers?  | badge reader
      """)
  void everyItemOfAnExclusionListIsOutOfScope(String question, String item) {
    Answer a = ask(question);
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().contains(item), a.citations().get(0).quote());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      We need five test devices per platform configured, is that ok?          | up to two test devices
      can you connect our Exchange 2010 servers to the cloud gateway?           | Exchange 2016/2019
      our directory servers still run Windows Server 2008 - supported?         | Windows Server 2012 or above
      we did tenant integration last year; can you do tenant integration again for a new tenant? | one-time
      Our new CISO and the whole security board want to start over. Can FastTrack run the tenant integration again from scratch for the regional admins and the new auditors? | one-time
      can someone from the onboarding team come on site for onboarding support? | on-site
      Customer writes: your engineer will be at our Leeds office on the 14th to build the gateway servers with us. Nobody here remembers agreeing to that. Is on-site work part of the benefit? | on-site
      can we have an onboarding call on Saturday at 23:00?                     | business hours
      are onboarding sessions available in Korean?                             | Korean is not among them
      Is gateway failover supported without a hardware load balancer?          | only if
      our hardware load balancer isn't set up yet. is gateway failover supported? | only if
      our network team refuses to set up a hardware load balancer. is gateway failover still supported? | only if
      """)
  void aLimitAnswersARequestBeyondIt(String question, String said) {
    Answer a = ask(question);
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains(said), a.answer());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Can you configure two test devices for iOS?
      can you connect our Exchange 2019 servers to the cloud gateway?
      Are directory servers running Windows Server 2016 supported?
      Are onboarding sessions available in German?
      """)
  void aRequestWithinTheLimitIsInScope(String question) {
    assertEquals(Verdict.IN_SCOPE, ask(question).verdict(), ask(question).answer());
  }

  @Test
  void anExclusionAsRelevantAsTheBestStatementAnswersACoverageQuestion() {
    Answer a = ask("Will the onboarding team build our gateway rules for us?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().contains("we don't build the gateway rules"), a.citations().get(0).quote());
  }

  @Test
  void aWhoQuestionTheDocumentsAnswerWithoutNamingASideGetsNoSide() {
    Answer a = answerer.explain("Who sets the length of the gateway rollout?");
    // a statement that names no side gives no side: the passage is shown, and the answer says what it lacks
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.answer());
    assertTrue(!a.closest().isEmpty() && a.answer().contains("without saying whose job it is"), a.answer());
  }

  @Test
  void aFaqAnswerAnswersItsQuestionHeading() {
    Answer no = ask("will you move our archive data for us?");
    assertEquals(Verdict.OUT_OF_SCOPE, no.verdict(), no.answer());
    assertTrue(no.citations().get(0).quote().startsWith("No."), no.citations().get(0).quote());
    Answer yes = ask("can you help us with network readiness?");
    assertEquals(Verdict.IN_SCOPE, yes.verdict(), yes.answer());
  }

  @Test
  void aPrerequisiteIsTheCustomersToBring() {
    Answer work = ask("Can you integrate the parcel tracker?");
    assertEquals(Verdict.IN_SCOPE, work.verdict(), work.answer());
    assertTrue(work.answer().contains("Parcel Hub subscription is required"), work.answer());
    Answer licence = ask("Is the Parcel Hub subscription included in the onboarding?");
    assertEquals(Verdict.CUSTOMER, licence.verdict(), licence.answer());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      we don't own a Parcel Hub subscription yet. can you integrate the parcel tracker?
      the customer hasn't bought the Parcel Hub subscription. will you integrate the parcel tracker for them?
      """)
  void aPrerequisiteTheCaseDoesNotOwnIsMissing(String question) {
    Answer a = ask(question);
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("which your question says is missing"), a.answer());
  }

  @Test
  void chatterAndContextDoNotCountAgainstTheAnswer() {
    Answer plain = ask("Can you connect Exchange 2019 on-premises servers to the cloud gateway?");
    Answer chatty = ask("hey, quick one from the Fabrikam rollout, their lead is swamped and honestly a bit grumpy — "
        + "can you connect Exchange 2019 on-premises servers to the cloud gateway? thanks!!");
    assertEquals(Verdict.IN_SCOPE, chatty.verdict(), chatty.answer());
    assertEquals(plain.citations().get(0).quote(), chatty.citations().get(0).quote());
    assertEquals(plain.confidence(), chatty.confidence(), 0.1);
  }

  @Test
  void aClaimIsCheckedAsTheWorkItClaims() {
    Answer a = ask("The customer says the onboarding team promised to set up kiosk mode configuration for them. True?");
    assertEquals(Intent.CLAIM, a.intent());
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().contains("kiosk mode"));
  }

  @Test
  void aQuestionForTheLanguagesIsAnsweredByAListOfThem() {
    Answer sessions = ask("What languages are the onboarding sessions available in?");
    assertEquals(Verdict.INFO, sessions.verdict(), sessions.answer());
    assertTrue(sessions.citations().get(0).quote().contains("English, French"), sessions.citations().toString());
    // a statement about the work that names no languages does not say which ones it is given in
    Answer tracker = ask("Which languages is the parcel tracker integration offered in?");
    assertEquals(Verdict.UNKNOWN, tracker.verdict(), tracker.answer());
  }

  @Test
  void anInstructionPassedOnIsNoClaimOfWhatFastTrackDoes() {
    // "FT told us to buy them" reports what the asker was told to do; the question asks whose the work is
    Answer a = ask("The gateway needs new certs and FT told us to buy the public certificates first. "
        + "Is buying them really on us?");
    assertEquals(Intent.WHO, a.intent());
    assertEquals(Verdict.CUSTOMER, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().contains("public certificates"), a.citations().get(0).quote());
  }

  @Test
  void aTopicTheDocumentsNeverMentionIsUnknownWithTheClosestPassages() {
    Answer a = ask("Can the onboarding team set up Microsoft Sentinel for the gateway?");
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.answer());
    assertTrue(a.answer().contains("don't mention Microsoft Sentinel"), a.answer());
    assertTrue(a.citations().isEmpty());
  }

  @Test
  void aNameThatIsNeitherInTheDocumentsNorEverydayEnglishIsNotGuessedAt() {
    Answer a = ask("Can the onboarding team connect Okta to the gateway?");
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.answer());
  }

  @Test
  void confidenceRisesWithHowMuchOfTheAskTheEvidenceHolds() {
    Answer full = ask("Is printer deployment included?");
    Answer partial = ask("Is printer deployment with secure release and badge mapping for the lobby included?");
    Answer none = ask("What is the capital of France?");
    assertTrue(full.confidence() > partial.confidence() || partial.verdict() == Verdict.UNKNOWN,
        full.confidence() + " vs " + partial.confidence());
    assertTrue(full.confidence() >= 0.5, "committed answers are at least 0.5: " + full.confidence());
    assertTrue(none.confidence() < 0.5, "unknown answers stay under 0.5: " + none.confidence());
  }

  @Test
  void explainSaysHowTheQuestionWasReadAndWhy() {
    Answer a = answerer.explain("hey! whose job is registering our devices with the device registration service?");
    Explain e = a.explain();
    assertEquals(Intent.WHO, e.intent());
    assertTrue(e.topic().containsKey("regist"), e.topic().toString());
    assertTrue(e.top().get(0).holder().equals("customer"), e.top().toString());
    assertTrue(e.reason().contains("its own subject"), e.reason());
    assertTrue(AnswerJson.line(a).contains("\"explain\""));
    assertTrue(!AnswerJson.line(ask("Who registers devices?")).contains("\"explain\""));
  }
}
