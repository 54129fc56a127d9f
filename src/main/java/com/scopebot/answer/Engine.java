package com.scopebot.answer;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.index.PassageIndex;
import com.scopebot.index.Synonyms;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds an {@link Answerer} from a corpus folder and a synonym file: the one way every entry point starts.
 *
 * <p>Thread-safe: the bundled corpus is copied out of the jar once per process.
 */
public final class Engine {

  /** The corpus folder administrators edit, relative to the working directory. */
  public static final Path DEFAULT_CORPUS = Path.of("index-data", "corpus");
  /** The synonym file administrators edit; the copy bundled in the jar is used when it is absent. */
  public static final Path DEFAULT_SYNONYMS = Path.of("index-data", "synonyms.txt");
  /** Where the build puts a copy of {@code index-data/corpus} on the class path (see pom.xml). */
  public static final String BUNDLED_CORPUS = "/index-data/corpus/";

  private static Path bundledCopy; // guarded by Engine.class

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

  /** The corpus used when none is given, seen from the working directory: see {@link #defaultCorpus(Path)}. */
  public static Path defaultCorpus() throws CorpusException {
    return defaultCorpus(Path.of(""));
  }

  /**
   * The corpus used when none is given, seen from a working directory: its {@code index-data/corpus} when that
   * folder exists, so administrators who edit it answer from their edits; else the copy bundled in the jar, so the
   * jar answers from any folder.
   *
   * @throws CorpusException when the folder is absent and the class path holds no bundled corpus either
   */
  public static Path defaultCorpus(Path workingDir) throws CorpusException {
    Path local = workingDir.resolve(DEFAULT_CORPUS);
    return Files.isDirectory(local) ? local : bundledCorpus();
  }

  /**
   * The corpus bundled in the jar, copied to a temporary folder (deleted when the process exits) the first time it
   * is asked for: the corpus loader reads a folder, and a jar's entries are not one.
   *
   * @throws CorpusException when the class path holds no bundled corpus or it cannot be copied
   */
  public static synchronized Path bundledCorpus() throws CorpusException {
    if (bundledCopy == null) {
      bundledCopy = copyBundledCorpus();
    }
    return bundledCopy;
  }

  private static Path copyBundledCorpus() throws CorpusException {
    // sources.json is always there; its folder is the corpus
    URL sources = Engine.class.getResource(BUNDLED_CORPUS + "sources.json");
    if (sources == null) {
      throw new CorpusException("corpus folder not found: " + DEFAULT_CORPUS
          + " (and no corpus is bundled on the class path)");
    }
    FileSystem opened = null;
    try {
      URI uri = sources.toURI();
      if (uri.getScheme().equals("jar")) {
        try {
          opened = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          // another part of the process has the jar open: read through its file system and leave it open
        }
      }
      Path target = Files.createTempDirectory("scopebot-corpus");
      target.toFile().deleteOnExit(); // registered first, so deleted last, once its files are gone
      copyFiles(Path.of(uri).getParent(), target);
      return target;
    } catch (IOException | URISyntaxException e) {
      throw new CorpusException("cannot copy the bundled corpus out of " + sources + ": " + e);
    } finally {
      if (opened != null) {
        try {
          opened.close();
        } catch (IOException e) {
          // the copy is complete; a jar that does not close cleanly changes nothing for it
        }
      }
    }
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(from)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      // by name: a jar's paths cannot be resolved against the default file system's; attributes keep the file
      // dates, which a document without ms.date and sources.json entry takes as its revision
      Path copy = to.resolve(file.getFileName().toString());
      Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
      copy.toFile().deleteOnExit();
    }
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
