package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acronyms the documents define themselves ("Microsoft Dynamics Lifecycle Services (LCS)", "FastTrack Recognized
 * Solution Architect (FTRSA)"), mined at ingestion so that a question using the short name finds the long one.
 *
 * <p>Stateless and thread-safe.
 */
public final class Acronyms {

  /** Up to six capitalised words (with small connecting words between them), then the acronym in parentheses. */
  private static final Pattern DEFINED = Regex.compile(
      "((?:[A-Z][A-Za-z0-9&-]*\\s+(?:(?:for|of|and|by|the|to|in|on)\\s+)?){1,6})\\(([A-Z][A-Za-z0-9&]{1,7})\\)");
  private static final Set<String> CONNECTORS = Set.of("for", "of", "and", "by", "the", "to", "in", "on", "&");

  private Acronyms() {}

  /** The acronyms a corpus defines, lower case, each with the shortest run of words that spells it. */
  public static Map<String, String> of(Corpus corpus) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Passage p : corpus.passages()) {
      defined(p.text()).forEach(out::putIfAbsent);
    }
    return out;
  }

  /** The acronyms one text defines. */
  public static Map<String, String> defined(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = DEFINED.matcher(text);
    while (m.find()) {
      String acronym = m.group(2).replaceFirst("(?<=[A-Z])s$", ""); // "GPOs" defines "GPO"
      String[] words = m.group(1).trim().split("\\s+");
      // the shortest run of words ending before the parenthesis that spells the acronym
      for (int from = words.length - 1; from >= 0; from--) {
        List<String> run = List.of(words).subList(from, words.length);
        if (!CONNECTORS.contains(run.get(0).toLowerCase(Locale.ROOT)) && spells(acronym, run)) {
          out.putIfAbsent(acronym.toLowerCase(Locale.ROOT), String.join(" ", run).toLowerCase(Locale.ROOT));
          break;
        }
      }
    }
    return out;
  }

  /**
   * True when the words spell the acronym: every word but the small connecting ones gives its first letter, in order,
   * and may give more of its letters after it ("LifeCycle Services" spells LCS).
   */
  static boolean spells(String acronym, List<String> words) {
    List<String> content = new ArrayList<>();
    for (String w : words) {
      if (!CONNECTORS.contains(w.toLowerCase(Locale.ROOT))) {
        content.add(w.toLowerCase(Locale.ROOT));
      }
    }
    if (content.size() < 2 || content.size() > acronym.length()) {
      return false;
    }
    return spells(acronym.toLowerCase(Locale.ROOT), 0, content, 0);
  }

  private static boolean spells(String acronym, int a, List<String> words, int w) {
    if (w == words.size()) {
      return a == acronym.length();
    }
    String word = words.get(w);
    if (a >= acronym.length() || word.charAt(0) != acronym.charAt(a)) {
      return false;
    }
    // this word gives its first letter and then 0..n more of its letters, in order
    int next = a + 1;
    if (spells(acronym, next, words, w + 1)) {
      return true;
    }
    int at = 1;
    while (next < acronym.length()) {
      at = word.indexOf(acronym.charAt(next), at);
      if (at < 0) {
        return false;
      }
      next++;
      at++;
      if (spells(acronym, next, words, w + 1)) {
        return true;
      }
    }
    return false;
  }
}
