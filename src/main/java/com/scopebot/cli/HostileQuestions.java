package com.scopebot.cli;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * Questions written to cost as much as possible, for benchmarks and the tests of the reading limits: made-up words,
 * typos of the corpus's words, one word over and over, many short questions in one, and all of these mixed. Each call
 * makes a new question, so caches do not hide the work. Not thread-safe (it holds its random source).
 */
public final class HostileQuestions {

  /** What a hostile question is made of. */
  public enum Kind {
    /** Made-up words: each is looked up for a typo and found nowhere. */
    MADE_UP,
    /** The corpus's own words with a letter changed: each has a correction to find. */
    TYPOS,
    /** One corpus word over and over. */
    REPEATED,
    /** Many short questions about corpus words, each a clause that asks. */
    CLAUSES,
    /** All of the above, with question marks scattered through. */
    MIXED
  }

  private static final String[] ASKS = {"is %s covered?", "who does %s?", "does FastTrack handle %s", "can FT help with %s",
      "or is %s ours -", "; what about %s", "(%s)", "FastTrack will do %s, true?"};

  private final Random random;
  private final List<String> words;

  /** @param corpus where the real words come from */
  public HostileQuestions(Corpus corpus, long seed) {
    this.random = new Random(seed);
    TreeSet<String> found = new TreeSet<>();
    for (Passage p : corpus.passages()) {
      for (String w : p.text().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
        if (w.length() >= 6) {
          found.add(w);
        }
      }
    }
    this.words = List.copyOf(found);
  }

  /** A new question of this kind, {@code chars} characters long. */
  public String next(Kind kind, int chars) {
    StringBuilder sb = new StringBuilder(chars + 40);
    String repeated = word();
    while (sb.length() < chars) {
      switch (kind) {
        case MADE_UP -> sb.append(madeUp()).append(' ');
        case TYPOS -> sb.append(typo(word())).append(' ');
        case REPEATED -> sb.append(repeated).append(' ');
        case CLAUSES -> sb.append(String.format(Locale.ROOT, ASKS[random.nextInt(ASKS.length)], word())).append(' ');
        case MIXED -> {
          String w = switch (random.nextInt(4)) {
            case 0 -> madeUp();
            case 1 -> typo(word());
            case 2 -> repeated;
            default -> String.format(Locale.ROOT, ASKS[random.nextInt(ASKS.length)], word());
          };
          sb.append(w).append(random.nextInt(5) == 0 ? "? " : " ");
        }
      }
    }
    return sb.substring(0, chars).strip();
  }

  private String word() {
    return words.get(random.nextInt(words.size()));
  }

  private String madeUp() {
    StringBuilder w = new StringBuilder();
    for (int i = 4 + random.nextInt(9); i > 0; i--) {
      w.append((char) ('a' + random.nextInt(26)));
    }
    return w.toString();
  }

  private String typo(String w) {
    int at = 1 + random.nextInt(w.length() - 2);
    return w.substring(0, at) + (char) ('a' + random.nextInt(26)) + w.substring(at + 1);
  }
}
