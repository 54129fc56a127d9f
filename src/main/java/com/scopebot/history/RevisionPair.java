package com.scopebot.history;

import com.scopebot.corpus.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Matches each statement of a revision to its counterpart in the next one, one to one, in passes from the surest to
 * the loosest:
 * <ol>
 *   <li>the same words under the same section (after {@link Sections} has paired renamed sections);
 *   <li>the same words under another section, when those words occur once in each revision (a line that recurs,
 *       such as "Provide guidance about:", has no single place to move from);
 *   <li>similar words ({@link #SIMILAR}), or the same words with a few added or dropped ({@link #EXTENDED}), the
 *       same section first, best pairs first (across sections only for words that occur once in each revision);
 *   <li>in place: a statement whose neighbour's counterpart is now next to a new statement was reworded there when
 *       the two are somewhat alike ({@link #SIMILAR_IN_PLACE}) or share {@link #SHARED_IN_PLACE} content words, one
 *       of them rare ("One integrated application, which can include Single Sign-On for SaaS applications" → "Up to
 *       three (3) or more Software as a Service (SaaS) application integrations with SSO …", after the same bullet).
 * </ol>
 * What is left was removed (older) or added (newer).
 */
final class RevisionPair {

  /** Word similarity ({@link WordDiff#similarity}) from which two statements are one statement reworded. */
  static final double SIMILAR = 0.6;
  /** How many times longer a statement may grow (or shrink) and still be the same one with words added. */
  static final int EXTENDED = 3;
  /** Word similarity from which a statement replaced in place was reworded there. */
  static final double SIMILAR_IN_PLACE = 0.3;
  /** Else, content words a statement replaced in place must share with its replacement, one of them rare. */
  static final int SHARED_IN_PLACE = 2;
  /**
   * At most how many statements of each revision use a word that ties a statement to its replacement: "SaaS" does,
   * "policies" does not.
   */
  static final int RARE = 3;

  /**
   * A statement to match.
   *
   * @param identity its words, folded: equal identities are the same statement
   * @param own its own words, without the lead-in its bullet is quoted with ("For a single-forest environment:
   *     Installing …"): what similarity compares, so that a long lead-in shared by many bullets does not make them
   *     alike, nor a changed lead-in different
   * @param ownIdentity the same, as one string
   * @param content its own words that carry the topic, for {@link #inPlace}
   */
  private record Item(int index, Version version, String section, String identity, List<String> own,
      String ownIdentity, Set<String> content) {}

  private final Document older;
  private final Document newer;
  private final List<Item> before;
  private final List<Item> after;
  private final int[] partnerOfOld;
  private final int[] partnerOfNew;
  private final Map<String, String> sections;
  private final Map<String, Integer> countBefore = new HashMap<>();
  private final Map<String, Integer> countAfter = new HashMap<>();
  private final Map<String, Integer> ownCountBefore = new HashMap<>();
  private final Map<String, Integer> ownCountAfter = new HashMap<>();
  /** How many statements use each content word. */
  private final Map<String, Integer> contentBefore = new HashMap<>();
  private final Map<String, Integer> contentAfter = new HashMap<>();

  private RevisionPair(Document older, List<Version> before, Document newer, List<Version> after) {
    this.older = older;
    this.newer = newer;
    this.before = items(before);
    this.after = items(after);
    this.partnerOfOld = new int[before.size()];
    this.partnerOfNew = new int[after.size()];
    Arrays.fill(partnerOfOld, -1);
    Arrays.fill(partnerOfNew, -1);
    this.sections = Sections.pair(this.before.stream().map(Item::section).toList(),
        this.after.stream().map(Item::section).toList());
    this.before.forEach(i -> countBefore.merge(i.identity(), 1, Integer::sum));
    this.after.forEach(i -> countAfter.merge(i.identity(), 1, Integer::sum));
    this.before.forEach(i -> ownCountBefore.merge(i.ownIdentity(), 1, Integer::sum));
    this.after.forEach(i -> ownCountAfter.merge(i.ownIdentity(), 1, Integer::sum));
    this.before.forEach(i -> i.content().forEach(w -> contentBefore.merge(w, 1, Integer::sum)));
    this.after.forEach(i -> i.content().forEach(w -> contentAfter.merge(w, 1, Integer::sum)));
  }

  /**
   * What became of each statement between two revisions, in the newer revision's order (a removed statement after
   * the counterpart of the statement that preceded it), unchanged ones included.
   *
   * @param before the older revision's statements in reading order
   * @param after the newer revision's statements in reading order
   */
  static List<Change> match(Document older, List<Version> before, Document newer, List<Version> after) {
    RevisionPair pair = new RevisionPair(older, before, newer, after);
    pair.sameWordsSameSection();
    pair.sameWordsMoved();
    pair.similarWords();
    pair.inPlace();
    return pair.changes();
  }

  private static List<Item> items(List<Version> versions) {
    List<Item> items = new ArrayList<>(versions.size());
    for (Version v : versions) {
      List<String> own = WordDiff.words(ownText(v.text(), v.statement().leadIn()));
      items.add(new Item(items.size(), v, Sections.key(v.section()), String.join(" ", WordDiff.words(v.text())), own,
          String.join(" ", own), content(own)));
    }
    return items;
  }

  /** A statement's text without the lead-in it is quoted with: the longest start ending in ':' that ends its lead-in. */
  static String ownText(String text, String leadIn) {
    for (int k = text.length() - 2; k > 0; k--) {
      if (text.charAt(k) == ':' && Character.isWhitespace(text.charAt(k + 1))
          && leadIn.endsWith(text.substring(0, k + 1))) {
        return text.substring(k + 1).strip();
      }
    }
    return text;
  }

  /** Words that carry the topic: not function words, plurals folded. */
  private static Set<String> content(List<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      if (w.length() >= 3 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)) {
        out.add(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
      }
    }
    return out;
  }

  private void sameWordsSameSection() {
    Map<String, ArrayDeque<Item>> waiting = new HashMap<>();
    for (Item n : after) {
      waiting.computeIfAbsent(n.section() + '\n' + n.identity(), k -> new ArrayDeque<>()).add(n);
    }
    for (Item o : before) {
      String section = sections.get(o.section());
      ArrayDeque<Item> same = section == null ? null : waiting.get(section + '\n' + o.identity());
      if (same != null && !same.isEmpty()) {
        pair(o, same.poll());
      }
    }
  }

  private void sameWordsMoved() {
    Map<String, Item> unique = new HashMap<>();
    for (Item n : after) {
      if (partnerOfNew[n.index()] < 0 && countAfter.get(n.identity()) == 1) {
        unique.put(n.identity(), n);
      }
    }
    for (Item o : before) {
      Item n = unique.get(o.identity());
      if (partnerOfOld[o.index()] < 0 && n != null && partnerOfNew[n.index()] < 0
          && countBefore.get(o.identity()) == 1) {
        pair(o, n);
      }
    }
  }

  private void similarWords() {
    record Candidate(Item o, Item n, boolean sameSection, double similarity, double distance) {}
    List<Candidate> candidates = new ArrayList<>();
    for (Item o : before) {
      if (partnerOfOld[o.index()] >= 0) {
        continue;
      }
      String section = sections.get(o.section());
      for (Item n : after) {
        if (partnerOfNew[n.index()] >= 0) {
          continue;
        }
        boolean same = n.section().equals(section);
        if (!same && (ownCountBefore.get(o.ownIdentity()) > 1 || ownCountAfter.get(n.ownIdentity()) > 1)) {
          continue; // a recurring line does not move (see sameWordsMoved)
        }
        boolean contained = extends_(o, n);
        if (!contained && WordDiff.bound(o.own(), n.own()) < SIMILAR) {
          continue;
        }
        double similarity = WordDiff.similarity(o.own(), n.own());
        if (similarity >= SIMILAR || contained) {
          double distance = Math.abs((double) o.index() / before.size() - (double) n.index() / after.size());
          candidates.add(new Candidate(o, n, same, similarity, distance));
        }
      }
    }
    candidates.sort(Comparator.comparing(Candidate::sameSection).reversed()
        .thenComparing(Comparator.comparingDouble(Candidate::similarity).reversed())
        .thenComparingDouble(Candidate::distance));
    for (Candidate c : candidates) {
      if (partnerOfOld[c.o().index()] < 0 && partnerOfNew[c.n().index()] < 0) {
        pair(c.o(), c.n());
      }
    }
  }

  /**
   * True when one statement is the other with a few words added or dropped ("Application proxy." → "Azure Active
   * Directory Application Proxy."): all the shorter one's words (at least two), in order, and at most
   * {@link #EXTENDED} times as many.
   */
  private static boolean extends_(Item o, Item n) {
    int shorter = Math.min(o.own().size(), n.own().size());
    int longer = Math.max(o.own().size(), n.own().size());
    return shorter >= 2 && longer <= EXTENDED * shorter && WordDiff.contains(o.own(), n.own());
  }

  private void inPlace() {
    boolean paired = true;
    while (paired) { // each pair anchors its neighbours in turn
      paired = false;
      for (Item o : before) {
        if (partnerOfOld[o.index()] >= 0) {
          continue;
        }
        Item n = besideCounterpart(o, -1);
        if (n == null) {
          n = besideCounterpart(o, +1);
        }
        if (n != null) {
          pair(o, n);
          paired = true;
        }
      }
    }
  }

  /**
   * The unmatched newer statement on the same side of the counterpart of {@code o}'s neighbour ({@code step} -1: the
   * one before) as {@code o} is of that neighbour, in the section {@code o}'s section became, when it shares enough
   * content words with {@code o}; else null.
   */
  private Item besideCounterpart(Item o, int step) {
    int neighbour = o.index() + step;
    if (neighbour < 0 || neighbour >= before.size() || !before.get(neighbour).section().equals(o.section())
        || partnerOfOld[neighbour] < 0) {
      return null;
    }
    int beside = partnerOfOld[neighbour] - step;
    if (beside < 0 || beside >= after.size() || partnerOfNew[beside] >= 0) {
      return null;
    }
    Item n = after.get(beside);
    if (!n.section().equals(sections.get(o.section()))) {
      return null;
    }
    if (WordDiff.similarity(o.own(), n.own()) >= SIMILAR_IN_PLACE) {
      return n;
    }
    Set<String> shared = new HashSet<>(o.content());
    shared.retainAll(n.content());
    boolean rare = shared.stream().anyMatch(w -> contentBefore.get(w) <= RARE && contentAfter.get(w) <= RARE);
    return shared.size() >= SHARED_IN_PLACE && rare ? n : null;
  }

  private void pair(Item o, Item n) {
    partnerOfOld[o.index()] = n.index();
    partnerOfNew[n.index()] = o.index();
  }

  private List<Change> changes() {
    Map<String, List<String>> headings = new HashMap<>();
    for (Item n : after) {
      headings.putIfAbsent(n.section(), n.version().section());
    }
    // position in the newer revision; a removed statement goes after the counterpart of the one before it
    record Placed(Change change, double place) {}
    List<Placed> placed = new ArrayList<>();
    for (Item n : after) {
      int o = partnerOfNew[n.index()];
      placed.add(new Placed(o < 0 ? added(n) : matched(before.get(o), n), n.index()));
    }
    double place = -1;
    for (Item o : before) {
      int n = partnerOfOld[o.index()];
      if (n >= 0) {
        place = n;
        continue;
      }
      place += 1e-6; // keeps removed statements in their own order
      String section = sections.get(o.section());
      List<String> where = section == null ? o.version().section() : headings.get(section);
      placed.add(new Placed(new Change(Change.Kind.REMOVED, older, newer, where, o.version(), null, List.of()), place));
    }
    placed.sort(Comparator.comparingDouble(Placed::place));
    return placed.stream().map(Placed::change).toList();
  }

  private Change added(Item n) {
    return new Change(Change.Kind.ADDED, older, newer, n.version().section(), null, n.version(), List.of());
  }

  private Change matched(Item o, Item n) {
    boolean sameSection = n.section().equals(sections.get(o.section()));
    boolean sameWords = o.identity().equals(n.identity());
    Change.Kind kind = !sameSection ? Change.Kind.MOVED : sameWords ? Change.Kind.UNCHANGED : Change.Kind.REWORDED;
    List<WordDiff.Run> diff = sameWords ? List.of() : WordDiff.between(o.version().text(), n.version().text());
    return new Change(kind, older, newer, n.version().section(), o.version(), n.version(), diff);
  }
}
