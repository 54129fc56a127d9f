package com.scopebot.index;

import com.scopebot.corpus.Acronyms;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

/**
 * An in-memory Lucene index over a corpus's statements (see {@link com.scopebot.corpus.Statement}).
 *
 * <p>Each statement is a Lucene document with two fields: its own words ({@code text}) and the lead-in, headings and
 * title it sits under ({@code context}), ranked by BM25. The analysed terms of both fields are also kept per statement,
 * so answering can tell which of a question's terms a statement holds without analysing it again. Immutable once
 * built and thread-safe; close it to free the index.
 */
public final class PassageIndex implements AutoCloseable {

  /**
   * One indexed statement: the passage it belongs to, its analysed terms, sorted, and the {@link #weight} of each of
   * its own terms (answering weighs a statement's words for every candidate of every question; they never change).
   */
  public record Entry(int ordinal, Passage passage, Statement statement, String[] textTerms, String[] contextTerms,
      double[] textWeights, int[] textIds, int[] contextIds) {

    public Entry {
      if (textWeights.length != textTerms.length || textIds.length != textTerms.length) {
        throw new IllegalArgumentException("one weight and one id per term: " + textTerms.length + " terms, got "
            + textWeights.length + " weights and " + textIds.length + " ids");
      }
      if (contextIds.length != contextTerms.length) {
        throw new IllegalArgumentException("one id per context term: " + contextTerms.length + " terms, got "
            + contextIds.length + " ids");
      }
    }

    /** The weights of the statement's own terms added up, in the terms' order. */
    public double textWeight() {
      double all = 0;
      for (double w : textWeights) {
        all += w;
      }
      return all;
    }

    /** True when the statement's own words hold the term. */
    public boolean inText(String term) {
      return Arrays.binarySearch(textTerms, term) >= 0;
    }

    /** True when the lead-in, headings or title hold the term. */
    public boolean inContext(String term) {
      return Arrays.binarySearch(contextTerms, term) >= 0;
    }
  }

  /** A statement and its BM25 score for a query. */
  public record Hit(Entry entry, double score) {}

  static final String TEXT = "text";
  static final String CONTEXT = "context";
  static final String SPELL = "spell";
  static final String SID = "sid";
  static final String FILE = "file";

  /** Reads a phrase's words as the corpus wrote them, for {@link #hasPhrase}. */
  private static final Analyzer SURFACE = surfaceAnalyzer();

  /** A term found only in a statement's lead-in or headings counts for this much of its weight. */
  public static final float CONTEXT_WEIGHT = 0.35f;

  private final Corpus corpus;
  private final Synonyms synonyms;
  private final Directory directory;
  private final DirectoryReader reader;
  private final Analyzer queryAnalyzer;
  private final List<Entry> entries;
  /**
   * Weights of the index's terms, all worked out when it is opened: a question's terms are weighed many times, and a
   * term the index does not hold would otherwise cost two term-dictionary seeks each time.
   */
  private final Map<String, Double> weights;
  /** Each term of the statements' own words and context, by its id ({@link #termId}). */
  private final Map<String, Integer> termIds;
  /** What a term the index does not hold weighs. */
  private final double absentWeight;
  /**
   * The statement of each Lucene document, read once: looking it up in the doc values for each hit opened a doc values
   * reader per hit.
   */
  private final int[] entryOfDoc;
  /** The words statements are written in, for typo correction. */
  private final Spelling spelling;
  /** Searches phrases of the statements' own words ({@link #hasPhrase}); thread-safe, as Lucene's searchers are. */
  private final IndexSearcher phrases;
  /**
   * The BM25 candidates of a question, scored from postings read out here: Lucene's query built weights, seeked the
   * term dictionary and made scorers for each term of each question, about half of what answering one allocated.
   */
  private final Bm25Candidates candidates;

  /** A statement as indexed, before the index can weigh its terms. */
  private record Indexed(Passage passage, Statement statement, String[] textTerms, String[] contextTerms) {}

  /** A statement in its passage, before its terms are read. */
  private record Placed(Passage passage, Statement statement) {}

