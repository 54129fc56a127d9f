package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.corpus.CorpusException;
import com.scopebot.eval.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answers the product promises on the documents it ships with. */
class BundledCorpusTest {

  @Test
  void quotesTheNoteForAdfsWithMultipleForests() throws CorpusException {
    Answer a = Fixtures.bundled().answer("Is AD FS covered for multiple forests?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict());
    Citation c = a.citations().get(0);
    assertEquals("For all multiple forest configurations, AD FS deployments are out of scope.", c.quote());
    assertEquals("ems-fasttrack-responsibilities-2018-12.md", c.document());
    assertEquals(89, c.line());
    assertEquals("2018-12-04", c.revision());
    assertTrue(c.url().startsWith("https://github.com/MicrosoftDocs/EMDocs/blob/6d6c438165a150946e76453453810a2cb705188f/"));
    assertTrue(c.url().endsWith("#L89"));
  }

  @Test
  void quotesTheYourResponsibilitiesBulletForSslCertificates() throws CorpusException {
    Answer a = Fixtures.bundled().answer("Who is responsible for SSL certificates?");
    assertEquals(Verdict.CUSTOMER, a.verdict());
    assertEquals("Provide and configure any public Secure Sockets Layer (SSL) certificates.", a.citations().get(0).quote());
    assertEquals("Your responsibilities", a.citations().get(0).section().get(0));
  }

  @Test
  void answersHowLongWithThePassageThatGivesATime() throws CorpusException {
    Answer a = Fixtures.bundled().answer("How long do we have to complete onboarding?");
    assertEquals(Verdict.INFO, a.verdict());
    assertTrue(a.citations().get(0).quote().contains("within 12 months"), a.citations().get(0).quote());
  }

  @Test
  void aPreconditionIsNotADisagreement() throws CorpusException {
    // the customer signs up for the licences; FastTrack's bullet only names them as required for its integration
    Answer a = Fixtures.bundled().answer("Who sets up Defender for Endpoint licenses?");
    assertEquals(Verdict.CUSTOMER, a.verdict());
    assertTrue(!a.sourcesDiffer(), a.answer());
  }

  @Test
  void meetsTheBarOnTheDevQuestions() throws IOException, CorpusException {
    List<Evaluation.Case> cases = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/eval/dev.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          cases.add(Evaluation.parseCase(AnswerJson.mapper(), line));
        }
      }
    }
    Answerer answerer = Fixtures.bundled();
    Evaluation.Score s = Evaluation.score(cases, cases.stream().map(c -> answerer.answer(c.question())).toList());
    assertTrue(s.verdictOk() >= 0.92 * s.total(), s.report());
    assertTrue(s.cite1() >= 0.92 * s.answerable(), s.report());
  }
}
