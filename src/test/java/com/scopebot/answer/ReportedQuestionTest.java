package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Our Warsaw team asks if FastTrack translates the materials": a yes/no question reported in other words is a yes/no
 * question, answered in or out of scope; one that offers both sides ("whether we …, or whether FastTrack …") asks
 * whose it is.
 */
class ReportedQuestionTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("printer-assure.md"), """
        ---
        title: Printer Assure
        ms.date: 03/04/2022
        ---
        # Printer Assure

        ## Your responsibilities

        - Translate the onboarding materials for your print operators.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void aReportedYesNoQuestionAboutTheCustomersDutyIsOutOfScope() {
    Answer a = answerer.answer("Our Warsaw team asks if FastTrack translates the onboarding materials for operators.");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
  }

  @Test
  void aReportedQuestionOfferingBothSidesAsksWhoseItIs() {
    Answer a = answerer.answer("Our Warsaw team asks whether they translate the onboarding materials for operators,"
        + " or whether FastTrack does.");
    assertEquals(Verdict.CUSTOMER, a.verdict(), a.answer());
  }
}
