package com.scopebot.corpus;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Which entries of a corpus folder may be read: regular files whose real path lies inside the folder's real path.
 *
 * <p>A link is followed only to a file inside the folder (it then reads as a second copy of that file); a link out of
 * the folder is never followed, so nothing outside it can be indexed and served by the documents API. Stateless.
 */
final class CorpusFiles {

  private CorpusFiles() {}

  /**
   * The real path of a folder entry that may be read.
   *
   * @param folder the corpus folder's real path
   * @throws IOException saying why the entry is skipped: a dangling link, a link out of the folder, a folder, a device
   */
  static Path readable(Path folder, Path entry) throws IOException {
    Path real;
    try {
      real = entry.toRealPath();
    } catch (NoSuchFileException e) {
      throw new IOException("a link to nothing (dangling link)");
    } catch (FileSystemException e) {
      throw new IOException("cannot be resolved: " + e.getReason());
    }
    if (!real.startsWith(folder)) {
      // no target named: the reason goes back to whoever asked for the reindex
      throw new IOException("a link out of the corpus folder; not followed");
    }
    BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new IOException("a folder, not a file");
    }
    if (!attributes.isRegularFile()) {
      // a pipe would block the reindex for ever and a device could be endless, so neither is opened
      throw new IOException("not a regular file (a device, pipe or socket)");
    }
    return real;
  }
}
