package com.scopebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Half the distance between two words' letter counts never exceeds their edit distance. */
class LetterCountsTest {

  @Test
  void isALowerBoundOnTheEditDistance() {
    Random random = new Random(3);
    String alphabet = "abcdeéz-1";
    int tight = 0;
    for (int i = 0; i < 200_000; i++) {
      int[] a = random.ints(1 + random.nextInt(9), 0, alphabet.length()).map(alphabet::charAt).toArray();
      int[] b = mutate(a, random, alphabet);
      int edits = EditDistance.withTranspositions(a, b, 0, 20);
      int bound = (LetterCounts.apart(LetterCounts.of(a), LetterCounts.of(b)) + 1) / 2;
      assertTrue(bound <= edits, new String(a, 0, a.length) + " / " + new String(b, 0, b.length) + ": bound " + bound
          + " > " + edits + " edits");
      if (bound == edits) {
        tight++;
      }
    }
    assertTrue(tight > 50_000, "tight " + tight);
  }

  @Test
  void countsCharactersAndCodePointsAlike() {
    assertEquals(0, LetterCounts.apart(LetterCounts.of("forest"), LetterCounts.of("forest".codePoints().toArray())));
    assertEquals(1, LetterCounts.apart(LetterCounts.of("forest"), LetterCounts.of("forrest")));
    assertEquals(0, LetterCounts.apart(LetterCounts.of("frost"), LetterCounts.of("forst")));
  }

  private static int[] mutate(int[] word, Random random, String alphabet) {
    StringBuilder b = new StringBuilder(new String(word, 0, word.length));
    for (int edits = random.nextInt(4); edits > 0; edits--) {
      int at = random.nextInt(b.length() + 1);
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      switch (random.nextInt(4)) {
        case 0 -> b.insert(at, c);
        case 1 -> {
          if (at < b.length()) {
            b.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (at < b.length()) {
            b.setCharAt(at, c);
          }
        }
        default -> {
          if (at + 1 < b.length()) {
            char x = b.charAt(at);
            b.setCharAt(at, b.charAt(at + 1));
            b.setCharAt(at + 1, x);
          }
        }
      }
    }
    return b.codePoints().toArray();
  }
}
