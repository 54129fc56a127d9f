package com.scopebot.answer;

import com.scopebot.corpus.Limit;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.WordList;
import com.scopebot.index.PassageIndex.Entry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ranking and reasoning read of each statement that no question changes, by the statement's ordinal: worked out
 * once, not for every candidate of every question. Whether a statement gives a number or a time is read on first need
 * (most questions ask for neither); a race only reads it twice. Thread-safe.
 */
final class Traits {
  private static final Pattern NUMBER = Regex.compile(
      "\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+)\\b");
  /** What something costs: an amount of money, or that it costs nothing more ("at no additional cost"). */
  private static final Pattern PRICE = Regex.compile(
      "[$€£]\\s?\\d|\\b\\d[\\d,.]*\\s?(?:usd|eur|gbp|dollars?|euros?)\\b|\\b(?:free|costs?|price[ds]?|pricing|fees?"
          + "|charged?|charges|billed|paid|payment)\\b");
  // one \b for all the alternatives, not one each: found the same, faster (see RequestWords.REPEAT)
  private static final Pattern TIME = Regex.compile(
      "\\b(?:(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty)"
          + "(?:\\s*(?:-|to|or)\\s*\\d+)?[\\s-]+(minutes?|hours?|days?|weeks?|months?|years?)\\b"
          + "|business hours\\b|within\\b|(?:bi-?)?(?:daily|weekly|monthly|quarterly|yearly|annually)\\b)");

  private static final Pattern NOT_WORD = Regex.compile("[^\\p{L}\\p{N}]+");

  private static final byte UNREAD = 0;
  private static final byte NO = 1;
  private static final byte YES = 2;

  /** The weights of the statement's own terms added up ({@link Entry#textWeight}). */
  private final double[] textWeight;
  /** Years since 2000 of the statement's revision. */
  private final int[] year;
  /** Words that say what follows them is absent ({@code words/absence-words.txt}), and what follows. */
  private static final Pattern ABSENT = Regex.compile(WordList.load("absence-words").anywhereRegex()
      + "\\s+(?:the |a |an |your |microsoft )?([a-z][a-z -]{2,40})");

  /** How much longer than 100 characters its passage is, in doublings (0 for shorter). */
  private final double[] doublings;
  private final byte[] givesNumber;
  private final byte[] givesTime;
  /** What each statement says is absent, immutable once stored ({@link #absent}). */
  private final List<String>[] absent;
  /** The words of the statement's passage, lower case, single spaces: passages citing the same words are one. */
  private final String[] words;
  /**
   * The numbers the statement gives, as written: two documents giving different ones disagree. Immutable sets
   * ({@code Set.copyOf}), so that a thread reading one another thread has just stored sees it whole.
   */
  private final Set<?>[] numbers;

  /** The statements that state each delivery limit, current revisions first. */
  private final Map<Limit.Kind, List<Entry>> limiting = new java.util.EnumMap<>(Limit.Kind.class);

  List<Entry> limiting(Limit.Kind kind) {
    return limiting.getOrDefault(kind, List.of());
  }

  Traits(List<Entry> entries) {
    for (Entry e : entries) {
      for (Limit l : e.statement().limits()) {
        limiting.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(e);
      }
    }
    limiting.values().forEach(list -> list.sort(
        Comparator.comparing((Entry e) -> !e.passage().document().current())));
    year = new int[entries.size()];
    textWeight = new double[entries.size()];
    doublings = new double[entries.size()];
    givesNumber = new byte[entries.size()];
    givesTime = new byte[entries.size()];
    words = new String[entries.size()];
    numbers = new Set<?>[entries.size()];
    @SuppressWarnings("unchecked") // a generic array: only List<String> is stored
    List<String>[] read = new List[entries.size()];
    absent = read;
    for (Entry e : entries) {
      year[e.ordinal()] = yearOf(e.passage().document().revision());
      textWeight[e.ordinal()] = e.textWeight();
      doublings[e.ordinal()] = Math.max(0, Math.log(e.passage().text().length() / 100.0) / Math.log(2));
    }
  }

  /** The weights of the statement's own terms added up. */
  double textWeight(Entry e) {
    return textWeight[e.ordinal()];
  }

  /** Years since 2000 of the statement's revision. */
  int year(Entry e) {
    return year[e.ordinal()];
  }

  /** How much longer than 100 characters the statement's passage is, in doublings (0 for shorter). */
  double doublings(Entry e) {
    return doublings[e.ordinal()];
  }

