package com.scopebot.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A list of words or phrases kept as data ({@code src/main/resources/words/NAME.txt}: one a line, {@code #} comments),
 * and the one pattern built from it, so that a list is extended by editing a file, not the code.
 *
 * <p>Immutable and thread-safe; lists are read once, when the class that names them loads.
 */
public record WordList(String name, List<String> phrases) {

  public WordList {
    phrases = List.copyOf(phrases);
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException("word list " + name + " is empty");
    }
  }

  /** Reads {@code /words/NAME.txt} from the class path. */
  public static WordList load(String name) {
    String resource = "/words/" + name + ".txt";
    try (InputStream in = WordList.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing word list " + resource);
      }
      return new WordList(name, parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read word list " + resource, e);
    }
  }

  static List<String> parse(BufferedReader lines) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String phrase = line.strip().toLowerCase(Locale.ROOT);
      if (!phrase.isEmpty() && !phrase.startsWith("#")) {
        out.add(phrase);
      }
    }
    return out;
  }

  /** Each line read as names of one thing, comma-separated ("windows, win"; "inbound, outbound"). */
  public List<List<String>> groups() {
    return phrases.stream().map(line -> List.of(line.split("\\s*,\\s*"))).toList();
  }

  /** A pattern finding any phrase of the list as whole words (longest first, spaces matching any white space). */
  public Pattern anywhere() {
    return Regex.compile(anywhereRegex());
  }

  /** The regular expression of {@link #anywhere()}, to build a longer pattern from. */
  public String anywhereRegex() {
    return "\\b(?:" + alternatives() + ")\\b";
  }

  /** A pattern finding a phrase of the list at the start of a text (after an optional "note:"). */
  public Pattern opening() {
    return Regex.compile(openingRegex());
  }

  /** The regular expression of {@link #opening()}, to build a longer pattern from. */
  public String openingRegex() {
    return "^(?:note:\\s*)?(?:" + alternatives() + ")\\b";
  }

  private String alternatives() {
    return String.join("|", phrases.stream().sorted(Comparator.comparingInt(String::length).reversed())
        .map(WordList::literal).toList());
  }

  /** A phrase as a pattern: letters and digits as they are, any run of white space for a space, the rest escaped. */
  private static String literal(String phrase) {
    StringBuilder sb = new StringBuilder();
    for (String word : phrase.split("\\s+")) {
      if (sb.length() > 0) {
        sb.append("\\s+");
      }
      for (char c : word.toCharArray()) {
        if (!Character.isLetterOrDigit(c)) {
          sb.append('\\');
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
