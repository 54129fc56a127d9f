package com.scopebot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Typo correction against the words of one index field: the word a misspelt word most likely meant.
 *
 * <p>It chooses exactly as Lucene's {@code DirectSpellChecker} does with one suggestion, a minimum prefix of one and
 * its other defaults (five inspections, accuracy 0.5): the first letter is kept; the rest may differ by up to the
 * edits allowed, an adjacent transposition counting as one; a word's similarity is 1 − edits / the shorter length;
 * the five most similar words within one edit are inspected, and, when fewer than five are, also the five within two;
 * the most similar wins, then the more frequent, then the first in alphabetical order. The spell checker builds
 * Levenshtein automata for every word it is asked about (about 1 ms for a word of eight letters or more); this scans
 * the field's words that begin with the same letter and are within the edits in length, which costs a few
 * microseconds, so a question full of unknown words costs little more than any other.
 *
 * <p>Immutable and thread-safe.
 */
final class Spelling {

  /** DirectSpellChecker's maxInspections, times the one suggestion wanted. */
  private static final int INSPECTIONS = 5;
  /** DirectSpellChecker's default accuracy: less similar words are never suggested. */
  private static final float ACCURACY = 0.5f;
  /** DirectSpellChecker's minimum query length as the index configured it. */
  private static final int MIN_LENGTH = 4;

  /** A word of the field, as code points and {@link LetterCounts}, with the number of documents that hold it. */
  private record Word(String text, int[] codePoints, byte[] letters, int docFreq) {}

  private record Candidate(Word word, float score) {}

  /** The field's words by their first code point, each list in the term dictionary's (code point) order. */
  private final Map<Integer, Word[]> byFirst;
  private final Set<String> all;

  private Spelling(Map<Integer, Word[]> byFirst, Set<String> all) {
    this.byFirst = byFirst;
    this.all = all;
  }

  /** True when the field holds the word as it is. */
  boolean contains(String word) {
    return all.contains(word);
  }

  /** The words of a field of an index. */
  static Spelling of(IndexReader reader, String field) throws IOException {
    Map<Integer, List<Word>> grouped = new LinkedHashMap<>();
    Set<String> all = new HashSet<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms != null) {
      TermsEnum e = terms.iterator();
      for (BytesRef term = e.next(); term != null; term = e.next()) {
        String text = term.utf8ToString();
        all.add(text);
        int[] cps = text.codePoints().toArray();
        if (cps.length > 0) {
          grouped.computeIfAbsent(cps[0], k -> new ArrayList<>())
              .add(new Word(text, cps, LetterCounts.of(cps), e.docFreq()));
        }
      }
    }
    Map<Integer, Word[]> byFirst = new HashMap<>();
    grouped.forEach((first, words) -> byFirst.put(first, words.toArray(Word[]::new)));
    return new Spelling(Map.copyOf(byFirst), Set.copyOf(all));
  }

  /**
   * The field's word a word most likely meant, within {@code maxEdits} (1 or 2) edits; empty when the field holds the
   * word itself or nothing close enough.
   */
  Optional<String> correct(String word, int maxEdits) {
    if (maxEdits < 1 || maxEdits > 2) {
      throw new IllegalArgumentException("maxEdits must be 1 or 2, got " + maxEdits);
    }
    if (word.codePointCount(0, word.length()) < MIN_LENGTH) {
      return Optional.empty();
    }
    String text = word.toLowerCase(Locale.ROOT);
    int[] q = text.codePoints().toArray();
    Word[] words = byFirst.get(q[0]);
    if (words == null) {
      return Optional.empty();
    }
    byte[] letters = LetterCounts.of(q);
    List<Candidate> oneEdit = new ArrayList<>();
    List<Candidate> twoEdits = new ArrayList<>();
    for (Word w : words) {
      int[] c = w.codePoints();
      if (Math.abs(c.length - q.length) > maxEdits || LetterCounts.apart(letters, w.letters()) > 2 * maxEdits) {
        continue;
      }
      int edits = EditDistance.withTranspositions(q, c, 1, maxEdits);
      if (edits == 0) {
        return Optional.empty(); // the field holds the word: nothing to correct
      }
      if (edits > maxEdits) {
        continue;
      }
      float score = 1f - (float) edits / (float) Math.min(c.length, q.length);
      if (score < ACCURACY) {
        continue;
      }
      Candidate found = new Candidate(w, score);
      twoEdits.add(found);
      if (edits == 1) {
        oneEdit.add(found);
      }
    }
    List<Candidate> inspected = new ArrayList<>(mostSimilar(oneEdit));
    if (maxEdits > 1 && inspected.size() < INSPECTIONS) {
      for (Candidate c : mostSimilar(twoEdits)) {
        if (!inspected.contains(c)) {
          inspected.add(c);
        }
      }
    }
    return inspected.stream().min(Comparator.comparing(Candidate::score, Comparator.reverseOrder())
            .thenComparing(c -> c.word().docFreq(), Comparator.reverseOrder())
            .thenComparing(c -> c.word().text()))
        .map(c -> c.word().text());
  }

  /** The inspected few: most similar first, ties to the earlier word in the term dictionary. */
  private static List<Candidate> mostSimilar(List<Candidate> inOrder) {
    Candidate[] sorted = inOrder.toArray(Candidate[]::new);
    Arrays.sort(sorted, Comparator.comparing(Candidate::score, Comparator.reverseOrder())); // stable: keeps the order
    return List.of(sorted).subList(0, Math.min(INSPECTIONS, sorted.length));
  }
}
