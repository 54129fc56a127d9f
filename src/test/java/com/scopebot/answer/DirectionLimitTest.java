package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.corpus.Constraints;
import com.scopebot.corpus.Limit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restriction to one direction ("limited to outbound provisioning only", {@code words/opposites.txt}) is violated by
 * a question asking for the opposite one, and satisfied by one asking for it.
 */
class DirectionLimitTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-identity.md"), """
        ---
        title: Widget identity onboarding
        ms.date: 08/09/2018
        ---
        # Widget identity onboarding

        ## FastTrack responsibilities

        - Automatic user provisioning for widget apps, limited to outbound provisioning only.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void theOppositeDirectionIsOutOfScope() {
    Answer a = answerer.answer("can FastTrack set up inbound user provisioning from our HR system for the widget apps?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("“limited to outbound provisioning only”; inbound is not part of it"), a.answer());
  }

  @Test
  void theDirectionItKeepsToIsInScope() {
    Answer a = answerer.answer("can FastTrack set up outbound user provisioning to the widget apps?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
  }

  @Test
  void theLimitHoldsTheOppositeDirections() {
    Limit l = Constraints.of("Uploads are limited to import only.").stream()
        .filter(x -> x.kind() == Limit.Kind.DIRECTION).findFirst().orElseThrow();
    assertEquals(Set.of("export"), l.values());
  }
}
