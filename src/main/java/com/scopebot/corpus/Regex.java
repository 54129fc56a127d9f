package com.scopebot.corpus;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions that a question is searched with, compiled so that a search skips at once the places where no
 * match can begin.
 *
 * <p>{@link Matcher#find()} tries the whole pattern at every position of the text: for
 * {@code \b(?:again\b|second time\b|…)} that is a word-boundary test and one attempt per alternative, at each of a
 * question's hundred characters, and reading one question runs a few dozen such patterns. Most positions hold a
 * character no match can start with. {@link #compile} works out which characters can start a match — by asking the
 * pattern itself, for each character, whether a match starting there fails before it needs to read further
 * ({@link Matcher#hitEnd()}) — and puts that set in front as a lookahead: {@code (?=[adorsw…])(?:pattern)}. The
 * lookahead is one table lookup, and the pattern matches exactly what it matched before, with the same groups.
 *
 * <p>Patterns for which this cannot be known cheaply are compiled as they are: ones that can match the empty string,
 * that look behind for something that must be there, that name characters beyond ASCII, or that can start with one
 * (negated classes, {@code .}, Unicode properties). {@code RegexTest} checks every question-time pattern against all
 * 65,536 characters.
 */
public final class Regex {

  private Regex() {}

  /** An escape that names a character or a class by code or property: {@code \\u2013}, {@code \\p{L}}. */
  private static final Pattern NAMES_A_CHARACTER = Pattern.compile("\\\\[uxpPN0]");

  /** What precedes a match's first character, as far as a pattern can tell: nothing, a letter, a space, punctuation. */
  private static final String[] BEFORE = {"", "a", " ", ".", "\n"};

  /** {@link Pattern#compile(String)}, with the lookahead of the characters a match can start with, when known. */
  public static Pattern compile(String regex) {
    return compile(regex, 0);
  }

  /** {@link Pattern#compile(String, int)}, with the lookahead when it is known. */
  public static Pattern compile(String regex, int flags) {
    Pattern plain = Pattern.compile(regex, flags);
    BitSet first = firstChars(plain);
    if (first == null) {
      return plain;
    }
    return Pattern.compile("(?=[" + charClass(first) + "])(?:" + regex + ")", flags);
  }

  /**
   * {@link #compile(String)}, with strings of which every match holds at least one (a string written {@code "^is"} means
   * one the text starts with): a text holding none of them cannot match, so it skips the search. Most questions hold
   * none of the words a pattern looks for, and {@link String#contains} finds that out several times faster than the
   * search, which tries the pattern at every place a match could start.
   */
  public static Needs needing(String regex, String... strings) {
    return new Needs(compile(regex), List.of(strings));
  }

  /**
   * A pattern and strings of which every match holds one. The strings are stated beside the pattern;
   * {@code QuestionGuardsTest} checks that no text the pattern matches, of a thousand, holds none of them, and that
   * each string is the only one of them in some text the pattern matches.
   */
  public record Needs(Pattern pattern, List<String> strings) {

    /** False when the text holds none of the strings, so the pattern cannot match it. */
    public boolean mayMatch(String text) {
      for (String s : strings) {
        if (s.charAt(0) == '^' ? text.regionMatches(0, s, 1, s.length() - 1) : text.contains(s)) {
          return true;
        }
      }
      return false;
    }

    /** {@link Matcher#find()}: whether some part of the text matches. */
    public boolean find(String text) {
      return mayMatch(text) && pattern.matcher(text).find();
    }

    /** {@link Matcher#replaceAll(String)}: the text itself when nothing in it can match. */
    public String replaceAll(String text, String replacement) {
      return mayMatch(text) ? pattern.matcher(text).replaceAll(replacement) : text;
    }

    /** The pattern's matcher, for its groups: a caller that needs them asks {@link #mayMatch} first. */
    public Matcher matcher(String text) {
      return pattern.matcher(text);
    }
  }

  /**
   * The characters a match of the pattern can start with, all of them within Latin-1; null when that is not so, or not
   * known.
   */
  static BitSet firstChars(Pattern pattern) {
    String regex = pattern.pattern();
    if (regex.contains("(?<=") || (pattern.flags() & (Pattern.LITERAL | Pattern.COMMENTS | Pattern.UNICODE_CASE
        | Pattern.UNICODE_CHARACTER_CLASS)) != 0) {
      return null; // what must come before is not among BEFORE in general; the rest are rare here
    }
    if (!regex.chars().allMatch(c -> c < 128) || NAMES_A_CHARACTER.matcher(regex).find()) {
      return null; // names characters beyond the ones probed below ("[\u2013-]", "\p{L}", "é")
    }
    for (String before : BEFORE) {
      Matcher empty = pattern.matcher(before).region(before.length(), before.length());
      if (empty.useTransparentBounds(true).useAnchoringBounds(false).lookingAt()) {
        return null; // matches nothing at all, so also where no character follows
      }
    }
    BitSet first = new BitSet(256);
    for (char c = 0; c < 256; c++) {
      if (canStartWith(pattern, c)) {
        if (c >= 128) {
          return null; // a class that takes characters beyond ASCII may take any of thousands
        }
        first.set(c);
      }
    }
    return first.isEmpty() ? null : first;
  }

  /** True when a match can begin with the character: it matches there, or reads on past it to decide. */
  static boolean canStartWith(Pattern pattern, char c) {
    Matcher m = pattern.matcher("");
    for (String before : BEFORE) {
      String text = before + c;
      m.reset(text).region(before.length(), text.length());
      m.useTransparentBounds(true); // \b and look-behinds see the character before
      m.useAnchoringBounds(false); // ^ matches only at the text's real start
      if (m.lookingAt() || m.hitEnd()) {
        return true;
      }
    }
    return false;
  }

  private static String charClass(BitSet chars) {
    StringBuilder out = new StringBuilder();
    for (int c = chars.nextSetBit(0); c >= 0; c = chars.nextSetBit(c + 1)) {
      out.append(String.format("\\x%02x", c));
    }
    return out.toString();
  }
}
