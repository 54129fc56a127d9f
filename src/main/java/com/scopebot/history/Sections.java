package com.scopebot.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which section of a revision a section of the previous revision became: the same headings, or headings renamed a
 * little ("Enable phase - Microsoft Intune" → "Enable phase - Intune").
 *
 * <p>Sections are compared below the document's title, which revisions rename ("Microsoft responsibilities" →
 * "FastTrack responsibilities"). Stateless and thread-safe.
 */
final class Sections {

  /** Heading similarity from which a section is the previous revision's, renamed. */
  static final double RENAMED = 0.6;

  /**
   * The provider's names, left out of headings: the benefit's documents were rewritten from "Microsoft" to "FastTrack"
   * over the years, and a heading that changed only that is the same section.
   */
  private static final Set<String> PROVIDER = Set.of("microsoft", "microsoft's", "fasttrack", "fasttrack's");

  /** Between the levels of a key. */
  private static final String LEVEL = " > ";

  private Sections() {}

  /** A section's key: its headings below the title, folded, without the provider's name. */
  static String key(List<String> headings) {
    List<String> levels = new ArrayList<>();
    for (String h : headings) {
      levels.add(String.join(" ", WordDiff.words(h).stream().filter(w -> !PROVIDER.contains(w)).toList()));
    }
    return String.join(LEVEL, levels);
  }

  /**
   * Pairs the older revision's section keys with the newer's, one to one: equal keys first; then, level by level, a
   * heading under paired parents with the most similar heading under their counterparts (at least {@link #RENAMED}),
   * compared on the words that set it apart ("Enable phase - Rights Management" is not "Enable phase -
   * Co-management"; see {@link #leafWords}). A section with no counterpart is absent from the map.
   */
  static Map<String, String> pair(List<String> older, List<String> newer) {
    Set<String> olderKeys = new LinkedHashSet<>(older);
    Set<String> newerKeys = new LinkedHashSet<>(newer);
    Map<String, String> paired = new HashMap<>();
    for (String k : olderKeys) {
      if (newerKeys.contains(k)) {
        paired.put(k, k);
      }
    }
    // a renamed section's parents may themselves be renamed, or not exist on their own: pair the levels top down
    Set<String> taken = new HashSet<>(paired.values());
    Map<String, Set<String>> olderShared = sharedBySiblings(olderKeys);
    Map<String, Set<String>> newerShared = sharedBySiblings(newerKeys);
    int depth = olderKeys.stream().mapToInt(k -> levels(k).size()).max().orElse(0);
    for (int d = 1; d <= depth; d++) {
      record Candidate(String older, String newer, double similarity) {}
      List<Candidate> candidates = new ArrayList<>();
      for (String o : olderKeys) {
        if (paired.containsKey(o) || levels(o).size() != d) {
          continue;
        }
        String parent = paired.getOrDefault(parent(o), parent(o));
        for (String n : newerKeys) {
          if (!taken.contains(n) && levels(n).size() == d && parent(n).equals(parent)) {
            double s = WordDiff.similarity(leafWords(o, olderShared), leafWords(n, newerShared));
            if (s >= RENAMED) {
              candidates.add(new Candidate(o, n, s));
            }
          }
        }
      }
      candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
      for (Candidate c : candidates) {
        if (!paired.containsKey(c.older()) && taken.add(c.newer())) {
          paired.put(c.older(), c.newer());
        }
      }
    }
    return paired;
  }

  private static List<String> levels(String key) {
    return key.isEmpty() ? List.of() : Arrays.asList(key.split(LEVEL, -1));
  }

  private static String parent(String key) {
    List<String> levels = levels(key);
    return String.join(LEVEL, levels.subList(0, Math.max(0, levels.size() - 1)));
  }

  /**
   * The last heading's words that set it apart: not its parent heading's ("Intune" in "Enable phase - Intune" under
   * "Enable phase"), nor those every heading beside it says ("Enable phase" in "Enable phase - Intune" and "Enable
   * phase - Rights Management").
   */
  private static List<String> leafWords(String key, Map<String, Set<String>> sharedBySiblings) {
    List<String> levels = levels(key);
    List<String> leaf = words(levels.get(levels.size() - 1));
    Set<String> common = new HashSet<>(sharedBySiblings.getOrDefault(parent(key), Set.of()));
    if (levels.size() > 1) {
      common.addAll(words(levels.get(levels.size() - 2)));
    }
    List<String> own = leaf.stream().filter(w -> !common.contains(w)).toList();
    return own.isEmpty() ? leaf : own;
  }

  /** For each parent with two headings or more under it, the words all of them say. */
  private static Map<String, Set<String>> sharedBySiblings(Set<String> keys) {
    Map<String, List<Set<String>>> children = new HashMap<>();
    for (String k : keys) {
      List<String> levels = levels(k);
      if (!levels.isEmpty()) {
        children.computeIfAbsent(parent(k), p -> new ArrayList<>())
            .add(new HashSet<>(words(levels.get(levels.size() - 1))));
      }
    }
    Map<String, Set<String>> shared = new HashMap<>();
    children.forEach((parent, headings) -> {
      if (headings.size() > 1) {
        Set<String> common = new HashSet<>(headings.get(0));
        headings.forEach(common::retainAll);
        shared.put(parent, common);
      }
    });
    return shared;
  }

  private static List<String> words(String level) {
    return level.isEmpty() ? List.of() : List.of(level.split(" "));
  }
}
