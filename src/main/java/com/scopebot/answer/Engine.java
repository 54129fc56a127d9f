package com.scopebot.answer;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.index.PassageIndex;
import com.scopebot.index.Synonyms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/** Builds an {@link Answerer} from a corpus folder and a synonym file: the one way every entry point starts. */
public final class Engine {

  /** The corpus folder used when none is given. */
  public static final Path DEFAULT_CORPUS = Path.of("index-data", "corpus");
  /** The synonym file administrators edit; the copy bundled in the jar is used when it is absent. */
  public static final Path DEFAULT_SYNONYMS = Path.of("index-data", "synonyms.txt");

  private Engine() {}

  /**
   * Loads the corpus, indexes it and returns an answerer over it.
   *
   * @param synonymsFile a Solr-format synonym file, or null for {@link #DEFAULT_SYNONYMS} (or the bundled copy)
   * @throws CorpusException when the corpus cannot be used or the synonym file is broken
   */
  public static Answerer load(Path corpusDir, Path synonymsFile) throws CorpusException {
    Corpus corpus = Corpus.load(corpusDir);
    return new Answerer(PassageIndex.build(corpus, synonyms(synonymsFile)));
  }

  /** The synonym map from a file, or from the default locations when the file is null. */
  public static Synonyms synonyms(Path file) throws CorpusException {
    Path chosen = file != null ? file : Files.isRegularFile(DEFAULT_SYNONYMS) ? DEFAULT_SYNONYMS : null;
    if (chosen == null) {
      return Synonyms.bundled();
    }
    try {
      return Synonyms.load(chosen);
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new CorpusException("synonym file " + chosen + " is unreadable: " + e.getMessage());
    }
  }
}
