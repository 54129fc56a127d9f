package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an answer names where the documents say it. */
class AnswerWordingTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widgets.md"), """
        ---
        title: FastTrack for Widgets
        ms.date: 01/02/2024
        ---
        # FastTrack for Widgets

        ## What is FastTrack for Widgets?

        ### What to expect

        - FastTrack engineers review your widget designs.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void quotesASectionPathWhoseHeadingIsAQuestion() {
    // unquoted, the heading's question mark would end the answer's sentence inside its parenthesis
    Answer a = answerer.answer("who reviews our widget designs?");
    assertEquals(Verdict.MICROSOFT, a.verdict(), a.answer());
    assertEquals("This is FastTrack's (Microsoft's) responsibility "
        + "(\u201cFastTrack for Widgets \u203a What is FastTrack for Widgets? \u203a What to expect\u201d).", a.answer());
    assertTrue(a.answer().chars().filter(c -> c == '(').count() == a.answer().chars().filter(c -> c == ')').count());
  }
}
