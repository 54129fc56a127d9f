package com.scopebot.answer;

import com.scopebot.corpus.Limit;
import com.scopebot.corpus.Platforms;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.WordList;
import com.scopebot.index.PassageIndex;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a statement that names a closed set says of what the question asks, whatever its words: a list of names
 * answers a name it leaves out ("available in English, French, …" answers "in Korean?"), "each supported platform"
 * speaks of the platform asked about, and an exclusion list excludes the items it names and nothing else. One per
 * question; not shared between threads.
 */
final class ClosedSets {

  /** The device platforms ({@code words/platforms.txt}). */
  static final WordList PLATFORMS = Platforms.WORDS;
  /** "each supported platform", "all platforms", "every platform". */
  private static final Pattern EVERY_PLATFORM = Regex.compile("(?i)\\b(?:each|every|all)(?: supported)? platforms?\\b");
  /** Where the items of an exclusion list part. */
  private static final Pattern LIST_ITEM_BREAK = Regex.compile(";\\s*|,\\s+(?:and |or )?|\\s+(?:and|or)\\s+");

  private final Question q;
  private final PassageIndex index;
  private final TopicHeld held;
  /** The terms of the asking clauses: context ("we have about 700 users") names no item asked about. */
  private final Set<String> asked;
  /** The topic slots of the names the question asks about that lists answer ("Korean"). */
  private final int[] names;
  /** The topic slots of the platforms the question names ("our iPhones"). */
  private final int[] platforms;

  /** @param platformTerms the index's terms of the platforms ({@link #platformTerms}) */
  ClosedSets(Question q, PassageIndex index, TopicHeld held, List<String> platformTerms) {
    this.q = q;
    this.index = index;
    this.held = held;
    this.asked = q.groups().stream().flatMap(g -> g.terms().keySet().stream()).collect(Collectors.toUnmodifiableSet());
    this.names = q.request().names().stream().flatMap(n -> index.terms(n).stream())
        .mapToInt(t -> held.slot(index.termId(t))).filter(slot -> slot >= 0).toArray();
    this.platforms = platformTerms.stream().mapToInt(t -> held.slot(index.termId(t))).filter(slot -> slot >= 0)
        .toArray();
  }

  /** The terms the index reads the platforms as: worked out once per index, not per question. */
  static List<String> platformTerms(PassageIndex index) {
    return PLATFORMS.phrases().stream().flatMap(p -> index.terms(p).stream()).distinct().toList();
  }

  /** Counts as held, for the statement {@link TopicHeld#read read} last, what its closed set speaks of. */
  void hold(Statement s) {
    if (names.length > 0 && !s.limits(Limit.Kind.NAMED_LIST).isEmpty()) {
      for (int slot : names) {
        held.hold(slot);
      }
    }
    if (platforms.length > 0 && EVERY_PLATFORM.matcher(s.text()).find()) {
      for (int slot : platforms) {
        held.hold(slot);
      }
    }
  }

  /**
   * True when an exclusion lists what it excludes after a colon ("IMAP4 source — What won't migrate: Rules;
   * Calendar; …", "… the following agents: Windows Server") and the question asks about none of its items: an
   * exclusion list excludes what it names and nothing else, however many of its other words ("IMAP4", "migrate",
   * "Windows") the question holds.
   */
  boolean excludesOtherThings(Statement s) {
    if (!s.polarity().excludes()) {
      return false;
    }
    int colon = s.text().lastIndexOf(": ");
    if (colon < 0) {
      return false;
    }
    boolean anyItem = false;
    for (String item : LIST_ITEM_BREAK.split(s.text().substring(colon + 2))) {
      // an item is named when the question asks about more than half of its words' weight: "encrypted email" by
      // "encrypted mail", "Windows Server" not by "Windows 10", "Mail-enabled users" not by "Domino mail"
      List<String> words = index.terms(item).stream().filter(index::has).distinct().toList();
      if (!words.isEmpty()) {
        anyItem = true;
        double all = words.stream().mapToDouble(index::weight).sum();
        double askedWeight = words.stream().filter(asked::contains).mapToDouble(index::weight).sum();
        if (askedWeight > all / 2) {
          return false;
        }
      }
    }
    return anyItem;
  }
}
