package com.scopebot.corpus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions a statement names, as limits ({@link Limit}): a list ("Exchange 2013/2010"), a floor ("Windows Server
 * 2008 or above") or a ceiling ("Cassandra versions till 5.0"), and how versions are ordered. Part of
 * {@link Constraints}; stateless and thread-safe.
 */
public final class Versions {

  private Versions() {}

  /**
   * A version as documents and questions write it: a number, and the release or service pack that is part of it
   * ("2012 R2", "2016 SP1", in any case).
   */
  public static final String VERSION = "\\d{1,4}(?:\\.\\d+)?(?:\\s(?i:r|sp)\\d\\b)?";
  private static final Pattern LISTED = Regex.compile(
      "\\b((?:(?![A-Z][a-z]+ing\\b)[A-Z][A-Za-z]+\\s+){0,2}[A-Z][A-Za-z]+)\\)?\\s+(" + VERSION + "(?:\\s*(?:/|,|\\bor\\b(?!\\s+(?:above|later|higher|newer))|\\band\\b"
          + "(?!\\s+(?:above|later|higher|newer)))\\s*" + VERSION + ")*)(\\s+(?:or|and)\\s+(?:above|later|higher|newer))?");
  /**
   * The latest version covered: "supports Cassandra versions till 5.0", "Exchange versions up to 2016", "SharePoint 2016
   * or earlier".
   */
  private static final Pattern CEILING = Regex.compile(
      "\\b([A-Z][A-Za-z]+)\\s+versions?\\s+(?:till|until|up to|through)\\s+(" + VERSION + ")\\b"
          + "|\\b([A-Z][A-Za-z]+)\\s+(" + VERSION + ")\\s+(?:or|and)\\s+(?:earlier|below|lower|older)\\b");
  private static final Pattern RELEASE = Regex.compile("(\\d{1,4}(?:\\.\\d+)?)(?:\\s(r|sp)(\\d))?", Pattern.CASE_INSENSITIVE);

  /** A month's name: "November 9, 2025" is a date, not version 9 of a product called November. */
  private static final Pattern MONTH = Regex.compile(
      "(?i)\\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$");

  /** True when the word a version follows is a month's name: the number is a day or a year, no version. */
  public static boolean isMonth(String word) {
    return MONTH.matcher(word).find();
  }

  /** Adds the version lists, floors and ceilings the sentence names, each as a limit of the product it names. */
  static void read(String sentence, List<Limit> into) {
    String text = sentence.replace('\u2019', '\'');
    Matcher v = LISTED.matcher(text);
    while (v.find()) {
      // lower case, as questions are read: "2012 R2" is asked as "2012 r2"
      Set<String> values = new LinkedHashSet<>(List.of(
          v.group(2).toLowerCase(Locale.ROOT).split("\\s*(?:/|,|\\bor\\b|\\band\\b)\\s*")));
      values.removeIf(String::isBlank);
      if (values.contains("365") || values.isEmpty() || isMonth(v.group(1))) {
        continue; // "Office 365" names a product, not a version of one; "until November 9, 2025" a date
      }
      if (v.group(3) != null) {
        into.add(new Limit(Limit.Kind.MIN_VERSION, v.group().trim(), product(v.group(1)),
            version(values.iterator().next()), values));
      } else {
        into.add(new Limit(Limit.Kind.VERSIONS, v.group().trim(), product(v.group(1)), 0, values));
      }
    }
    Matcher ceiling = CEILING.matcher(text);
    while (ceiling.find()) {
      boolean named = ceiling.group(1) != null;
      if (isMonth(ceiling.group(named ? 1 : 3))) {
        continue;
      }
      String value = ceiling.group(named ? 2 : 4).toLowerCase(Locale.ROOT);
      double latest = version(value);
      if (latest > 0) {
        into.add(new Limit(Limit.Kind.MAX_VERSION, ceiling.group().trim(), product(ceiling.group(named ? 1 : 3)), latest,
            Set.of(value)));
      }
    }
  }

  /** The product a name's versions are of: its last word ("Windows Server 2012": versions of the server). */
  private static String product(String name) {
    String[] words = name.toLowerCase(Locale.ROOT).split("\\s+");
    return words[words.length - 1];
  }

  /**
   * A version number's value for ordering ("8.1" → 8.1, "2008" → 2008); a second release or a service pack comes
   * after its base and before the next number ("2012 R2" → 2012.5, "2016 SP1" → 2016.1); 0 when unreadable.
   */
  public static double version(String v) {
    Matcher m = RELEASE.matcher(v.trim());
    if (!m.matches()) {
      return 0;
    }
    double base = Double.parseDouble(m.group(1));
    if (m.group(2) == null) {
      return base;
    }
    int n = Integer.parseInt(m.group(3));
    return base + (m.group(2).equalsIgnoreCase("r") ? 0.5 * (n - 1) : 0.1 * n) / (m.group(1).contains(".") ? 10 : 1);
  }

  /** Years ("2016") and release numbers ("10", "8.1") are different numbering schemes and never compared. */
  private static boolean sameScheme(String a, String b) {
    return version(a) >= 1990 == version(b) >= 1990;
  }

  /** How an asked version stands against a version limit. */
  public enum Against {
    /** Listed, at or above the floor, at or below the ceiling. */
    MEETS,
    /** Of the same numbering but not listed, below the floor, above the ceiling. */
    BEYOND,
    /** Not a version limit, another numbering, or no version read. */
    NOT_COMPARED
  }

  /** How a version the question names stands against a version list, floor or ceiling. */
  public static Against against(Limit l, String asked) {
    double v = version(asked);
    return switch (l.kind()) {
      case VERSIONS -> l.values().contains(asked) ? (v > 0 ? Against.MEETS : Against.NOT_COMPARED)
          : l.values().stream().anyMatch(listed -> sameScheme(listed, asked)) ? Against.BEYOND : Against.NOT_COMPARED;
      case MIN_VERSION -> ordered(v, asked, l, v >= l.max());
      case MAX_VERSION -> ordered(v, asked, l, v <= l.max());
      default -> Against.NOT_COMPARED;
    };
  }

  private static Against ordered(double v, String asked, Limit l, boolean within) {
    if (v <= 0 || !sameScheme(asked, String.valueOf(l.max()))) {
      return Against.NOT_COMPARED;
    }
    return within ? Against.MEETS : Against.BEYOND;
  }
}
