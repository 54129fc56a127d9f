package com.scopebot.answer;

import com.scopebot.corpus.WordList;
import java.util.List;
import java.util.Set;

/**
 * The open word lists questions are read with: stop words, chatter, and words that ask, act or name the kind of
 * answer rather than a subject. The patterns of chat are grouped by what they recognise: {@link AskingWords},
 * {@link ClaimWords}, {@link SideWords}, {@link RequestWords}, {@link DateWords}; clause breaks are in {@link Clauses}.
 */
final class QuestionWords {

  private QuestionWords() {}

  /** Snowball's English stop words (shipped with Lucene): pronouns, auxiliaries and contractions people write. */
  static final Set<String> STOP_WORDS = snowballStopWords();

  private static Set<String> snowballStopWords() {
    try (java.io.Reader r = org.apache.lucene.util.IOUtils.getDecodingReader(
        org.apache.lucene.analysis.snowball.SnowballFilter.class, "english_stop.txt", java.nio.charset.StandardCharsets.UTF_8)) {
      Set<String> words = new java.util.HashSet<>();
      for (Object w : org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(r)) {
        words.add(new String((char[]) w));
      }
      return Set.copyOf(words);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Lucene's english_stop.txt is unreadable", e);
    }
  }

  /**
   * Words of chat that say nothing about the topic: greetings, hedges, claim framing, references to the conversation.
   * They are dropped from the topic once product names have been recognised.
   */
  static final Set<String> CHATTER = Set.copyOf(WordList.load("chatter").phrases());

  /** Words that ask rather than name a subject; they steer the intent and are not searched for. */
  static final Set<String> ASKING_WORDS = Set.copyOf(WordList.load("asking-words").phrases());

  /** Actions the documents apply to many things; the thing acted on identifies the task, so these weigh less. */
  static final List<String> ACTION_WORDS = WordList.load("action-words").phrases();

  /**
   * Words that name the kind of answer wanted rather than its subject ("which languages", "what number"): the
   * documents state the languages without the word "languages", so these weigh less too.
   */
  static final List<String> ANSWER_TYPE_WORDS = WordList.load("answer-type-words").phrases();
}
