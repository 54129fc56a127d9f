package com.scopebot.server;

import com.scopebot.corpus.CorpusException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The total size of a corpus folder's files, from the file system alone: no file is opened. */
final class CorpusSize {

  private CorpusSize() {}

  /**
   * Sums the sizes of the regular files in a folder (the corpus reads its top level only).
   *
   * @throws CorpusException when the folder cannot be listed
   */
  static long of(Path folder) throws CorpusException {
    if (folder == null || !Files.isDirectory(folder)) {
      throw new CorpusException("corpus folder not found: " + folder);
    }
    try (Stream<Path> files = Files.list(folder)) {
      long total = 0;
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          total += Files.size(f);
        }
      }
      return total;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new CorpusException("cannot list corpus folder " + folder + ": " + e.getMessage());
    }
  }
}
