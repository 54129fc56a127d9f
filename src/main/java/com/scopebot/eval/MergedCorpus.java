package com.scopebot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.corpus.CorpusException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A temporary corpus folder holding the Markdown documents of several folders and one {@code sources.json} listing
 * all of theirs: the corpus loader reads a single folder with a single {@code sources.json}, and an eval set such as
 * {@code more-docs.jsonl} runs on the bundled corpus plus documents of its own. The folder is deleted on close.
 */
public final class MergedCorpus implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private MergedCorpus(Path dir) {
    this.dir = dir;
  }

  /**
   * Copies the Markdown documents of every folder into a new temporary folder and writes their merged
   * {@code sources.json}.
   *
   * @throws CorpusException when a folder is missing, two folders hold a document of the same name, a
   *     {@code sources.json} is unreadable, or no folder holds a Markdown document
   */
  public static MergedCorpus of(List<Path> folders) throws CorpusException, IOException {
    MergedCorpus merged = new MergedCorpus(Files.createTempDirectory("scopebot-corpus"));
    try {
      merged.fill(folders);
      return merged;
    } catch (CorpusException | IOException | RuntimeException e) {
      merged.close();
      throw e;
    }
  }

  /** The merged folder, to load as a corpus. */
  public Path dir() {
    return dir;
  }

  private void fill(List<Path> folders) throws CorpusException, IOException {
    Set<String> taken = new HashSet<>();
    ArrayNode sources = JSON.createArrayNode();
    for (Path folder : folders) {
      Set<String> copied = copyDocuments(folder, taken);
      // an entry names a file of its own folder only; a same-named entry elsewhere must not lend it a permalink
      for (JsonNode entry : sourceEntries(folder)) {
        if (copied.contains(entry.path("file").asText(""))) {
          sources.add(entry);
        }
      }
    }
    if (taken.isEmpty()) {
      throw new CorpusException("no Markdown documents in " + folders);
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("documents", sources);
    Files.writeString(dir.resolve("sources.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  /** Copies a folder's documents; {@code taken} holds the lower-cased names copied so far, from every folder. */
  private Set<String> copyDocuments(Path folder, Set<String> taken) throws CorpusException, IOException {
    if (!Files.isDirectory(folder)) {
      throw new CorpusException("corpus folder not found: " + folder);
    }
    List<Path> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(Files::isRegularFile).filter(MergedCorpus::isDocument).sorted().forEach(documents::add);
    }
    Set<String> copied = new HashSet<>();
    for (Path doc : documents) {
      String name = doc.getFileName().toString();
      // lower-cased: on a case-insensitive file system one copy would silently replace the other
      if (!taken.add(name.toLowerCase(Locale.ROOT))) {
        throw new CorpusException(doc + ": another corpus folder already holds a document named " + name);
      }
      // the attributes too: a document without a date falls back to its file's last-modified date
      Files.copy(doc, dir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
      copied.add(name);
    }
    return copied;
  }

  /** What the corpus loader reads: Markdown files other than a folder's README. */
  private static boolean isDocument(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".md") || name.endsWith(".markdown")) && !name.equals("readme.md");
  }

  private static JsonNode sourceEntries(Path folder) throws CorpusException {
    Path file = folder.resolve("sources.json");
    if (!Files.isRegularFile(file)) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.readTree(file.toFile()).path("documents");
    } catch (IOException e) {
      throw new CorpusException(file + " is unreadable: " + e.getMessage());
    }
  }

  /** Deletes the merged folder. */
  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
