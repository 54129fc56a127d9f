package com.scopebot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.corpus.Document;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One corpus folder made of several, as the more-docs eval set needs. */
class MergedCorpusTest {

  static Path moreDocs() throws URISyntaxException {
    return Path.of(MergedCorpusTest.class.getResource("/eval/more-docs").toURI());
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void loadsTheDocumentsOfBothFoldersWithTheirPermalinks() throws Exception {
    try (MergedCorpus merged = MergedCorpus.of(List.of(Fixtures.fixtureCorpus(), moreDocs()))) {
      assertEquals(List.of("aadp-benefit-process-2016-03.md", "customer-responsibilities.md",
          "ems-environment-expectations-2018-11.md", "fasttrack-responsibilities-2017.md",
          "fasttrack-responsibilities.md", "rms-benefit-process-2016-03.md", "sources.json"), files(merged.dir()));
      Corpus corpus = Corpus.load(merged.dir());
      assertEquals(List.of(), corpus.problems());
      List<String> linked = corpus.documents().stream().filter(d -> !d.permalinkBase().isEmpty())
          .map(Document::file).sorted().toList();
      // two of the fixture's documents and all three of more-docs are listed in their folder's sources.json
      assertEquals(List.of("aadp-benefit-process-2016-03.md", "customer-responsibilities.md",
          "ems-environment-expectations-2018-11.md", "fasttrack-responsibilities.md",
          "rms-benefit-process-2016-03.md"), linked);
    }
  }

  @Test
  void refusesTwoDocumentsOfTheSameName(@TempDir Path a, @TempDir Path b) throws Exception {
    Path doc = Fixtures.fixtureCorpus().resolve("customer-responsibilities.md");
    Files.copy(doc, a.resolve("customer.md"));
    Files.copy(doc, b.resolve("Customer.md"));
    CorpusException e = assertThrows(CorpusException.class, () -> MergedCorpus.of(List.of(a, b)));
    assertEquals(b.resolve("Customer.md") + ": another corpus folder already holds a document named Customer.md",
        e.getMessage());
  }

  @Test
  void refusesAMissingFolder(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    CorpusException e = assertThrows(CorpusException.class,
        () -> MergedCorpus.of(List.of(Fixtures.fixtureCorpus(), missing)));
    assertEquals("corpus folder not found: " + missing, e.getMessage());
  }

  @Test
  void givesAPermalinkOnlyFromTheDocumentsOwnFolder(@TempDir Path a, @TempDir Path b) throws Exception {
    Files.copy(Fixtures.fixtureCorpus().resolve("customer-responsibilities.md"), a.resolve("a.md"));
    Files.copy(Fixtures.fixtureCorpus().resolve("fasttrack-responsibilities.md"), b.resolve("b.md"));
    Files.writeString(a.resolve("sources.json"), """
        {"documents": [{"file": "b.md", "repo": "x/y", "path": "b.md", "commit": "c0ffee"}]}
        """);
    try (MergedCorpus merged = MergedCorpus.of(List.of(a, b))) {
      JsonNode sources = new ObjectMapper().readTree(merged.dir().resolve("sources.json").toFile());
      assertEquals(0, sources.path("documents").size(), sources.toString());
    }
  }

  @Test
  void deletesTheFolderOnClose() throws Exception {
    Path dir;
    try (MergedCorpus merged = MergedCorpus.of(List.of(Fixtures.fixtureCorpus()))) {
      dir = merged.dir();
    }
    assertFalse(Files.exists(dir));
  }
}
