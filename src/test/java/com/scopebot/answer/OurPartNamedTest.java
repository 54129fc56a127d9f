package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Will FastTrack coordinate the vendors, or is that our own project management?": the customer's alternative names
 * the kind of work in words of its own, and those words find the customer's duty that answers it.
 */
class OurPartNamedTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-duties.md"), """
        ---
        title: Widget onboarding duties
        ms.date: 08/09/2018
        ---
        # Widget onboarding duties

        ## FastTrack responsibilities

        - Configuring the widget gateway for your tenant.

        ## Your responsibilities

        - Provide overall program and project management of your resources.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void theNamedKindOfWorkFindsTheCustomersDuty() {
    Answer a = answerer.answer("We have three outsourced vendors involved. Will FastTrack coordinate the vendors and "
        + "manage their tasks for us, or is that our own project management?");
    assertEquals(Verdict.CUSTOMER, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().startsWith("Provide overall program and project management"),
        a.citations().toString());
  }

  @Test
  void anAlternativeThatNamesNoKindOfWorkAddsNothing() {
    assertTrue(AskingWords.NAMES_OUR_PART.matcher("or is that our own project management?").lookingAt());
    assertTrue(AskingWords.NAMES_OUR_PART.matcher("is it part of our change management").lookingAt());
    assertTrue(!AskingWords.NAMES_OUR_PART.matcher("or is that our job?").lookingAt());
    assertTrue(!AskingWords.NAMES_OUR_PART.matcher("or is it on our side?").lookingAt());
  }
}
