package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.scopebot.Fixtures;
import com.scopebot.corpus.Corpus;
import com.scopebot.index.PassageIndex;
import com.scopebot.index.Synonyms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which capitalised names of a question the documents never write, and which product the customer moves off: two names
 * joined by "and" are two names, a product's short name is the product's, and a capitalised everyday word moved off
 * ("from Vista") is a name.
 */
class NamesAskedTest {

  @TempDir static Path dir;
  private static QuestionReader reader;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Fixtures.ledgers(dir, """
        ## What FastTrack does

        - Guidance on setting up Ledger Finance for your first legal entity.
        - Guidance on routing mail between Exchange Server and Exchange Online.
        - FastTrack provides deployment guidance to help you upgrade from Windows 7 and Windows 8.1 to Windows 10 Enterprise.
        """);
    reader = new QuestionReader(PassageIndex.build(Corpus.load(dir), Synonyms.bundled()));
    answerer = Engine.load(dir, null);
  }

  @Test
  void twoNamesJoinedByAndAreTwoNames() {
    assertEquals(List.of(), reader.read("who routes mail between Exchange and EXO for us?").absent());
  }

  @Test
  void aProductsShortNameBeforeItsVersionIsTheProduct() {
    assertEquals(List.of(), reader.read("can you help us deploy Win10 Enterprise?").absent());
  }

  @Test
  void aNameTheDocumentsNeverWriteIsStillRead() {
    assertEquals(List.of("Finance Insights"), reader.read("can FastTrack set up Finance Insights for us?").absent());
  }

  @Test
  void aCapitalisedEverydayWordMovedOffIsAName() {
    Question q = reader.read("does the upgrade guidance cover going straight from Vista to Windows 10?");
    assertEquals("vista", q.request().from());
    Answer a = answerer.answer("does the upgrade guidance cover going straight from Vista to Windows 10?");
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.answer());
  }
}
