package com.scopebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.answer.Engine;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Typo correction by scanning the vocabulary chooses the very word Lucene's DirectSpellChecker (what the bot used
 * before) chooses, for typos of every kind of the bundled corpus's words: the corrections people see do not change.
 */
class SpellingTest {

  @Test
  void correctsEveryTypoAsLucenesSpellCheckerDid() throws Exception {
    Corpus corpus = Corpus.load(Engine.DEFAULT_CORPUS);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      TreeSet<String> vocabulary = new TreeSet<>();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(PassageIndex.surfaceAnalyzer()))) {
        for (Passage p : corpus.passages()) {
          Document d = new Document();
          d.add(new TextField("spell", p.text(), Field.Store.NO));
          w.addDocument(d);
          vocabulary.addAll(PassageIndex.terms(PassageIndex.surfaceAnalyzer(), p.text()));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Spelling spelling = Spelling.of(reader, "spell");
        List<String> words = new ArrayList<>(vocabulary.stream().filter(v -> v.matches("\\p{L}{4,}")).toList());
        List<String> typos = typos(words, 2_000, new Random(11));
        int corrected = 0;
        for (String typo : typos) {
          for (int edits = 1; edits <= 2; edits++) {
            Optional<String> expected = reference(reader, typo, edits);
            assertEquals(expected, spelling.correct(typo, edits), typo + " within " + edits + " edits");
            corrected += expected.isPresent() ? 1 : 0;
          }
        }
        // the comparison means something only when most typos have a correction and some have none
        assertTrue(corrected > typos.size() && corrected < 2 * typos.size(), corrected + " of " + 2 * typos.size());
        for (String known : words.subList(0, 200)) {
          assertEquals(Optional.empty(), spelling.correct(known, 2), known + " is a corpus word");
        }
      }
    }
  }

  /** What DirectSpellChecker suggests, configured as the index configured it. */
  private static Optional<String> reference(DirectoryReader reader, String word, int maxEdits) throws Exception {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    checker.setMinPrefix(1);
    checker.setMinQueryLength(4);
    SuggestWord[] s = checker.suggestSimilar(new Term("spell", word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return s.length == 0 ? Optional.empty() : Optional.of(s[0].string);
  }

  /** Corpus words with one to three edits (replaced, inserted, dropped and swapped letters), and made-up words. */
  private static List<String> typos(List<String> words, int n, Random random) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      if (out.size() % 10 == 0) {
        StringBuilder made = new StringBuilder();
        for (int i = 4 + random.nextInt(10); i > 0; i--) {
          made.append((char) ('a' + random.nextInt(26)));
        }
        out.add(made.toString());
        continue;
      }
      StringBuilder w = new StringBuilder(words.get(random.nextInt(words.size())).toLowerCase(Locale.ROOT));
      for (int edits = 1 + random.nextInt(3); edits > 0 && w.length() > 2; edits--) {
        int at = 1 + random.nextInt(w.length() - 1);
        char letter = (char) ('a' + random.nextInt(26));
        switch (random.nextInt(4)) {
          case 0 -> w.setCharAt(at, letter);
          case 1 -> w.insert(at, letter);
          case 2 -> w.deleteCharAt(at);
          default -> {
            if (at + 1 < w.length()) {
              char c = w.charAt(at);
              w.setCharAt(at, w.charAt(at + 1));
              w.setCharAt(at + 1, c);
            }
          }
        }
      }
      out.add(w.toString());
    }
    return out;
  }
}
