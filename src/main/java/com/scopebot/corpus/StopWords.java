package com.scopebot.corpus;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The words too common to count: Lucene's English stop words and those of {@code words/stop-words.txt} ("via", "w").
 * The analyzer drops them from questions and statements; readers of text skip them. Immutable and thread-safe.
 */
public final class StopWords {

  /** Every stop word, lower case. */
  public static final CharArraySet ALL = load();

  private StopWords() {}

  private static CharArraySet load() {
    CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    words.addAll(WordList.load("stop-words").phrases());
    return CharArraySet.unmodifiableSet(words);
  }

  /** True for a stop word (lower case). */
  public static boolean contains(String word) {
    return ALL.contains(word);
  }
}
