package com.scopebot.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The synonym and acronym map, read from a Solr-format data file that administrators extend.
 *
 * <p>Each line maps every variant to its first entry (no expansion), at indexing and at question time, so a
 * multi-word name and its acronym become one term.
 */
public record Synonyms(SynonymMap map, Set<String> words, List<String> names, String text) {

  /** The map bundled in the jar (a copy of {@code index-data/synonyms.txt}). */
  public static final String BUNDLED = "/synonyms.txt";

  public Synonyms {
    Objects.requireNonNull(map, "map");
    words = Set.copyOf(words);
    names = List.copyOf(names);
    text = Objects.requireNonNullElse(text, "");
  }

  /**
   * This map with the acronyms a corpus defines itself ("Lifecycle Services (LCS)"), for those the map does not know
   * already: the administrator's entries win. They are words, not product names: the corpus mentions them.
   */
  public Synonyms withAcronyms(Map<String, String> acronyms) {
    StringBuilder extra = new StringBuilder();
    acronyms.forEach((acronym, name) -> {
      if (!words.contains(acronym) && name.split(" ").length > 1) {
        extra.append(acronym).append(", ").append(name).append('\n');
      }
    });
    if (extra.length() == 0) {
      return this;
    }
    try {
      Synonyms merged = parse(text + (text.endsWith("\n") ? "" : "\n") + "# [words]\n" + extra);
      return new Synonyms(merged.map(), merged.words(), names, merged.text());
    } catch (IOException | ParseException e) {
      return this; // a mined entry the parser refuses leaves the administrator's map as it was
    }
  }

  /** Reads the bundled map. */
  public static Synonyms bundled() {
    try (InputStream in = Synonyms.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("synonyms.txt is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("bundled synonyms.txt is unreadable: " + e.getMessage(), e);
    }
  }

  /** Reads a map from a file. */
  public static Synonyms load(Path file) throws IOException, ParseException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses Solr-format synonym lines; entries pass through the same normalisation as the text they match. */
  public static Synonyms parse(String text) throws IOException, ParseException {
    try (Analyzer entryAnalyzer = DomainAnalyzer.entryAnalyzer();
        Reader reader = new StringReader(text)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, false, entryAnalyzer);
      parser.parse(reader);
      return new Synonyms(parser.build(), wordsOf(text), namesOf(text), text);
    }
  }

  /**
   * Each line's first entry, for lines that name products and services: the lines before a {@code # [words]} marker
   * or after a {@code # [names]} one. A question naming one the corpus never mentions is about something the documents
   * don't cover; an everyday word the corpus doesn't use says nothing of the kind.
   */
  private static List<String> namesOf(String text) {
    List<String> names = new ArrayList<>();
    boolean inNames = true;
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.equalsIgnoreCase("# [words]")) {
        inNames = false;
      } else if (t.equalsIgnoreCase("# [names]")) {
        inNames = true;
      }
      if (!inNames || t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String first = line.split("[,=]")[0].trim();
      if (!first.isEmpty()) {
        names.add(first);
      }
    }
    return names;
  }

  /** Words the map knows, so that typo correction never "corrects" a product name into a corpus word. */
  private static Set<String> wordsOf(String text) {
    Set<String> words = new HashSet<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      for (String w : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
    }
    return words;
  }
}
