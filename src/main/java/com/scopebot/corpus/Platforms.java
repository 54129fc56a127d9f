package com.scopebot.corpus;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device platforms ({@code words/platforms.txt}) a text names. A statement that names three or more lists the
 * platforms it is for ("Installing the client on Windows 10/11, macOS, iOS, and Android clients"), and only those: a
 * question about another ("on our Linux machines") goes beyond it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Platforms {

  /** The platforms, one word a line. */
  public static final WordList WORDS = WordList.load("platforms");
  private static final Pattern ANY = Regex.compile(WORDS.anywhereRegex());

  private Platforms() {}

  /** The platforms a lower-case text names, as the list writes them ("mac" and "macbooks" are "macos"). */
  public static Set<String> named(String lower) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = ANY.matcher(lower);
    while (m.find()) {
      out.add(canonical(m.group()));
    }
    return out;
  }

  /**
   * The platforms a lower-case sentence lists, from the first it names to the last, when it names three or more: two
   * ("iOS and Android apps") often name a kind of device, not all a grant is for.
   */
  static Optional<Limit> listed(String sentence, String lower) {
    Set<String> named = new LinkedHashSet<>();
    int from = -1;
    int to = -1;
    Matcher m = ANY.matcher(lower);
    while (m.find()) {
      named.add(canonical(m.group()));
      from = from < 0 ? m.start() : from;
      to = m.end();
    }
    return named.size() < 3 ? Optional.empty()
        : Optional.of(new Limit(Limit.Kind.PLATFORMS, sentence.substring(from, to), "", 0, named));
  }

  /** The platform a listed word names: a device stands for its platform ("MacBooks" for macOS). */
  private static String canonical(String word) {
    if (word.startsWith("mac")) {
      return "macos";
    }
    if (word.startsWith("iphone") || word.startsWith("ipad") && !word.equals("ipados")) {
      return "ios";
    }
    return word.startsWith("chromebook") ? "chromeos" : word.equals("androids") ? "android" : word;
  }

  /** "Linux": a platform as a sentence names it. */
  public static String written(String platform) {
    return platform.equals("macos") ? "macOS" : platform.equals("ios") ? "iOS" : platform.equals("ipados") ? "iPadOS"
        : platform.equals("chromeos") ? "ChromeOS" : platform.substring(0, 1).toUpperCase(Locale.ROOT) + platform.substring(1);
  }
}
