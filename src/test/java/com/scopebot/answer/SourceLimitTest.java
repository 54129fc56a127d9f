package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.corpus.Constraints;
import com.scopebot.corpus.Limit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grant of what comes from a listing of apps ("… from the Widget Marketplace") is violated by a question about one
 * that is not in it ("isn't in the gallery", "a non-gallery app"), and satisfied by one that is or does not say.
 */
class SourceLimitTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-sso.md"), """
        ---
        title: Widget sign-in onboarding
        ms.date: 08/09/2018
        ---
        # Widget sign-in onboarding

        ## FastTrack responsibilities

        - Up to three widget app integrations with single sign-on from the Widget Marketplace.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void anAppOutsideTheListingIsOutOfScopeAndTheAnswerSaysWhy() {
    for (String q : new String[] {
        "Our expense tool is a homegrown app that isn't in the Widget Marketplace. Can FastTrack set up single sign-on "
            + "for it as one of the widget app integrations?",
        "can FT do single sign-on for our custom widget app (not in the marketplace)?",
        "can FastTrack configure single sign-on for a non-marketplace widget app?"}) {
      Answer a = answerer.answer(q);
      assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), q + " -> " + a.answer());
      assertTrue(a.answer().contains("cover only what comes from the Widget Marketplace; your question is about one "
          + "that does not"), a.answer());
    }
  }

  @Test
  void anAppFromTheListingOrOneNotSaidOtherwiseIsInScope() {
    assertEquals(Verdict.IN_SCOPE, answerer.answer(
        "can FastTrack set up single sign-on for a widget app integration from the Widget Marketplace?").verdict());
    assertEquals(Verdict.IN_SCOPE, answerer.answer(
        "can FastTrack set up single sign-on for our widget app integrations?").verdict());
  }

  @Test
  void theLimitIsTheListingAsWritten() {
    Limit l = Constraints.of("Integrations with single sign-on from the Azure Active Directory Marketplace.").stream()
        .filter(x -> x.kind() == Limit.Kind.SOURCE).findFirst().orElseThrow();
    assertEquals("from the Azure Active Directory Marketplace", l.phrase());
    assertTrue(Constraints.of("Data is read from the source tenant.").stream()
        .noneMatch(x -> x.kind() == Limit.Kind.SOURCE), "a place data comes from is no listing of apps");
  }
}