  private PassageIndex(Corpus corpus, Synonyms synonyms, Directory directory, List<Indexed> indexed)
      throws IOException {
    this.corpus = corpus;
    this.synonyms = synonyms;
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.phrases = new IndexSearcher(reader);
    this.queryAnalyzer = new DomainAnalyzer(synonyms.map(), false);
    this.spelling = Spelling.of(reader, SPELL);
    this.weights = weights(reader);
    this.entryOfDoc = entryOfDoc(reader);
    this.absentWeight = idf(reader.numDocs(), 0);
    this.termIds = termIds(indexed);
    List<Entry> entries = new ArrayList<>(indexed.size());
    for (Indexed i : indexed) {
      double[] textWeights = new double[i.textTerms().length];
      for (int t = 0; t < textWeights.length; t++) {
        textWeights[t] = weight(i.textTerms()[t]);
      }
      entries.add(new Entry(entries.size(), i.passage(), i.statement(), i.textTerms(), i.contextTerms(), textWeights,
          ids(i.textTerms()), ids(i.contextTerms())));
    }
    this.entries = List.copyOf(entries);
    this.candidates = candidates(reader, entryOfDoc, this.entries);
  }

  /**
   * An id for each term of the statements, numbered in the terms' sorted order: a statement's sorted terms then have
   * sorted ids, and whether it holds a term is a search among integers.
   */
  private static Map<String, Integer> termIds(List<Indexed> indexed) {
    TreeSet<String> all = new TreeSet<>();
    for (Indexed i : indexed) {
      all.addAll(Arrays.asList(i.textTerms()));
      all.addAll(Arrays.asList(i.contextTerms()));
    }
    Map<String, Integer> ids = new HashMap<>(all.size() * 2);
    for (String t : all) {
      ids.put(t, ids.size());
    }
    return ids;
  }

  private int[] ids(String[] sortedTerms) {
    int[] ids = new int[sortedTerms.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = termIds.get(sortedTerms[i]);
    }
    return ids;
  }

  /** The id statements' terms know a term by, or -1 when no statement holds it. */
  public int termId(String term) {
    Integer id = termIds.get(term);
    return id == null ? -1 : id;
  }

  private static Bm25Candidates candidates(DirectoryReader reader, int[] entryOfDoc, List<Entry> entries)
      throws IOException {
    if (reader.leaves().size() != 1) {
      // build() force-merges to one segment; scoring reads postings by one segment's document ids
      throw new IllegalStateException("expected one segment, got " + reader.leaves().size());
    }
    LeafReader leaf = reader.leaves().get(0).reader();
    String[] fileOfDoc = new String[entryOfDoc.length];
    for (int doc = 0; doc < fileOfDoc.length; doc++) {
      fileOfDoc[doc] = entryOfDoc[doc] < 0 ? null : entries.get(entryOfDoc[doc]).passage().document().file();
    }
    return new Bm25Candidates(Bm25Postings.of(leaf, TEXT), Bm25Postings.of(leaf, CONTEXT), CONTEXT_WEIGHT,
        fileOfDoc);
  }

