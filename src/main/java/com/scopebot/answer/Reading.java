package com.scopebot.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much of a question was read, against the most reading one question may cost.
 *
 * <p>Work grows with a question: each unknown word is looked up for a typo, each clause is read for whether it asks,
 * each term is searched and weighed against every candidate statement. Bounded, a question of a thousand random
 * words or typos costs a few times a typical one instead of a hundred: the first {@value #MAX_LOOKUPS} unknown words
 * are looked up (later ones stay as written), and at most {@value #MAX_CLAUSES} clauses and {@value #MAX_WORDS} words
 * are read — the asking clauses first, then the clause before each (which one may point back to), then the others in
 * order, a clause past the words left cut short. The longest questions of the eval sets hold 4 clauses, 47 words and 2
 * typos, so nothing people ask in chat is cut; {@code explain} says when something was.
 *
 * @param clauses the question's clauses
 * @param clausesRead how many of them were read
 * @param words the words of its clauses
 * @param wordsRead how many of them were read
 * @param unknownWords its words of four letters or more that neither the corpus, the synonyms nor English hold
 * @param lookups how many of those were looked up for a correction
 */
public record Reading(int clauses, int clausesRead, int words, int wordsRead, int unknownWords, int lookups) {

  /** Clauses read at most. */
  public static final int MAX_CLAUSES = 12;
  /** Words read at most. */
  public static final int MAX_WORDS = 100;
  /** Unknown words looked up for a typo correction at most. */
  public static final int MAX_LOOKUPS = 8;

  public Reading {
    if (clausesRead < 0 || clausesRead > clauses || wordsRead < 0 || wordsRead > words || lookups < 0
        || lookups > unknownWords) {
      throw new IllegalArgumentException("read more than there is: " + clausesRead + " of " + clauses + " clauses, "
          + wordsRead + " of " + words + " words, " + lookups + " of " + unknownWords + " unknown words");
    }
  }

  /** True when part of the question was not read, or unknown words were left uncorrected. */
  public boolean cut() {
    return clausesRead < clauses || wordsRead < words || lookups < unknownWords;
  }

  /** What was left out, for people: "read 12 of 31 clauses, 100 of 180 words; looked up 8 of 40 unknown words". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (clausesRead < clauses || wordsRead < words) {
      parts.add("read " + clausesRead + " of " + clauses + " clauses, " + wordsRead + " of " + words + " words");
    }
    if (lookups < unknownWords) {
      parts.add("looked up " + lookups + " of " + unknownWords + " unknown words for typos");
    }
    return parts.isEmpty() ? "read in full" : String.join("; ", parts);
  }

  /** The clauses read and how many words they hold. */
  record Selection(List<Clause> clauses, int words, int wordsRead) {}

  /**
   * The clauses to read, in the question's order: every one when the question is within the limits, else the asking
   * clauses, the clause before each and then the others, as far as the limits go.
   */
  static Selection select(List<Clause> clauses) {
    int[] words = new int[clauses.size()];
    int total = 0;
    for (int i = 0; i < clauses.size(); i++) {
      words[i] = wordCount(clauses.get(i).text());
      total += words[i];
    }
    if (clauses.size() <= MAX_CLAUSES && total <= MAX_WORDS) {
      return new Selection(clauses, total, total);
    }
    boolean anyAsks = clauses.stream().anyMatch(Clause::asks);
    List<Integer> order = new ArrayList<>();
    boolean[] ordered = new boolean[clauses.size()];
    for (int pass = 0; pass < 3; pass++) {
      for (int i = 0; i < clauses.size(); i++) {
        boolean asks = clauses.get(i).asks();
        boolean next = switch (pass) {
          case 0 -> !anyAsks || asks;
          case 1 -> i + 1 < clauses.size() && clauses.get(i + 1).asks(); // an asking clause may point back to it
          default -> true;
        };
        if (next && !ordered[i]) {
          ordered[i] = true;
          order.add(i);
        }
      }
    }
    Clause[] kept = new Clause[clauses.size()];
    int left = MAX_WORDS;
    for (int n = 0; n < order.size() && n < MAX_CLAUSES && left > 0; n++) {
      int i = order.get(n);
      Clause c = clauses.get(i);
      int taken = Math.min(words[i], left);
      kept[i] = taken == words[i] ? c : new Clause(firstWords(c.text(), taken), c.asks(), c.sentence());
      left -= taken;
    }
    List<Clause> read = new ArrayList<>();
    for (Clause c : kept) {
      if (c != null) {
        read.add(c);
      }
    }
    return new Selection(read, total, MAX_WORDS - left);
  }

  /** The words of a text, as {@code split("\\s+")} of it stripped would count them, without making them. */
  private static int wordCount(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'; // \\s
      if (!space && !inWord) {
        n++;
      }
      inWord = !space;
    }
    return n;
  }

  private static String firstWords(String text, int n) {
    String[] w = text.strip().split("\\s+");
    return String.join(" ", Arrays.asList(w).subList(0, n));
  }
}