  /**
   * False when the question asks how many and the statement gives no amount, or what it costs and it gives no price,
   * or which languages and it names no list of them,
   * or which versions and it names none but those the question names itself ("what's the minimum Windows 10 build?" is
   * not answered by "Enrolling Windows 10 devices"), or how long and it gives no length of time. (A question asking when is answered by
   * a condition as often as by a date: "once core capabilities are enabled".)
   */
  boolean givesWhatIsAsked(Question q, Entry e) {
    return switch (q.answerType()) {
      case PRICE -> givesPrice(e.statement().text());
      case NUMBER -> givesAmount(e.statement().text());
      case VERSION -> !e.statement().limits(Limit.Kind.MIN_VERSION).isEmpty()
          || !e.statement().limits(Limit.Kind.MAX_VERSION).isEmpty()
          || e.statement().limits(Limit.Kind.VERSIONS).stream()
              .anyMatch(l -> !q.request().versions().values().containsAll(l.values()));
      case DURATION -> givesTime(e);
      case NAMES -> !e.statement().limits(Limit.Kind.NAMED_LIST).isEmpty();
      case TIME, NONE -> true;
    };
  }

  boolean givesNumber(Entry e) {
    return gives(givesNumber, NUMBER, e);
  }

  /**
   * True when a text gives an amount: a number that is not part of a name ("Dynamics 365", "a Tier-2 sandbox"), as an
   * answer to "how many" must. Asked once an answer, of the statement it would rest on.
   */
  static boolean givesAmount(String text) {
    Matcher m = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (!inName(text, m.start(), m.end())) {
        return true;
      }
    }
    return false;
  }

  /** True when a text says what something costs, as an answer to "how much does it cost" must. */
  static boolean givesPrice(String text) {
    return PRICE.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * True when the number between two places is part of a name: the word before it is capitalised and joined to it by
   * a space or a hyphen ("with Windows 10", "a Tier-2 sandbox"). A text's first word is capitalised whatever it is, so
   * there the word after the number must be too ("Dynamics 365 Guides", not "Licensing two pilot users").
   */
  private static boolean inName(String text, int from, int to) {
    int end = from - 1;
    if (end < 1 || end >= text.length() || text.charAt(end) != ' ' && text.charAt(end) != '-') {
      return false;
    }
    int start = end;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    if (start == end || !Character.isUpperCase(text.charAt(start))) {
      return false;
    }
    return start > 0 || to + 1 < text.length() && text.charAt(to) == ' ' && Character.isUpperCase(text.charAt(to + 1));
  }

  boolean givesTime(Entry e) {
    return gives(givesTime, TIME, e);
  }

  String words(Entry e) {
    String known = words[e.ordinal()];
    if (known == null) {
      known = NOT_WORD.matcher(e.passage().text().toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
      words[e.ordinal()] = known;
    }
    return known;
  }

  /**
   * What the statement says is absent: what follows "outside", "without", "other than" …
   * ({@code words/absence-words.txt}), read on first need; most statements say none.
   */
  List<String> absent(Entry e) {
    List<String> known = absent[e.ordinal()];
    if (known == null) {
      List<String> found = new ArrayList<>();
      Matcher m = ABSENT.matcher(e.statement().text().toLowerCase(Locale.ROOT));
      while (m.find()) {
        found.add(m.group(1));
      }
      known = List.copyOf(found);
      absent[e.ordinal()] = known;
    }
    return known;
  }

  @SuppressWarnings("unchecked") // only Set<String> is stored
  Set<String> numbers(Entry e) {
    Set<String> known = (Set<String>) numbers[e.ordinal()];
    if (known == null) {
      known = numbers(e.statement().text());
      numbers[e.ordinal()] = known;
    }
    return known;
  }

  private static Set<String> numbers(String text) {
    Set<String> found = new HashSet<>();
    Matcher m = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      found.add(m.group(1));
    }
    return Set.copyOf(found);
  }

  private static boolean gives(byte[] read, Pattern pattern, Entry e) {
    byte known = read[e.ordinal()];
    if (known == UNREAD) {
      known = pattern.matcher(e.statement().text().toLowerCase(Locale.ROOT)).find() ? YES : NO;
      read[e.ordinal()] = known;
    }
    return known == YES;
  }

  private static int yearOf(String isoDate) {
    try {
      return Math.max(0, Integer.parseInt(isoDate.substring(0, 4)) - 2000);
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
