package com.scopebot.index;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * An in-memory Lucene index over a corpus's passages.
 *
 * <p>Scores are idf-weighted term coverage rather than BM25: a passage scores the share of the question's weight
 * it contains, so 1.0 means every term of the question is in the passage. That number doubles as the confidence
 * that the passage is about the question. Immutable once built and thread-safe; close it to free the index.
 */
public final class PassageIndex implements AutoCloseable {

  /** A passage and the share of the question's term weight it holds, 0..1. */
  public record Hit(Passage passage, double coverage) {}

  static final String TEXT = "text";
  static final String CONTEXT = "context";
  static final String SPELL = "spell";
  static final String PID = "pid";

  /** A term found only in a passage's lead-in or section counts for this much of its weight. */
  static final float CONTEXT_WEIGHT = 0.35f;

  private final Corpus corpus;
  private final Synonyms synonyms;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer queryAnalyzer;
  /** Weights of the index's terms; the index never changes, so each is computed once. */
  private final Map<String, Double> weights = new ConcurrentHashMap<>();
  /** Typo corrections already worked out (automaton-based search costs ~0.1 ms a word). */
  private final Map<String, Optional<String>> corrections = new ConcurrentHashMap<>();
  private static final int MAX_CORRECTIONS = 10_000;
  private final DirectSpellChecker oneEdit = spellChecker(1);
  private final DirectSpellChecker twoEdits = spellChecker(2);

  private PassageIndex(Corpus corpus, Synonyms synonyms, Directory directory) throws IOException {
    this.corpus = corpus;
    this.synonyms = synonyms;
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.queryAnalyzer = new DomainAnalyzer(synonyms.map(), false);
  }

  /** Indexes every passage of a corpus. */
  public static PassageIndex build(Corpus corpus, Synonyms synonyms) {
    Directory dir = new ByteBuffersDirectory();
    Analyzer indexAnalyzer = new PerFieldAnalyzerWrapper(new DomainAnalyzer(synonyms.map(), true),
        Map.of(SPELL, surfaceAnalyzer()));
    // one owner for the writer: it lives only for the build
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(indexAnalyzer).setRAMBufferSizeMB(64))) {
      List<Passage> passages = corpus.passages();
      for (int i = 0; i < passages.size(); i++) {
        Passage p = passages.get(i);
        Document doc = new Document();
        doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
        // lead-ins and headings locate a passage but are weaker evidence than its own words
        doc.add(new TextField(CONTEXT, p.context() + " " + String.join(" ", p.section()), Field.Store.NO));
        doc.add(new TextField(SPELL, p.text() + " " + p.context() + " " + String.join(" ", p.section()), Field.Store.NO));
        doc.add(new NumericDocValuesField(PID, i));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
      writer.commit();
      return new PassageIndex(corpus, synonyms, dir);
    } catch (IOException e) {
      // ByteBuffersDirectory does no I/O; this is a programming error, not an input problem
      throw new UncheckedIOException("in-memory index failed", e);
    }
  }

  public Corpus corpus() {
    return corpus;
  }

  /** Number of passages indexed. */
  public int size() {
    return reader.numDocs();
  }

  public Synonyms synonyms() {
    return synonyms;
  }

  /** The question-side terms of a text: analysed exactly as passages were, distinct, in order. */
  public List<String> terms(String text) {
    return terms(queryAnalyzer, text);
  }

  /** Terms of a text under another question-side analyzer (one that also drops question words, say). */
  public static List<String> terms(Analyzer analyzer, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(terms);
  }

  /** How much a term says about a passage: its inverse document frequency (rarer is stronger). */
  public double weight(String term) {
    Double cached = weights.get(term);
    if (cached != null) {
      return cached;
    }
    try {
      int n = reader.numDocs();
      int df = reader.docFreq(new Term(TEXT, term));
      if (df == 0) {
        df = reader.docFreq(new Term(CONTEXT, term));
      }
      double w = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      if (df > 0) {
        weights.put(term, w); // only the index's own terms: questions cannot grow the cache
      }
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The passages that hold most of the terms' weight, best first.
   *
   * @param terms question terms from {@link #terms}
   * @param lightTerms those of the terms that count for half their weight
   * @param limit how many hits at most
   */
  public List<Hit> search(List<String> terms, Set<String> lightTerms, int limit) {
    if (terms.isEmpty() || limit <= 0) {
      return List.of();
    }
    double total = 0;
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String t : terms) {
      float w = (float) weight(t) * (lightTerms.contains(t) ? 0.5f : 1f);
      total += w;
      Query inText = new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(TEXT, t))), w);
      Query inContext = new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(CONTEXT, t))), w * CONTEXT_WEIGHT);
      // a term counts once, by the stronger of the two places it occurs
      query.add(new DisjunctionMaxQuery(List.of(inText, inContext), 0f), BooleanClause.Occur.SHOULD);
    }
    try {
      TopDocs top = searcher.search(query.build(), limit);
      List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
      List<LeafReaderContext> leaves = reader.leaves();
      for (ScoreDoc sd : top.scoreDocs) {
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
        NumericDocValues pids = leaf.reader().getNumericDocValues(PID);
        if (pids != null && pids.advanceExact(sd.doc - leaf.docBase)) {
          hits.add(new Hit(corpus.passages().get((int) pids.longValue()), Math.min(1.0, sd.score / total)));
        }
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when a lower-case word occurs in the corpus or the synonym map. */
  public boolean knows(String word) {
    if (synonyms.words().contains(word)) {
      return true;
    }
    try {
      return reader.docFreq(new Term(SPELL, word)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The corpus word a misspelt lower-case word most likely meant: one edit away for short words, two for words of
   * eight letters or more; empty when there is none that close.
   */
  public Optional<String> correct(String word) {
    if (word.length() < 4 || word.length() > 30 || !word.chars().allMatch(Character::isLetter)) {
      return Optional.empty();
    }
    Optional<String> known = corrections.get(word);
    if (known != null) {
      return known;
    }
    Optional<String> found = suggest(word);
    if (corrections.size() >= MAX_CORRECTIONS) {
      corrections.clear(); // bounded: odd words from the public must not grow memory
    }
    corrections.put(word, found);
    return found;
  }

  private Optional<String> suggest(String word) {
    DirectSpellChecker checker = word.length() >= 8 ? twoEdits : oneEdit;
    try {
      SuggestWord[] suggestions = checker.suggestSimilar(new Term(SPELL, word), 1, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DirectSpellChecker spellChecker(int maxEdits) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    checker.setMinPrefix(1);
    checker.setMinQueryLength(4);
    return checker;
  }

  /** Lower-cased words as written: what typo correction compares against. */
  public static Analyzer surfaceAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }
    };
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
