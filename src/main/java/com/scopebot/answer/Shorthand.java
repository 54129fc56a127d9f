package com.scopebot.answer;

import com.scopebot.corpus.WordList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the shorthand chat writes for whole words ("cust", "mgmt", "w/o") as the words ({@code
 * words/chat-shorthand.txt}), before anything else reads the question. Stateless and thread-safe.
 */
final class Shorthand {

  /** Each short form, lower case, and the word it stands for. */
  private static final Map<String, String> WORDS = words(WordList.load("chat-shorthand").groups());
  /** Any short form as a whole word: not inside a longer word, a path or an address. */
  private static final Pattern SHORT = Pattern.compile("(?i)(?<![\\w/.@-])(?:"
      + String.join("|", WORDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList())
      + ")(?![\\w/@-])");

  private Shorthand() {}

  private static Map<String, String> words(List<List<String>> groups) {
    Map<String, String> out = new HashMap<>();
    for (List<String> g : groups) {
      g.subList(1, g.size()).forEach(s -> out.put(s, g.get(0)));
    }
    return Map.copyOf(out);
  }

  /** The text with each short form written out. */
  static String expand(String text) {
    Matcher m = SHORT.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(WORDS.get(m.group().toLowerCase(Locale.ROOT))));
    } while (m.find());
    return m.appendTail(out).toString();
  }
}
