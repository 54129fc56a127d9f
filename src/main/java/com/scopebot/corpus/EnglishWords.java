package com.scopebot.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The everyday English vocabulary (SCOWL's American English list as packaged by Debian's {@code wamerican}, about
 * 74,000 words with their inflections; see {@code english/COPYRIGHT-words.txt}).
 *
 * <p>It tells a typo ("eligable") from an ordinary word the corpus happens not to use ("sessions"), and a name the
 * documents never mention ("Fabrikam") from chat vocabulary ("laptop"). Loaded once; immutable and thread-safe.
 */
public final class EnglishWords {

  private static final String RESOURCE = "/english/words.txt.gz";

  private static final class Holder {
    static final Set<String> WORDS;
    static final Set<String> PROPER;

    static {
      Set<String> words = new HashSet<>(100_000);
      Set<String> capitalised = new HashSet<>();
      for (String w : load()) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (!w.equals(lower)) {
          capitalised.add(lower);
        } else {
          words.add(lower);
        }
      }
      // a word written only with a capital is a name: a language, a nationality, a place, a company
      capitalised.removeAll(words);
      words.addAll(capitalised);
      WORDS = Set.copyOf(words);
      PROPER = Set.copyOf(capitalised);
    }
  }

  private EnglishWords() {}

  /** True when a word, in any case, is everyday English. */
  public static boolean contains(String word) {
    return Holder.WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** True when a word is English only as a name ("Korean", "Spanish", "Seoul"), never written in lower case. */
  public static boolean isName(String word) {
    return Holder.PROPER.contains(word.toLowerCase(Locale.ROOT));
  }

  private static java.util.List<String> load() {
    try (InputStream raw = EnglishWords.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      java.util.List<String> words = new java.util.ArrayList<>(110_000);
      try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            words.add(line.strip());
          }
        }
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("english word list unreadable", e);
    }
  }
}
