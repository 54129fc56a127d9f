package com.scopebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.corpus.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A question that uses an acronym a document defines finds the document's long name. */
class MinedAcronymsTest {

  @TempDir Path dir;

  @Test
  void anAcronymTheCorpusDefinesFindsItsLongName() throws Exception {
    Files.writeString(dir.resolve("gadgets.md"), """
        ---
        title: FastTrack for Gadgets
        ---
        # FastTrack for Gadgets

        Register in Gadget Lifecycle Portal (GLP) before the kick-off.

        - Guidance on configuring the gadget lifecycle portal for your project.
        """);
    PassageIndex index = PassageIndex.build(Corpus.load(dir), Synonyms.parse("cert, certificate\n"));
    assertEquals(index.terms("GLP"), index.terms("gadget lifecycle portal"));
    assertTrue(index.search(java.util.Map.of(index.terms("glp").get(0), 1.0), 5).size() >= 2);
  }
}
