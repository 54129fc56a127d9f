package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * An acronym the documents never use nor define ("the SBR") is read as the one name they write that spells it
 * ("Solution Blueprint Review"), and counts as much as one word of the question.
 */
class AcronymNameTest {

  @TempDir static Path dir;
  private static Answerer answerer;
  private static QuestionReader reader;

  @BeforeAll
  static void load() throws Exception {
    Fixtures.ledgers(dir, """
        ## What FastTrack does

        - The Solution Blueprint Review covers environment and capacity strategy.
        - Guidance on the data migration plan.

        ## Out of scope

        - Writing custom reports.
        """);
    answerer = Engine.load(dir, null);
    reader = new QuestionReader(PassageIndex.build(Corpus.load(dir), Synonyms.bundled()));
  }

  @Test
  void anAcronymIsReadAsTheNameThatSpellsIt() {
    Answer a = answerer.explain("Is capacity planning one of the things the SBR covers?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
    assertEquals(List.of("SBR → Solution Blueprint Review"), a.explain().corrections());
    assertTrue(a.citations().get(0).quote().startsWith("The Solution Blueprint Review covers"), a.answer());
  }

  @Test
  void theNamesWordsCountAsOneWordOfTheQuestion() {
    Question q = reader.read("Does the SBR cover capacity?");
    assertEquals(1.0 / 3, q.topic().get("blueprint"), 1e-9);
    assertEquals(1.0, q.topic().get("capac"), 1e-9);
  }

  @Test
  void anAcronymNoNameSpellsIsLeftAsWritten() {
    Answer a = answerer.explain("Is capacity planning one of the things the XQZ covers?");
    assertTrue(a.explain().corrections().isEmpty(), a.explain().corrections().toString());
  }

  @Test
  void aWordInSmallLettersIsNoAcronym() {
    assertTrue(reader.read("does the sbr cover capacity?").corrections().isEmpty());
  }
}
