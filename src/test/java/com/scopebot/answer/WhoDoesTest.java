package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Who grants the access?" is answered by the statement whose own subject grants it, not by one whose subject does
 * something else and names the granting further on.
 */
class WhoDoesTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("review-portal.md"), """
        ---
        title: FastTrack review portal
        ms.date: 05/06/2023
        ---
        # FastTrack review portal

        ## Request access to the review portal

        The project team sends an email to the review desk that confirms who should be granted admin access to the \
        project on the review portal.

        Microsoft grants the key participant admin access to the project on the portal and confirms it by replying \
        to the email.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void theSideWhoseSubjectDoesTheActionAskedIsTheAnswer() {
    Answer a = answerer.answer("who grants admin access to the project on the portal once we send the email?");
    assertEquals(Verdict.MICROSOFT, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().startsWith("Microsoft grants"), a.citations().toString());
  }

  @Test
  void theOtherActionOfTheSamePassageIsTheOtherSides() {
    Answer a = answerer.answer("who sends the email to the review desk?");
    assertEquals(Verdict.CUSTOMER, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().startsWith("The project team sends"), a.citations().toString());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      Microsoft grants the participant access.                                          | grant   | true
      Before the Enable phase, we\u2019ll jointly verify the outcomes of the remediation. | verifi  | true
      The FastTrack team verifies the settings.                                         | verifi  | true
      The project team sends an email about who should be granted access.              | grant   | false
      Access can be granted to the member of the customer organization.                 | grant   | false
      """)
  void aStatementDoesTheActionWhenItsSubjectsVerbIsTheAction(String statement, String action, boolean does) {
    assertEquals(does, Ranking.doesAction(statement, action));
  }
}
