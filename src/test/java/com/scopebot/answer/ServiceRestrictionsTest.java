package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.corpus.Constraints;
import com.scopebot.corpus.Limit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restrictions of a service stated as its use or its clouds: what a document says is not for production ("for
 * development and testing only", "aren't meant for production") is violated by a question about production use, and not
 * settled by one that does not say; "all clouds except …" leaves out the clouds it names.
 */
class ServiceRestrictionsTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-runtime.md"), """
        ---
        title: Widget runtime support
        ms.date: 08/09/2021
        ---
        # Widget runtime support

        ## Supported configurations

        The widget runtime supports Windows containers on Windows hosts. Running Linux containers on Windows hosts is
        allowed; however, this configuration is for development and testing only.

        ## Widget alerts

        - Supported clouds: All Microsoft clouds except Gadget-High, GoD, and Widget 365 operated by Fabrikam.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void productionUseBreaksTheRestrictionAndTheAnswerSaysWhy() {
    for (String q : new String[] {
        "can we run Linux containers on Windows hosts for our production widget runtime?",
        "we want Linux containers on Windows hosts in prod. supported?",
        "Linux containers on our Windows hosts (prod) - is that supported by the widget runtime?"}) {
      Answer a = answerer.answer(q);
      assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), q + " -> " + a.answer());
      assertTrue(a.answer().contains("not for production use (\u201cfor development and testing only\u201d)"),
          a.answer());
    }
  }

  @Test
  void aQuestionThatDoesNotSayProductionIsNotSettledByIt() {
    Answer a = answerer.answer("can we run Linux containers on Windows hosts in our test lab for the widget runtime?");
    assertFalse(a.answer().contains("not for production"), a.answer());
    assertFalse(RequestWords.inProduction("we run it in our non-production environment"));
    assertFalse(RequestWords.inProduction("we test it in pre-production first"));
    assertTrue(RequestWords.inProduction("it's for our production cluster"));
  }

  @Test
  void theRestrictionIsReadFromItsWording() {
    for (String sentence : new String[] {"Preview features aren't meant for production.",
        "This setup won't be supported in production.", "This configuration is for development and testing only."}) {
      assertTrue(Constraints.of(sentence).stream().anyMatch(l -> l.kind() == Limit.Kind.NOT_PRODUCTION), sentence);
    }
    assertTrue(Constraints.of("A production environment runs your business operations.").stream()
        .noneMatch(l -> l.kind() == Limit.Kind.NOT_PRODUCTION));
  }

  @Test
  void everyCloudButTheOnesNamedIsTheRestriction() {
    Limit except = Constraints.of("Supported clouds: All Microsoft clouds except Gadget-High, GoD, and Widget 365.")
        .stream().filter(l -> l.kind() == Limit.Kind.UNAVAILABLE_IN).findFirst().orElseThrow();
    assertTrue(except.values().containsAll(java.util.List.of("gadget-high", "gadget high", "god")), except.toString());
    Answer high = answerer.answer("Our tenant is Gadget High. Can we get widget alerts?");
    assertEquals(Verdict.OUT_OF_SCOPE, high.verdict(), high.answer());
    assertTrue(high.answer().contains("not for Gadget-High, GoD, and Widget 365, which your question is about"),
        high.answer());
    Answer plain = answerer.answer("Our tenant is Gadget. Can we get widget alerts?");
    assertFalse(plain.verdict() == Verdict.OUT_OF_SCOPE || plain.answer().contains("which your question is about"),
        "\"Gadget\" is not \"Gadget-High\": " + plain.answer());
  }
}
