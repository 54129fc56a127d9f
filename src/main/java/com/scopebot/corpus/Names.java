package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the documents write in capitals ("Solution Blueprint Review", "Go-live Readiness Review"), mined at
 * ingestion, so that a question using an acronym the documents never define ("is capacity planning part of the SBR?")
 * finds the one name that spells it. {@link Acronyms} handles the acronyms the documents define themselves.
 *
 * <p>Immutable and thread-safe.
 */
public final class Names {

  /** A word, with the hyphens, apostrophes and ampersands inside it. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’&-]*");
  /** Small words a name may have between its capitalised words ("Defender for Identity", "Success by Ready"). */
  private static final Set<String> CONNECTORS = Set.of("for", "of", "and", "by", "the", "to", "in", "on", "&");
  /** What a name's last word may carry after a hyphen without it being part of the name ("-specific", "-managed"). */
  private static final Pattern ADJECTIVE_TAIL = Pattern.compile("(?<=\\p{L}{2})-\\p{Ll}+$");
  /** Where a word splits into parts that may each give a letter ("Go-live"). */
  private static final Pattern PARTS = Pattern.compile("-");
  /** The longest name read, in capitalised words. */
  private static final int MAX_WORDS = 6;
  /** The shortest acronym looked up: two letters stand for too many things. */
  public static final int MIN_LETTERS = 3;
  private static final int MAX_LETTERS = 6;

  /** Each acronym spelled by a name the documents write, lower case, with the names that spell it (lower case → as written). */
  private final Map<String, Map<String, String>> spelled;

  private Names(Map<String, Map<String, String>> spelled) {
    this.spelled = spelled;
  }

  /** The names a corpus writes: in its statements, their sections and its titles. */
  public static Names of(Corpus corpus) {
    Map<String, Map<String, String>> spelled = new HashMap<>();
    Set<List<String>> seen = new HashSet<>();
    for (Passage p : corpus.passages()) {
      read(p.text(), spelled, seen);
      p.section().forEach(heading -> read(heading, spelled, seen));
    }
    return new Names(spelled);
  }

  /** The names one text writes. */
  public static Names in(String text) {
    Map<String, Map<String, String>> spelled = new HashMap<>();
    read(text, spelled, new HashSet<>());
    return new Names(spelled);
  }

  /**
   * The one name the documents write that spells an acronym, as they write it; empty when none does or several
   * different ones do.
   */
  public Optional<String> spelling(String acronym) {
    Map<String, String> names = spelled.get(acronym.toLowerCase(Locale.ROOT));
    return names == null || names.size() != 1 ? Optional.empty() : Optional.of(names.values().iterator().next());
  }

  private static void read(String text, Map<String, Map<String, String>> spelled, Set<List<String>> seen) {
    List<String> run = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int end = 0;
    while (m.find()) {
      String word = m.group();
      boolean joined = text.substring(end, m.start()).isBlank(); // nothing but space since the last word
      end = m.end();
      if (!joined) {
        close(run, spelled, seen);
      }
      if (Character.isUpperCase(word.charAt(0))) {
        run.add(word);
      } else if (!run.isEmpty() && CONNECTORS.contains(word)) {
        run.add(word);
      } else {
        close(run, spelled, seen);
      }
    }
    close(run, spelled, seen);
  }

  /**
   * Records the run of capitalised words and the stretches of it that keep its first or its last word ("Go-live
   * Readiness" of "Go-live Readiness Review", "Defender for Identity" of "Microsoft Defender for Identity"), never one
   * cut from its middle; then empties the run.
   */
  private static void close(List<String> run, Map<String, Map<String, String>> spelled, Set<List<String>> seen) {
    while (!run.isEmpty() && CONNECTORS.contains(run.get(run.size() - 1))) {
      run.remove(run.size() - 1);
    }
    if (!run.isEmpty()) {
      // "Microsoft Managed Desktop-specific setup" names Microsoft Managed Desktop: a lower-case tail is no part of it
      run.set(run.size() - 1, ADJECTIVE_TAIL.matcher(run.get(run.size() - 1)).replaceFirst(""));
    }
    if (run.size() >= 2 && seen.add(List.copyOf(run))) {
      for (int cut = 1; cut < run.size(); cut++) {
        record(run.subList(0, cut + 1), spelled); // keeps the first word
        record(run.subList(cut - 1, run.size()), spelled); // keeps the last
      }
    }
    run.clear();
  }

  /**
   * Records the acronyms a name spells: the first letters of its capitalised words, or of their hyphenated parts
   * ("Go-live Readiness" → GLR).
   */
  private static void record(List<String> name, Map<String, Map<String, String>> spelled) {
    List<String> words = name.stream().filter(w -> !CONNECTORS.contains(w)).toList();
    if (words.size() < 2 || words.size() > MAX_WORDS || CONNECTORS.contains(name.get(0))
        || CONNECTORS.contains(name.get(name.size() - 1))) {
      return;
    }
    String written = String.join(" ", name);
    for (boolean parts : new boolean[] {false, true}) {
      StringBuilder letters = new StringBuilder();
      for (String word : words) {
        for (String part : parts ? PARTS.split(word) : new String[] {word}) {
          if (!part.isEmpty()) {
            letters.append(Character.toLowerCase(part.charAt(0)));
          }
        }
      }
      if (letters.length() >= MIN_LETTERS && letters.length() <= MAX_LETTERS) {
        spelled.computeIfAbsent(letters.toString(), k -> new LinkedHashMap<>())
            .putIfAbsent(written.toLowerCase(Locale.ROOT), written);
      }
    }
  }
}