  /** Each Lucene document's statement, by its stored id; -1 for none. */
  private static int[] entryOfDoc(DirectoryReader reader) throws IOException {
    int[] entries = new int[reader.maxDoc()];
    Arrays.fill(entries, -1);
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues ids = leaf.reader().getNumericDocValues(SID);
      for (int doc = ids == null ? DocIdSetIterator.NO_MORE_DOCS : ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = ids.nextDoc()) {
        entries[leaf.docBase + doc] = (int) ids.longValue();
      }
    }
    return entries;
  }

  /** Each term's weight: by its document frequency in statements' own words, else in their context. */
  private static Map<String, Double> weights(DirectoryReader reader) throws IOException {
    int n = reader.numDocs();
    Map<String, Double> weights = new HashMap<>();
    for (String field : List.of(TEXT, CONTEXT)) {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) {
        continue;
      }
      TermsEnum e = terms.iterator();
      for (BytesRef t = e.next(); t != null; t = e.next()) {
        weights.putIfAbsent(t.utf8ToString(), idf(n, e.docFreq()));
      }
    }
    return Map.copyOf(weights);
  }

  private static double idf(int n, int df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Indexes every statement of a corpus. */
  public static PassageIndex build(Corpus corpus, Synonyms given) {
    // acronyms the documents define themselves find their long names ("LCS" → "Lifecycle Services")
    Synonyms synonyms = given.withAcronyms(Acronyms.of(corpus));
    // each file one contiguous array: reading a term's postings then slices it once, where the default list of
    // growing blocks duplicated a buffer per block for every term of every question (most of what a question allocated)
    Directory dir = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
        ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    DomainAnalyzer indexAnalyzer = new DomainAnalyzer(synonyms.map(), true);
    Analyzer perField = new PerFieldAnalyzerWrapper(indexAnalyzer, Map.of(SPELL, surfaceAnalyzer()));
    Analyzer termAnalyzer = new DomainAnalyzer(synonyms.map(), false);
    List<Placed> statements = corpus.passages().stream()
        .flatMap(p -> p.statements().stream().map(st -> new Placed(p, st))).toList();
    // ranking's sorted terms are read on another core while the writer inverts the same statements on this one (the
    // two take about a third and two thirds of a build)
    CompletableFuture<List<Indexed>> ranked = CompletableFuture.supplyAsync(() -> withTerms(statements, termAnalyzer));
    // one owner for the writer: it lives only for the build
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(perField).setRAMBufferSizeMB(64))) {
      for (int sid = 0; sid < statements.size(); sid++) {
        Passage p = statements.get(sid).passage();
        Statement st = statements.get(sid).statement();
        Document doc = new Document();
        // a FAQ answer ("No. FastTrack provides guidance only.") is about the question it answers
        doc.add(new TextField(TEXT, ownWords(st), Field.Store.NO));
        // lead-ins and headings locate a statement but are weaker evidence than its own words
        String context = context(p, st);
        doc.add(new TextField(CONTEXT, context, Field.Store.NO));
        doc.add(new TextField(SPELL, st.text() + " " + context, Field.Store.NO));
        doc.add(new NumericDocValuesField(SID, sid));
        // which revision a statement belongs to: answers "as of" a date search only the revisions then in force
        doc.add(new StringField(FILE, p.document().file(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
      writer.commit();
      return new PassageIndex(corpus, synonyms, dir, ranked.join());
    } catch (IOException e) {
      // ByteBuffersDirectory does no I/O; this is a programming error, not an input problem
      throw new UncheckedIOException("in-memory index failed", e);
    }
  }

  private static String ownWords(Statement st) {
    return st.answers().isEmpty() ? st.text() : st.answers() + " " + st.text();
  }

  private static String context(Passage p, Statement st) {
    return st.leadIn() + " " + String.join(" ", p.section()) + " " + p.document().title();
  }

  /** The statements with their own words' and their context's analysed terms, sorted, equal terms one string. */
  private static List<Indexed> withTerms(List<Placed> statements, Analyzer analyzer) {
    Map<String, String> interned = new HashMap<>();
    return statements.stream().map(e -> new Indexed(e.passage(), e.statement(),
        sortedTerms(analyzer, ownWords(e.statement()), interned),
        sortedTerms(analyzer, context(e.passage(), e.statement()), interned))).toList();
  }

  private static String[] sortedTerms(Analyzer analyzer, String text, Map<String, String> interned) {
    return terms(analyzer, text).stream().map(t -> interned.computeIfAbsent(t, k -> k)).sorted()
        .toArray(String[]::new);
  }

  public Corpus corpus() {
    return corpus;
  }

  /** Every indexed statement, by its {@link Entry#ordinal}. */
  public List<Entry> entries() {
    return entries;
  }

  /** Number of statements indexed. */
  public int size() {
    return reader.numDocs();
  }

  public Synonyms synonyms() {
    return synonyms;
  }

  /** The question-side terms of a text: analysed exactly as statements were, distinct, in order. */
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

  /** True when an analysed term occurs in some statement or its context. */
  public boolean has(String term) {
    return weights.containsKey(term);
  }

  /**
   * How much a term says about a statement: its inverse document frequency over statements (rarer is stronger). A term
   * the corpus does not hold weighs as much as the rarest term.
   */
  public double weight(String term) {
    Double w = weights.get(term);
    return w != null ? w : absentWeight; // not getOrDefault: boxing the default cost an allocation a call
  }

  /**
   * The statements BM25 ranks highest for the terms, best first; a term counts once, by the stronger of the two fields.
   *
   * @param boosts question terms from {@link #terms} and how much each counts (1 = fully)
   * @param limit how many hits at most
   */
  public List<Hit> search(Map<String, Double> boosts, int limit) {
    return search(boosts, limit, null);
  }

  /**
   * The statements BM25 ranks highest among those of some documents.
   *
   * @param documents the files whose statements may be found, or null for all
   */
  public List<Hit> search(Map<String, Double> boosts, int limit, Set<String> documents) {
    if (boosts.isEmpty() || limit <= 0 || documents != null && documents.isEmpty()) {
      return List.of();
    }
    Bm25Candidates.Scored top = candidates.top(boosts, IndexSearcher.getMaxClauseCount(), limit, documents);
    List<Hit> hits = new ArrayList<>(top.docs().length);
    for (int i = 0; i < top.docs().length; i++) {
      int entry = entryOfDoc[top.docs()[i]];
      if (entry >= 0) {
        hits.add(new Hit(entries.get(entry), top.scores()[i]));
      }
    }
    return hits;
  }

  /** The Lucene index of the statements: tests run Lucene's own BM25 query on it to check the in-memory scores. */
  DirectoryReader reader() {
    return reader;
  }

  /** The statement of a Lucene document, or null for none. */
  Entry entryOfDoc(int doc) {
    return entryOfDoc[doc] < 0 ? null : entries.get(entryOfDoc[doc]);
  }

  /** True when a lower-case word occurs in the corpus or the synonym map. */
  public boolean knows(String word) {
    return synonyms.words().contains(word) || spelling.contains(word);
  }

  /**
   * True when the corpus holds these words side by side as written, in a statement, its lead-in or headings ("Domain
   * Services" in "Active Directory Domain Services"); the words are read as the corpus is, in lower case.
   */
  public boolean hasPhrase(String words) {
    List<String> terms = terms(SURFACE, words);
    if (terms.size() < 2) {
      return terms.isEmpty() || inCorpus(terms.get(0));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    terms.forEach(t -> phrase.add(new Term(SPELL, t)));
    try {
      return phrases.count(phrase.build()) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("phrase search failed", e);
    }
  }

  /**
   * The two corpus words a lower-case word run together stands for ("teamviewer" → "team viewer"), when the corpus
   * writes them side by side; empty when it does not. Each part has three letters or more, and the split that leaves
   * the shorter part longest wins.
   */
  public Optional<String> split(String word) {
    if (word.length() < 6 || word.length() > 30 || !word.chars().allMatch(Character::isLetter)) {
      return Optional.empty();
    }
    String best = null;
    int bestShorter = 0;
    for (int i = 3; i <= word.length() - 3; i++) {
      String a = word.substring(0, i);
      String b = word.substring(i);
      int shorter = Math.min(a.length(), b.length());
      if (shorter > bestShorter && inCorpus(a) && inCorpus(b) && hasPhrase(a + " " + b)) {
        best = a + " " + b;
        bestShorter = shorter;
      }
    }
    return Optional.ofNullable(best);
  }

  /** True when a lower-case word occurs in the corpus as written. */
  public boolean inCorpus(String word) {
    return spelling.contains(word);
  }

  /**
   * The corpus word a misspelt lower-case word most likely meant: one edit away for short words, two for words of
   * eight letters or more; empty when there is none that close.
   */
  public Optional<String> correct(String word) {
    if (word.length() < 4 || word.length() > 30 || !word.chars().allMatch(Character::isLetter)) {
      return Optional.empty();
    }
    return spelling.correct(word, word.length() >= 8 ? 2 : 1);
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
