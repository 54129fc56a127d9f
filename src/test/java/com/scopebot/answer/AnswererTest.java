package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.corpus.CorpusException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verdicts and citations on the small fixture corpus. */
class AnswererTest {

  private static Answerer answerer;

  @BeforeAll
  static void load() throws CorpusException {
    answerer = Fixtures.fixture();
  }

  @Test
  void answersOutOfScopeForAdfsWithMultipleForestsQuotingTheNote() {
    Answer a = answerer.answer("Is AD FS covered for multiple forests?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict());
    assertEquals("For all multiple forest configurations, AD FS deployments are out of scope.", a.citations().get(0).quote());
    assertEquals("fasttrack-responsibilities.md", a.citations().get(0).document());
    assertEquals(34, a.citations().get(0).line());
    assertEquals("2019-03-07", a.citations().get(0).revision());
  }

  @Test
  void answersInScopeForAdfsWithASingleForest() {
    Answer a = answerer.answer("Will FastTrack deploy AD FS for a single forest?");
    assertEquals(Verdict.IN_SCOPE, a.verdict());
    assertTrue(a.citations().get(0).quote().contains("single-site, fault-tolerant"));
    assertTrue(a.answer().contains("for a single forest"), a.answer());
  }

  @Test
  void namesTheLimitWhenTheQuestionDoesNotNameATopology() {
    Answer a = answerer.answer("Is AD FS covered?");
    assertTrue(a.answer().contains("For all multiple forest configurations, AD FS deployments are out of scope."), a.answer());
  }

  @Test
  void answersCustomerForSslCertificates() {
    Answer a = answerer.answer("Who is responsible for SSL certificates?");
    assertEquals(Verdict.CUSTOMER, a.verdict());
    assertEquals("Providing and configuring any public SSL certificates.", a.citations().get(0).quote());
  }

  @Test
  void answersNoWhenAskedWhetherFastTrackDoesTheCustomersWork() {
    for (String q : List.of("Will FastTrack provide the public SSL certificates?",
        "Customer says FastTrack promised to provide the public SSL certificates. True?",
        "can you guys provide our public SSL certificates?", "Are the public SSL certificates covered?",
        "does the benefit include providing the public SSL certificates?")) {
      Answer a = answerer.answer(q);
      assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), q);
      assertTrue(a.answer().startsWith("No — FastTrack doesn't do this; it is the customer's responsibility"), a.answer());
      assertEquals("Providing and configuring any public SSL certificates.", a.citations().get(0).quote(), q);
    }
  }

  @Test
  void answersWhoseItIsWhenTheQuestionOffersBothSidesOrAsksAboutTheCustomer() {
    for (String q : List.of("Does FastTrack provide the public SSL certificates, or do we?",
        "Are the public SSL certificates ours to provide or FastTrack's?",
        "Do we provide the public SSL certificates?", "the public SSL certificates: is that on our network team?",
        // no question asked: whose it is, not whether FastTrack does it
        "providing the public SSL certificates")) {
      assertEquals(Verdict.CUSTOMER, answerer.answer(q).verdict(), q);
    }
  }

  @Test
  void answersTheCustomerWhenAskedWhoDoesWhatFastTrackExcludes() {
    Answer a = answerer.answer("Who deploys AD FS for multiple forests?");
    assertEquals(Verdict.CUSTOMER, a.verdict());
    assertTrue(a.answer().startsWith("The customer's: FastTrack doesn't do this — the documents exclude it"), a.answer());
    assertTrue(a.citations().get(0).quote().contains("AD FS deployments are out of scope"), a.citations().toString());
  }

  @Test
  void readsAcronymsAndTypos() {
    Answer a = answerer.answer("is ADFS coverd for multi forrest");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict());
    assertTrue(a.citations().get(0).quote().contains("AD FS deployments are out of scope"));
  }

  @Test
  void answersSharedWhenFastTrackOnlyGuides() {
    Answer a = answerer.answer("Who configures DNS?");
    assertEquals(Verdict.SHARED, a.verdict());
    assertEquals("Configuring DNS for eligible services.", a.citations().get(0).quote());
    assertTrue(a.citations().get(0).current(), "the newest revision is cited first");
    Answer guide = answerer.answer("who gives us the guidance on configuring DNS?");
    assertEquals(Verdict.MICROSOFT, guide.verdict(), "the guidance itself is FastTrack's: " + guide.answer());
  }

  @Test
  void takesTheVerdictFromTheSentenceAboutTheQuestion() {
    Answer a = answerer.answer("Is password hash sync supported for multiple forests?");
    assertEquals(Verdict.IN_SCOPE, a.verdict());
    assertTrue(a.citations().get(0).quote().startsWith("Password hash sync and password writeback support"));
  }

  @Test
  void answersInfoWithTheLimitForHowManyQuestions() {
    Answer a = answerer.answer("How many pilot users are licensed for Azure RMS?");
    assertEquals(Verdict.INFO, a.verdict());
    assertEquals("Licensing two pilot users for Azure RMS.", a.citations().get(0).quote());
  }

  @Test
  void statesThePreconditionOfAnInScopeAnswer() {
    Answer a = answerer.answer("Can FastTrack integrate Team Viewer?");
    assertEquals(Verdict.IN_SCOPE, a.verdict());
    assertTrue(a.answer().contains("Team Viewer subscription is required"), a.answer());
  }

  @Test
  void citesBothRevisionsWhenTheyDisagreeButNotAsSourcesThatDiffer() {
    Answer a = answerer.answer("How many SaaS applications with single sign-on are integrated?");
    // a revision and the one it replaced are one document changing, not two sources (RevisionsInForceTest)
    assertFalse(a.sourcesDiffer(), a.answer());
    assertTrue(a.citations().stream().anyMatch(c -> c.quote().startsWith("Up to three (3)") && c.current()));
    assertTrue(a.citations().stream().anyMatch(c -> c.quote().startsWith("One integrated application") && !c.current()));
  }

  @Test
  void citesBothDocumentsWhenTheyGiveTheTaskToDifferentSides() {
    Answer a = answerer.answer("Does FastTrack set up multi-factor authentication?");
    assertTrue(a.sourcesDiffer(), a.answer());
    assertTrue(a.citations().stream().anyMatch(c -> c.holder().equals("customer")));
    assertTrue(a.citations().stream().anyMatch(c -> c.holder().equals("microsoft")));
  }

  @Test
  void saysItDoesNotKnowRatherThanGuessing() {
    Answer a = answerer.answer("What's the weather like today?");
    assertEquals(Verdict.UNKNOWN, a.verdict());
    assertTrue(a.citations().isEmpty());
    assertTrue(a.answer().startsWith("The documents don't say"), a.answer());
  }

  @Test
  void oneWordInCommonIsNoAnswerWhenTheQuestionsOtherWordsAreNotInTheDocuments() throws Exception {
    // "admins" is in the documents; "transcripts", "webinars" and "skipped" are not
    Answer a = Fixtures.bundled().answer("can our admins get transcripts of the webinars they skipped?");
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.answer());
  }

  @Test
  void offersTheClosestPassagesWhenItDoesNotKnow() {
    Answer a = answerer.answer("Does FastTrack migrate Gmail mailboxes to Exchange Online with multi-factor prompts?");
    assertEquals(Verdict.UNKNOWN, a.verdict());
    assertFalse(a.closest().isEmpty(), "closest I found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u0000\u0001\u0002", "AD FS AND (", "*:*", "a~~~", "title:[a TO z]",
      "AD FS はカバーされていますか", "\"unbalanced", "((((", "\\", "?", "-AD +FS ~2 ^3"})
  void answersAnyTextWithoutThrowing(String question) {
    Answer a = answerer.answer(question);
    assertTrue(a.confidence() >= 0 && a.confidence() <= 1);
    assertFalse(a.answer().isBlank());
    if (a.verdict() != Verdict.UNKNOWN) {
      assertFalse(a.citations().isEmpty(), "never a verdict without a citation");
    }
  }

  @Test
  void refusesAnOverLongQuestionClearly() {
    Answer a = answerer.answer("AD FS ".repeat(2000));
    assertEquals(Verdict.UNKNOWN, a.verdict());
    assertTrue(a.answer().startsWith("That question is too long"), a.answer());
  }

  @Test
  void asksForASubjectWhenTheQuestionHasNone() {
    Answer a = answerer.answer("Who is responsible?");
    assertEquals(Verdict.UNKNOWN, a.verdict());
    assertTrue(a.answer().startsWith("I couldn't tell what the question is about"), a.answer());
  }
}
