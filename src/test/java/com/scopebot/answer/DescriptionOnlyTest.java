package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A description or a link says what something is or where to read more: when it is all that answers a question about
 * scope or sides, the documents don't say, however well it matches the words. A question after a fact may rest on it.
 */
class DescriptionOnlyTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-scope.md"), """
        ---
        title: FastTrack for Widgets
        ms.date: 01/02/2024
        ---
        # FastTrack for Widgets

        ## In scope

        - Importing widget inventories from spreadsheets.

        > [!NOTE]
        > WMS stands for Widget Management Service.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void aDefinitionAloneDoesNotPutAProductInScope() {
    Answer a = answerer.answer("Can FastTrack set up Widget Management Service for us?");
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.answer());
  }

  @Test
  void theListItemStillAnswers() {
    Answer a = answerer.answer("Can FastTrack import our widget inventories from spreadsheets?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
  }
}
