package com.scopebot.index;

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
    static final Set<String> WORDS = load();
  }

  private EnglishWords() {}

  /** True when a word, in any case, is everyday English. */
  public static boolean contains(String word) {
    return Holder.WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static Set<String> load() {
    try (InputStream raw = EnglishWords.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      Set<String> words = new HashSet<>(100_000);
      try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            words.add(line.strip());
          }
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("english word list unreadable", e);
    }
  }
}
