package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product named in several capitalised words that the documents never write together is something they don't
 * cover, even when each of its words occurs somewhere.
 */
class UnwrittenNameTest {

  @TempDir static Path dir;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Fixtures.ledgers(dir, """
        ## What FastTrack does

        - Guidance on setting up Ledger Finance for your first legal entity.
        - Guidance on the insights workspace and its reports.
        - Guidance on enrolling devices in Google's Play for Work.
        """);
    answerer = Engine.load(dir, null);
  }

  @Test
  void aNameWhoseWordsNeverStandTogetherIsNotInTheDocuments() {
    Answer a = answerer.answer("can FastTrack set up Finance Insights for us?");
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.answer());
    assertTrue(a.answer().contains("Finance Insights"), a.answer());
  }

  @Test
  void aNameTheDocumentsWriteIsAnswered() {
    Answer a = answerer.answer("Can you help set up Ledger Finance for us?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
  }

  @Test
  void aVendorWrittenOtherwiseBeforeTheProductIsStillTheProduct() {
    Answer a = answerer.answer("Is Google Play for Work enrollment covered?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
  }
}
