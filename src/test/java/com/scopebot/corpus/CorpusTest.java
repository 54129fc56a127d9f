package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

  @TempDir Path dir;

  @Test
  void placesRevisionsInOneFamilyAndMarksTheNewestCurrent() throws CorpusException {
    Corpus corpus = Corpus.load(Fixtures.fixtureCorpus());
    Document newer = byFile(corpus, "fasttrack-responsibilities.md");
    Document older = byFile(corpus, "fasttrack-responsibilities-2017.md");
    assertEquals(newer.family(), older.family(), "same ms.assetid");
    assertTrue(newer.current());
    assertFalse(older.current());
    assertTrue(byFile(corpus, "customer-responsibilities.md").current());
  }

  @Test
  void ignoresFilesThatAreNotMarkdown() throws CorpusException {
    Corpus corpus = Corpus.load(Fixtures.fixtureCorpus());
    assertTrue(corpus.documents().stream().noneMatch(d -> d.file().endsWith(".txt")));
  }

  @Test
  void reportsAndSkipsBrokenDocumentsAndKeepsTheRest() throws IOException, CorpusException {
    Files.write(dir.resolve("binary.md"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, (byte) 0xff});
    Files.write(dir.resolve("latin1.md"), new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xff});
    Files.writeString(dir.resolve("empty.md"), "");
    Files.writeString(dir.resolve("good.md"), "# Your responsibilities\n\n- Activating mobile devices.\n");
    Corpus corpus = Corpus.load(dir);
    assertEquals(1, corpus.documents().size());
    assertEquals("good.md", corpus.documents().get(0).file());
    assertEquals(3, corpus.problems().size(), corpus.problems().toString());
    assertTrue(corpus.problems().stream().anyMatch(p -> p.file().equals("binary.md") && p.reason().contains("binary")));
    assertTrue(corpus.problems().stream().anyMatch(p -> p.file().equals("latin1.md") && p.reason().contains("UTF-8")));
  }

  @Test
  void refusesAnEmptyFolderWithAClearMessage() {
    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.load(dir));
    assertTrue(e.getMessage().startsWith("no usable Markdown documents in "), e.getMessage());
  }

  @Test
  void refusesAMissingFolder() {
    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.load(dir.resolve("nope")));
    assertTrue(e.getMessage().startsWith("corpus folder not found: "), e.getMessage());
  }

  @Test
  void survivesABrokenSourcesFile() throws IOException, CorpusException {
    Files.writeString(dir.resolve("sources.json"), "{not json");
    Files.writeString(dir.resolve("good.md"), "# Your responsibilities\n\n- Activating mobile devices.\n");
    Corpus corpus = Corpus.load(dir);
    assertEquals(1, corpus.documents().size());
    assertTrue(corpus.problems().stream().anyMatch(p -> p.file().equals("sources.json")));
  }

  @Test
  void loadsTheBundledCorpusWithoutProblems() throws CorpusException {
    Corpus corpus = Corpus.load(Path.of("index-data", "corpus"));
    assertEquals(6, corpus.documents().size());
    assertTrue(corpus.problems().isEmpty(), corpus.problems().toString());
    assertTrue(corpus.passages().size() > 400, "passages: " + corpus.passages().size());
  }

  private static Document byFile(Corpus corpus, String file) {
    return corpus.documents().stream().filter(d -> d.file().equals(file)).findFirst().orElseThrow();
  }
}
