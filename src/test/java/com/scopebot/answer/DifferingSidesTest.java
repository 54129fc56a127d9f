package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents that give a task to different sides: the answer shows both, and takes its side from the best one. */
class DifferingSidesTest {

  @Test
  void theBestStatementsSideIsTheAnswerAndTheOtherSideIsShown(@TempDir Path corpus) throws Exception {
    Files.writeString(corpus.resolve("fasttrack-tasks.md"), """
        ---
        title: FastTrack tasks
        ms.date: 3/1/2020
        ---
        # FastTrack tasks

        ## FastTrack responsibilities

        - Provide a widget remediation checklist.
        """);
    Files.writeString(corpus.resolve("customer-tasks.md"), """
        ---
        title: Customer tasks
        ms.date: 3/1/2020
        ---
        # Customer tasks

        ## Your responsibilities

        - Participate in the meetings that create the widget remediation checklist.
        """);
    Answer a = Engine.load(corpus, null).answer("who provides the widget remediation checklist, FastTrack or us?");
    assertEquals(Verdict.MICROSOFT, a.verdict(), a.answer());
    assertEquals("Provide a widget remediation checklist.", a.citations().get(0).quote());
    assertTrue(a.citations().stream().anyMatch(c -> c.quote().startsWith("Participate in the meetings")),
        "the other side is cited too: " + a.citations());
    assertTrue(a.answer().contains("Sources differ"), a.answer());
  }
}
