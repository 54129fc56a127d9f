package com.scopebot.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The documents of a corpus folder, cut into passages, with each document placed among its revisions.
 *
 * <p>Immutable once loaded. A document that cannot be read or parsed is reported in {@link #problems()} and skipped;
 * the others are still loaded.
 */
public final class Corpus {

  /** A file that was skipped, and why. */
  public record Problem(String file, String reason) {}

  /**
   * Larger files are skipped: 5 MB, or the heap / 512 when that is less (512 KB at {@code -Xmx256m}). Parsed, a file
   * takes up to 170 bytes of heap a byte (lists nested a few deep; a paragraph or list a line: 70 to 95), and one
   * file's parse gets at most a third of the heap.
   */
  static final long MAX_FILE_BYTES = Math.min(5L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 512);

  private static final JsonFactory JSON = new JsonFactory();

  private final List<Document> documents;
  private final List<Passage> passages;
  private final List<Problem> problems;

  private Corpus(List<Document> documents, List<Passage> passages, List<Problem> problems) {
    this.documents = List.copyOf(documents);
    this.passages = List.copyOf(passages);
    this.problems = List.copyOf(problems);
  }

  /**
   * The revisions in force on a date: of each family, the newest revision dated on or before it. A family whose first
   * revision is later than the date had no document then.
   */
  public List<Document> inForce(java.time.LocalDate date) {
    java.util.Map<String, Document> newest = new java.util.LinkedHashMap<>();
    for (Document d : documents) {
      java.time.LocalDate revised;
      try {
        revised = java.time.LocalDate.parse(d.revision());
      } catch (java.time.format.DateTimeParseException e) {
        continue; // a document without a readable date cannot be placed in time
      }
      if (!revised.isAfter(date)) {
        newest.merge(d.family(), d, (a, b) -> a.revision().compareTo(b.revision()) >= 0 ? a : b);
      }
    }
    return List.copyOf(newest.values());
  }

  public List<Document> documents() {
    return documents;
  }

  public List<Passage> passages() {
    return passages;
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * Loads every Markdown file ({@code .md}, {@code .markdown}) of a folder, with links from its {@code sources.json}.
   *
   * @throws CorpusException when the folder is missing or holds no usable document
   */
  public static Corpus load(Path dir) throws CorpusException {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException("corpus folder not found: " + dir);
    }
    Path folder;
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      folder = dir.toRealPath();
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new CorpusException("cannot list corpus folder " + dir + ": " + e.getMessage());
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, SourceInfo> sources = readSources(folder, dir.resolve("sources.json"), problems);
    List<Path> files = entries.stream().filter(Corpus::isDocument).toList();
    Parse[] parses = new Parse[files.size()];
    // the files parse side by side, one a core (a large corpus loads in about half the time on two cores); a file
    // over a quarter of the size limit parses alone, so that a parse still has a third of the heap to itself
    IntStream.range(0, files.size()).parallel().filter(i -> !large(files.get(i)))
        .forEach(i -> parses[i] = parse(folder, files.get(i), sources));
    List<DocumentParser.Parsed> parsed = new ArrayList<>();
    for (int i = 0; i < parses.length; i++) {
      Parse p = parses[i] != null ? parses[i] : parse(folder, files.get(i), sources);
      if (p.problem() != null) {
        problems.add(p.problem());
      } else {
        parsed.add(p.parsed());
      }
    }
    if (parsed.isEmpty()) {
      throw new CorpusException("no usable Markdown documents in " + dir
          + (problems.isEmpty() ? "" : " (" + problems.size() + " skipped: " + problems.get(0).file() + ": "
              + problems.get(0).reason() + ")"));
    }
    return assemble(parsed, problems);
  }

  /** A file's parse, or why it was skipped. */
  private record Parse(DocumentParser.Parsed parsed, Problem problem) {}

  private static boolean isDocument(Path entry) {
    String lower = entry.getFileName().toString().toLowerCase(Locale.ROOT);
    // sources.json, NOTICE and the like are not documents; a folder's README describes the corpus
    return (lower.endsWith(".md") || lower.endsWith(".markdown")) && !lower.equals("readme.md");
  }

  private static boolean large(Path file) {
    try {
      return Files.size(file) > MAX_FILE_BYTES / 4;
    } catch (IOException e) {
      return false; // its parse says why it cannot be read
    }
  }

  private static Parse parse(Path folder, Path entry, Map<String, SourceInfo> sources) {
    String name = entry.getFileName().toString();
    try {
      DocumentParser.Parsed p = parse(new DocumentParser(), CorpusFiles.readable(folder, entry), name,
          sources.get(name));
      return p.passages().isEmpty()
          ? new Parse(null, new Problem(name, "no passages found (is it a responsibility document?)"))
          : new Parse(p, null);
    } catch (IOException e) {
      return new Parse(null, new Problem(name, e.getMessage()));
    } catch (RuntimeException e) {
      return new Parse(null, new Problem(name, "could not be parsed: " + e));
    } catch (StackOverflowError e) {
      // nesting the line scan does not see (emphasis, links) can still outrun the parser's recursion: one file lost
      return new Parse(null, new Problem(name, "nested too deep to parse (the parser ran out of stack)"));
    }
  }

  /**
   * Reads and parses one file, refusing before the parse one nested deeper than {@link Nesting#MAX_DEPTH}.
   *
   * @throws IOException saying why the file is skipped
   */
  private static DocumentParser.Parsed parse(DocumentParser parser, Path file, String name, SourceInfo source)
      throws IOException {
    String text = readText(file);
    // HTML tables are refused before their cells are walked; the rest is checked as the parser will read it, where an
    // HTML table's cells are Markdown lines of their own
    Optional<String> html = HtmlBlocks.tooDeep(text, Nesting.MAX_DEPTH);
    if (html.isPresent()) {
      throw new IOException(html.get());
    }
    String markdown = DocumentParser.markdown(text);
    Optional<String> deep = Nesting.tooDeep(markdown, Nesting.MAX_DEPTH);
    if (deep.isPresent()) {
      throw new IOException(deep.get());
    }
    String fallbackDate = Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    return parser.parseMarkdown(name, markdown, source, fallbackDate);
  }

  /** Builds a corpus from already-parsed documents: places each in its revision family. */
  static Corpus assemble(List<DocumentParser.Parsed> parsed, List<Problem> problems) {
    Map<String, Document> placed = placeInFamilies(parsed.stream().map(DocumentParser.Parsed::document).toList());
    List<Document> docs = new ArrayList<>();
    List<Passage> passages = new ArrayList<>();
    for (DocumentParser.Parsed p : parsed) {
      Document doc = placed.get(p.document().file());
      docs.add(doc);
      for (Passage passage : p.passages()) {
        passages.add(passage.withDocument(doc));
      }
    }
    return new Corpus(docs, passages, problems);
  }

  /**
   * Revisions of one document share an upstream path or an {@code ms.assetid}; they form a family, and the newest
   * revision of each family is the one in force.
   */
  static Map<String, Document> placeInFamilies(List<Document> docs) {
    int[] parent = new int[docs.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstWithKey = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      Document d = docs.get(i);
      for (String key : List.of("path:" + d.upstreamPath(), "asset:" + d.assetId())) {
        if (key.endsWith(":")) {
          continue;
        }
        Integer j = firstWithKey.putIfAbsent(key.toLowerCase(Locale.ROOT), i);
        if (j != null) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<Document>> families = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      families.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(docs.get(i));
    }
    Map<String, Document> placed = new HashMap<>();
    for (List<Document> family : families.values()) {
      Comparator<Document> byAge = Comparator.comparing(Document::revision).thenComparing(Document::file);
      Document newest = family.stream().max(byAge).orElseThrow();
      String id = family.stream().map(Document::file).min(Comparator.naturalOrder()).orElseThrow();
      for (Document d : family) {
        placed.put(d.file(), d.inFamily(id, d == newest));
      }
    }
    return placed;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Reads a file as UTF-8 text, refusing binaries and other encodings with a reason a person can act on. */
  static String readText(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException("too large for a Markdown document (" + size + " bytes; the limit is " + MAX_FILE_BYTES
          + ", 5 MB or the heap / 512)");
    }
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) {
      if (b == 0) {
        throw new IOException("not a Markdown text file (binary content)");
      }
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IOException("not a Markdown text file (not valid UTF-8)");
    }
  }

  private static Map<String, SourceInfo> readSources(Path folder, Path file, List<Problem> problems) {
    Map<String, SourceInfo> sources = new HashMap<>();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return sources;
    }
    // read with Jackson's streaming parser: the tree model's ObjectMapper would load some 300 classes on the first
    // index's critical path (about 0.15 s of a cold start) for a file of a few lines
    try (JsonParser json = JSON.createParser(readText(CorpusFiles.readable(folder, file)))) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("sources.json is not a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("documents") && value == JsonToken.START_ARRAY) {
          for (JsonToken item = json.nextToken(); item != null && item != JsonToken.END_ARRAY; item = json.nextToken()) {
            if (item != JsonToken.START_OBJECT) {
              json.skipChildren(); // not a document's entry: nothing to read from it
              continue;
            }
            Map<String, String> d = strings(json);
            String name = d.getOrDefault("file", "");
            if (!name.isEmpty()) {
              sources.put(name, new SourceInfo(name, d.getOrDefault("repo", ""), d.getOrDefault("path", ""),
                  d.getOrDefault("commit", ""), d.getOrDefault("committed", "")));
            }
          }
        } else {
          json.skipChildren();
        }
      }
    } catch (IOException e) {
      problems.add(new Problem(file.getFileName().toString(), "ignored, no permalinks: " + e.getMessage()));
    }
    return sources;
  }

  /** The string fields of the JSON object the parser has just opened, up to its end; nested values skipped. */
  private static Map<String, String> strings(JsonParser json) throws IOException {
    Map<String, String> fields = new HashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      if (json.nextToken() == JsonToken.VALUE_STRING) {
        fields.put(field, json.getText());
      } else {
        json.skipChildren();
      }
    }
    return fields;
  }
}
