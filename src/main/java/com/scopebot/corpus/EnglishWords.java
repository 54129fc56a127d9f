package com.scopebot.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
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
      // one set of every word in lower case, and the names among them: a word the list writes only with a capital
      // ("Korean", "Seoul") is a name. Built once at first use, wrapped rather than copied (a copy would hash the
      // 100,000 words again on the start's critical path).
      List<String> listed = load();
      Set<String> words = new HashSet<>(listed.size() * 4 / 3 + 1);
      for (String w : listed) {
        if (w.equals(w.toLowerCase(Locale.ROOT))) {
          words.add(w);
        }
      }
      Set<String> proper = new HashSet<>();
      for (String w : listed) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (!w.equals(lower) && words.add(lower)) {
          proper.add(lower);
        }
      }
      WORDS = Collections.unmodifiableSet(words);
      PROPER = Collections.unmodifiableSet(proper);
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

  private static List<String> load() {
    try (InputStream raw = EnglishWords.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      List<String> words = new java.util.ArrayList<>(110_000);
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
