package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

  private static final String GOOD = "# Your responsibilities\n\n- Activating mobile devices.\n";

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
  void keepsFolderOrderWhileFilesParseSideBySideAndLargeOnesAlone() throws IOException, CorpusException {
    // a file over a quarter of the size limit parses after the others; documents, passages and problems still come
    // in the folder's order, the same on every load
    String large = "# Your responsibilities\n\n" + "- Activating mobile devices.\n".repeat(
        (int) (Corpus.MAX_FILE_BYTES / 4 / 29) + 1);
    assertTrue(large.length() > Corpus.MAX_FILE_BYTES / 4 && large.length() < Corpus.MAX_FILE_BYTES);
    for (int i = 0; i < 40; i++) {
      String name = String.format("doc%02d.md", i);
      if (i == 7) {
        Files.writeString(dir.resolve(name), large);
      } else if (i % 10 == 3) {
        Files.writeString(dir.resolve(name), "");
      } else {
        Files.writeString(dir.resolve(name), "# Your responsibilities\n\n- Activating device " + i + ".\n");
      }
    }
    Corpus corpus = Corpus.load(dir);
    List<String> files = corpus.documents().stream().map(Document::file).toList();
    assertEquals(36, files.size());
    assertEquals(files.stream().sorted().toList(), files);
    assertEquals("doc07.md", files.get(6));
    assertEquals(List.of("doc03.md", "doc13.md", "doc23.md", "doc33.md"),
        corpus.problems().stream().map(Corpus.Problem::file).toList());
    List<String> owners = corpus.passages().stream().map(p -> p.document().file()).distinct().toList();
    assertEquals(files, owners);
    assertEquals(corpus.passages().stream().map(Passage::text).toList(),
        Corpus.load(dir).passages().stream().map(Passage::text).toList());
  }

  @Test
  void skipsFilesNestedTooDeepWithTheirReasonsAndKeepsTheRest() throws IOException, CorpusException {
    for (Map.Entry<String, String> f : HostileMarkdown.nested().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    Files.writeString(dir.resolve("good.md"), GOOD);
    Corpus corpus = Corpus.load(dir);
    assertEquals(List.of("good.md"), corpus.documents().stream().map(Document::file).toList());
    assertEquals(Map.of(
            "lists.md", "nested 10000 lists and block quotes deep at line 1; the limit is 100",
            "quotes.md", "nested 10000 lists and block quotes deep at line 1; the limit is 100",
            "stars.md", "40000 emphasis marks (*) at line 1; the limit is 1000",
            "emphasis.md", "20000 emphasis marks (*) at line 1; the limit is 1000",
            "table.md", "HTML nested 20004 elements deep at line 3; the limit is 100"),
        reasons(corpus));
  }

  @Test
  void skipsAFileNested2000ListsDeepBeforeItsParseCanTakeTheHeap() throws IOException, CorpusException {
    // parsed, 4 MB of it took over 700 MB of heap; this one is as large as a file may be (512 KB at -Xmx256m)
    String line = "- ".repeat(2_000) + "deep\n";
    Files.writeString(dir.resolve("deep.md"), line.repeat((int) (Corpus.MAX_FILE_BYTES / line.length())));
    Files.writeString(dir.resolve("good.md"), GOOD);
    assertTrue(Files.size(dir.resolve("deep.md")) > Corpus.MAX_FILE_BYTES - line.length(), "a file at the size limit");
    Corpus corpus = Corpus.load(dir);
    assertEquals(Map.of("deep.md", "nested 2000 lists and block quotes deep at line 1; the limit is 100"),
        reasons(corpus));
  }

  @Test
  void skipsAFileLargerThanItsParseCanHoldInAThirdOfTheHeap() throws IOException, CorpusException {
    // at -Xmx256m the limit is 512 KB; parsed, 4 MB of one-line list items took 376 MB
    assertEquals(Math.min(5L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 512), Corpus.MAX_FILE_BYTES);
    Files.writeString(dir.resolve("items.md"), "- x\n".repeat((int) (Corpus.MAX_FILE_BYTES / 4) + 1));
    Files.writeString(dir.resolve("good.md"), GOOD);
    Corpus corpus = Corpus.load(dir);
    assertEquals(Map.of("items.md", "too large for a Markdown document (" + (Corpus.MAX_FILE_BYTES + 4)
        + " bytes; the limit is " + Corpus.MAX_FILE_BYTES + ", 5 MB or the heap / 512)"), reasons(corpus));
  }

  @Test
  void neverFollowsALinkOutOfTheFolder() throws IOException, CorpusException {
    Path outside = Files.writeString(Files.createDirectory(dir.resolve("elsewhere")).resolve("secret.md"), GOOD);
    Path corpusDir = Files.createDirectory(dir.resolve("corpus"));
    Files.createSymbolicLink(corpusDir.resolve("passwd.md"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(corpusDir.resolve("secret.md"), outside);
    Files.createSymbolicLink(corpusDir.resolve("sources.json"), outside);
    Files.writeString(corpusDir.resolve("good.md"), GOOD);
    Files.createSymbolicLink(corpusDir.resolve("again.md"), Path.of("good.md")); // inside: read as a second copy
    Corpus corpus = Corpus.load(corpusDir);
    assertEquals(List.of("again.md", "good.md"), corpus.documents().stream().map(Document::file).toList());
    assertEquals(Map.of(
            "passwd.md", "a link out of the corpus folder; not followed",
            "secret.md", "a link out of the corpus folder; not followed",
            "sources.json", "ignored, no permalinks: a link out of the corpus folder; not followed"),
        reasons(corpus));
  }

  @Test
  void reportsFoldersPipesAndDanglingLinksNamedMarkdown() throws Exception {
    Files.createDirectory(dir.resolve("folder.md"));
    Files.createSymbolicLink(dir.resolve("dangling.md"), dir.resolve("gone.md"));
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.md").toString()).start();
    assertEquals(0, mkfifo.waitFor(), "mkfifo");
    Files.writeString(dir.resolve("good.md"), GOOD);
    Corpus corpus = Corpus.load(dir);
    assertEquals(1, corpus.documents().size());
    assertEquals(Map.of(
            "folder.md", "a folder, not a file",
            "dangling.md", "a link to nothing (dangling link)",
            "pipe.md", "not a regular file (a device, pipe or socket)"),
        reasons(corpus));
  }

  private static Map<String, String> reasons(Corpus corpus) {
    return corpus.problems().stream().collect(Collectors.toMap(Corpus.Problem::file, Corpus.Problem::reason));
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
  void reportsATruncatedSourcesFileAndLoadsTheDocuments() throws IOException, CorpusException {
    Files.writeString(dir.resolve("sources.json"), "{\"documents\": [{\"file\": \"good.md\", \"repo\": \"o/r\"");
    Files.writeString(dir.resolve("good.md"), "# Your responsibilities\n\n- Activating mobile devices.\n");
    Corpus corpus = Corpus.load(dir);
    assertEquals(1, corpus.documents().size());
    assertTrue(reasons(corpus).get("sources.json").startsWith("ignored, no permalinks: "), reasons(corpus).toString());
  }

  @Test
  void readsEachDocumentsEntryAndSkipsWhatIsNotOne() throws IOException, CorpusException {
    Files.writeString(dir.resolve("sources.json"), """
        {"license": "CC BY 4.0", "notes": {"nested": [1, 2]},
         "documents": ["stray", 7, {"file": "good.md", "repo": "o/r", "path": "docs/good.md", "commit": "abc123",
                                    "committed": "2020-01-02", "extra": {"x": [1]}},
                      {"repo": "no/file"}]}
        """);
    Files.writeString(dir.resolve("good.md"), "# Your responsibilities\n\n- Activating mobile devices.\n");
    Corpus corpus = Corpus.load(dir);
    assertTrue(corpus.problems().isEmpty(), corpus.problems().toString());
    assertEquals("https://github.com/o/r/blob/abc123/docs/good.md#L3", corpus.documents().get(0).permalink(3));
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
