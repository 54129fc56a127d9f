package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.answer.Answer;
import com.scopebot.answer.Engine;
import com.scopebot.answer.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus every command answers from when none is given, whatever folder it is started in. */
class DefaultCorpusTest {

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theJarCarriesEveryFileOfTheCorpusFolder() throws Exception {
    Path bundled = Engine.bundledCorpus();
    List<String> names = names(bundled);
    assertEquals(names(Engine.DEFAULT_CORPUS), names);
    assertEquals(6, names.stream().filter(n -> n.endsWith(".md")).count(), names.toString());
    assertTrue(names.containsAll(List.of("sources.json", "NOTICE")), "the licence and the permalinks travel along");
    for (String name : names) {
      assertArrayEquals(Files.readAllBytes(Engine.DEFAULT_CORPUS.resolve(name)),
          Files.readAllBytes(bundled.resolve(name)), name);
    }
  }

  @Test
  void aFolderWithoutIndexDataAnswersFromTheJarsCopy(@TempDir Path elsewhere) throws Exception {
    Path corpus = Engine.defaultCorpus(elsewhere);
    assertEquals(Engine.bundledCorpus(), corpus);
    Answer a = Engine.load(corpus, null).answer("Is AD FS covered for multiple forests?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict());
    assertTrue(a.citations().get(0).document().startsWith("ems-"), a.citations().toString());
  }

  @Test
  void aFolderWithItsOwnIndexDataAnswersFromItsEdits(@TempDir Path workingDir) throws Exception {
    Path edited = Files.createDirectories(workingDir.resolve("index-data/corpus"));
    assertEquals(edited, Engine.defaultCorpus(workingDir));
  }

  @Test
  void theProjectFolderAnswersFromIndexDataAsBefore() throws Exception {
    assertEquals(Engine.DEFAULT_CORPUS, Engine.defaultCorpus());
  }
}
