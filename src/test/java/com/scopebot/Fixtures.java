package com.scopebot;

import com.scopebot.answer.Answerer;
import com.scopebot.answer.Engine;
import com.scopebot.corpus.CorpusException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The test corpora, each indexed once per test run (the answerer is immutable and thread-safe). */
public final class Fixtures {

  private static Answerer fixture;
  private static Answerer bundled;

  private Fixtures() {}

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
}
