package com.scopebot.index;

/**
 * How often each letter a–z occurs in a word, every other character counting in one more slot: a lower bound on the
 * edit distance between two words that costs 27 subtractions. An insertion or deletion changes the counts by one, a
 * substitution by two at most, a transposition not at all, so two words whose counts are {@code n} apart are at least
 * {@code n / 2} edits apart, and most words of a dictionary are ruled out before their distance is worked out.
 */
public final class LetterCounts {

  private LetterCounts() {}

  /** The counts of a word's characters. */
  public static byte[] of(CharSequence word) {
    byte[] counts = new byte[27];
    for (int i = 0; i < word.length(); i++) {
      add(counts, word.charAt(i));
    }
    return counts;
  }

  /** The counts of a word's code points. */
  public static byte[] of(int[] codePoints) {
    byte[] counts = new byte[27];
    for (int c : codePoints) {
      add(counts, c);
    }
    return counts;
  }

  private static void add(byte[] counts, int c) {
    int slot = c >= 'a' && c <= 'z' ? c - 'a' : 26;
    if (counts[slot] < Byte.MAX_VALUE) {
      counts[slot]++; // a capped count only makes two words look closer: the bound stays a lower bound
    }
  }

  /** How far apart two words' counts are, added over the slots; half of it is a lower bound on their edit distance. */
  public static int apart(byte[] a, byte[] b) {
    int apart = 0;
    for (int i = 0; i < a.length; i++) {
      apart += Math.abs(a[i] - b[i]);
    }
    return apart;
  }
}
