package com.scopebot.answer;

import com.scopebot.corpus.EnglishWords;
import com.scopebot.corpus.Names;
import com.scopebot.index.LetterCounts;
import com.scopebot.index.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Corrects a question's typos: a word in neither the corpus, the synonym map, everyday English nor the question words
 * is replaced by the two corpus words it runs together, else by the nearest question word or corpus word; an acronym
 * the documents never use by the one name they write that spells it ({@link Names}). Part of reading a question ({@link QuestionReader});
 * thread-safe once built.
 */
final class TypoCorrection {

  /** The same words in a fixed order, so ties in typo correction always resolve alike. */
  private static final String[] ASKING_WORDS_SORTED = QuestionWords.ASKING_WORDS.stream().sorted().toArray(String[]::new);
  /** The {@link LetterCounts} of each of {@link #ASKING_WORDS_SORTED}. */
  private static final byte[][] ASKING_WORD_LETTERS =
      Arrays.stream(ASKING_WORDS_SORTED).map(LetterCounts::of).toArray(byte[][]::new);

  private final PassageIndex index;
  /**
   * The names the documents write, for the acronyms they never define: read on the first acronym a question asks,
   * since most never do and the server is ready sooner without them.
   */
  private final Lazy<Names> names;
  private final Analyzer surface = PassageIndex.surfaceAnalyzer();
  private final LevenshteinDistance distance = new LevenshteinDistance();

  TypoCorrection(PassageIndex index) {
    this.index = index;
    this.names = new Lazy<>(() -> Names.of(index.corpus()));
  }

  /**
   * A question with its typos corrected.
   *
   * @param corrections "coverd → covered" for each word corrected
   * @param unknownWords words of four letters or more in neither the corpus, English nor the question words (a word
   *     only the synonym map holds is looked up too, to be split)
   * @param lookups how many of them were looked up for a correction
   * @param names the names written in for acronyms ("Solution Blueprint Review" for "SBR")
   */
  record Corrected(String text, List<String> corrections, int unknownWords, int lookups, List<String> names) {}

  /**
   * Replaces each word that is in neither the corpus, the synonym map nor the question words by its nearest; only the
   * first {@link Reading#MAX_LOOKUPS} such words are looked up.
   */
  Corrected correct(String text) {
    List<String> corrections = new ArrayList<>();
    List<String> namesWritten = new ArrayList<>();
    int unknown = 0;
    int lookups = 0;
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    try (TokenStream ts = surface.tokenStream("q", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String word = term.toString();
        String name = acronymsName(text.substring(offset.startOffset(), offset.endOffset()), word);
        if (name != null) {
          out.append(text, last, offset.startOffset()).append(name);
          last = offset.endOffset();
          corrections.add(text.substring(offset.startOffset(), offset.endOffset()) + " → " + name);
          namesWritten.add(name);
          continue;
        }
        // neither correction reaches a word of under four letters
        if (word.length() < 4 || isKnownBesidesSynonyms(word) || ++unknown > Reading.MAX_LOOKUPS) {
          continue;
        }
        lookups++;
        // a word the synonym map alone knows is split ("passthrough" outside the synonyms' phrases), never corrected
        boolean synonymOnly = index.knows(word);
        String fix = index.split(word).orElse(null); // "TeamViewer" where the documents write "Team Viewer"
        if (fix == null && !synonymOnly) {
          fix = nearestAskingWord(word);
          if (fix == null) {
            fix = index.correct(word).orElse(null);
          }
        }
        if (fix != null) {
          out.append(text, last, offset.startOffset()).append(fix);
          last = offset.endOffset();
          corrections.add(word + " → " + fix);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Corrected(out.append(text, last, text.length()).toString(), corrections, unknown, lookups,
        namesWritten);
  }

  /**
   * The one name the documents write that an acronym of the question spells, when they use neither the acronym nor
   * define it ("SBR" → "Solution Blueprint Review"), else null.
   *
   * @param written the word as the question writes it: only capitals are read as an acronym
   * @param word the word in lower case
   */
  private String acronymsName(String written, String word) {
    String acronym = written.endsWith("s") ? written.substring(0, written.length() - 1) : written; // "SBRs"
    if (acronym.length() < Names.MIN_LETTERS || !acronym.chars().allMatch(c -> c >= 'A' && c <= 'Z')
        || isKnownBesidesSynonyms(word) || index.knows(word) || index.inCorpus(acronym.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return names.get().spelling(acronym).orElse(null);
  }

  /** A question word, chatter, everyday English, a stop word, not a word of letters, or a word of the corpus. */
  private boolean isKnownBesidesSynonyms(String word) {
    return QuestionWords.ASKING_WORDS.contains(word)
        || QuestionWords.CHATTER.contains(word)
        || EnglishWords.contains(word)
        || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)
        || !word.chars().allMatch(Character::isLetter)
        || index.inCorpus(word);
  }

  /** "coverd" → "covered": question words are not in the corpus, so they get their own correction. */
  private String nearestAskingWord(String word) {
    // short words are too close to too many others ("pays" is one letter from "says"): only longer ones are fixed
    if (word.length() < 5) {
      return null;
    }
    int allowed = word.length() >= 8 ? 2 : 1;
    byte[] letters = LetterCounts.of(word);
    String best = null;
    int bestEdits = Integer.MAX_VALUE;
    for (int i = 0; i < ASKING_WORDS_SORTED.length; i++) {
      String candidate = ASKING_WORDS_SORTED[i];
      if (candidate.length() < 5 || Math.abs(candidate.length() - word.length()) > allowed
          || LetterCounts.apart(letters, ASKING_WORD_LETTERS[i]) > 2 * allowed) {
        continue;
      }
      float similarity = distance.getDistance(word, candidate);
      int edits = Math.round((1 - similarity) * Math.max(word.length(), candidate.length()));
      if (edits <= allowed && edits < bestEdits) {
        best = candidate;
        bestEdits = edits;
      }
    }
    return best;
  }
}
