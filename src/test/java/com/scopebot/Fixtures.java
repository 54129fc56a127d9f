package com.scopebot;

import com.scopebot.answer.Answerer;
import com.scopebot.answer.Engine;
import com.scopebot.corpus.CorpusException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The test corpora, each indexed once per test run (the answerer is immutable and thread-safe). */
public final class Fixtures {

  private static Answerer fixture;
  private static Answerer bundled;

  private Fixtures() {}

  /**
   * Writes one document of a made-up programme, "FastTrack for Ledgers", into a folder: its title, then the Markdown
   * sections given ("## What FastTrack does" …). Returns the folder.
   */
  public static Path ledgers(Path dir, String sections) throws IOException {
    Files.writeString(dir.resolve("ledgers.md"),
        "---\ntitle: FastTrack for Ledgers\n---\n# FastTrack for Ledgers\n\n" + sections);
    return dir;
  }

  /** A small corpus written to exercise each quirk of the real documents. */
  public static Path fixtureCorpus() {
    try {
      return Path.of(Fixtures.class.getResource("/fixture-corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static synchronized Answerer fixture() throws CorpusException {
    if (fixture == null) {
      fixture = Engine.load(fixtureCorpus(), null);
    }
    return fixture;
  }

  /** The corpus the bot ships with (tests run from the project folder). */
  public static synchronized Answerer bundled() throws CorpusException {
    if (bundled == null) {
      bundled = Engine.load(Engine.DEFAULT_CORPUS, null);
    }
    return bundled;
  }

  /** Every question of the eval sets in src/test/resources/eval, file by file. */
  public static List<String> evalQuestions() throws IOException {
    List<String> questions = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (var files = Files.list(Path.of("src/test/resources/eval"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            questions.add(json.readTree(line).path("question").asText());
          }
        }
      }
    }
    return questions;
  }
}
