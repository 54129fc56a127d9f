package com.scopebot.search;

import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import com.scopebot.index.Synonyms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Precise search over a corpus's statements in Lucene's classic query syntax, on the fields a support engineer thinks
 * in: {@code text}, {@code document}, {@code section}, {@code holder}, {@code polarity}, {@code revision} and
 * {@code condition} (see {@link SearchFields}). {@code holder:customer AND certificat*},
 * {@code polarity:out_of_scope AND section:"Enable phase"}, {@code revision:[2018-01-01 TO 2018-12-31]}.
 *
 * <p>Its own in-memory index, one Lucene document a statement, beside the answer engine's. Results are passages, cited
 * as answers cite them, each once. Queries are checked at the edge: over {@link #MAX_QUERY_CHARS} characters, syntax
 * errors (with their position), unknown fields or values, leading wildcards, expansions beyond a bound, more than
 * {@link #MAX_PATTERNS} patterns, patterns too costly to compile and matching beyond {@link #TIME_BUDGET_MILLIS} are
 * refused with a {@link QueryException} saying why, so that no query costs more than about half a second. Immutable once built and thread-safe; close it to free the index.
 */
public final class StatementSearch implements AutoCloseable {

  /** The longest query searched. */
  public static final int MAX_QUERY_CHARS = 500;
  /** Results when the caller does not say. */
  public static final int DEFAULT_LIMIT = 20;
  /** The most results one search returns. */
  public static final int MAX_LIMIT = 100;
  /** The most words a query's wildcards, fuzzy terms, regular expressions and ranges over words may match together. */
  public static final int MAX_EXPANSION = 100;
  /** The most wildcards, fuzzy terms, regular expressions and ranges one query may write. */
  public static final int MAX_PATTERNS = 10;
  /**
   * The most work compiling one wildcard or regular expression may take (Lucene's determinize work limit, a tenth of
   * its default): patterns a person writes fit well within it, and one that does not is refused in milliseconds.
   */
  public static final int DETERMINIZE_WORK_LIMIT = 1_000;
  /** The most time matching one query may take; one that takes longer is refused rather than answered in part. */
  public static final long TIME_BUDGET_MILLIS = 500;

  private final Corpus corpus;
  private final Analyzer queryAnalyzer;
  private final Directory directory;
  private final DirectoryReader reader;
  private final int maxExpansion;

  private StatementSearch(Corpus corpus, Synonyms synonyms, Directory directory, int maxExpansion) throws IOException {
    this.corpus = corpus;
    this.queryAnalyzer = SearchFields.analyzer(synonyms, false);
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.maxExpansion = maxExpansion;
  }

  /** Indexes every statement of a corpus, analysing its words with the synonyms the answer engine uses. */
  public static StatementSearch build(Corpus corpus, Synonyms synonyms) {
    return build(corpus, synonyms, MAX_EXPANSION);
  }

  static StatementSearch build(Corpus corpus, Synonyms synonyms, int maxExpansion) {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(SearchFields.analyzer(synonyms, true)).setRAMBufferSizeMB(64)
        // merges of neighbours only: documents keep corpus order, which breaks ties among equal scores
        .setMergePolicy(new LogByteSizeMergePolicy());
    // one owner for the writer: it lives only for the build
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      List<Passage> passages = corpus.passages();
      for (int p = 0; p < passages.size(); p++) {
        Passage passage = passages.get(p);
        List<Statement> statements = passage.statements();
        for (int s = 0; s < statements.size(); s++) {
          writer.addDocument(document(passage, statements.get(s), p, s));
        }
      }
      writer.forceMerge(1);
      writer.commit();
      return new StatementSearch(corpus, synonyms, dir, maxExpansion);
    } catch (IOException e) {
      // ByteBuffersDirectory does no I/O; this is a programming error, not an input problem
      throw new UncheckedIOException("in-memory index failed", e);
    }
  }

  private static Document document(Passage passage, Statement st, int passageAt, int statementAt) {
    Document doc = new Document();
    doc.add(new TextField(SearchFields.TEXT, st.text(), Field.Store.NO));
    doc.add(new TextField(SearchFields.TEXT_WORDS, st.text(), Field.Store.NO));
    String file = passage.document().file().toLowerCase(Locale.ROOT);
    // the file name whole, and without its extension, each one term: document:ems-your-responsibilities-2018-08
    doc.add(new StringField(SearchFields.FILE, file, Field.Store.NO));
    if (file.lastIndexOf('.') > 0) {
      doc.add(new StringField(SearchFields.FILE, file.substring(0, file.lastIndexOf('.')), Field.Store.NO));
    }
    doc.add(new TextField(SearchFields.TITLE, passage.document().title(), Field.Store.NO));
    for (String heading : passage.section()) {
      doc.add(new TextField(SearchFields.SECTION, heading, Field.Store.NO));
    }
    doc.add(new StringField(SearchFields.HOLDER, SearchFields.wire(st.holder()), Field.Store.NO));
    doc.add(new StringField(SearchFields.POLARITY, SearchFields.wire(st.polarity()), Field.Store.NO));
    doc.add(new StringField(SearchFields.REVISION, passage.document().revision(), Field.Store.NO));
    for (Condition c : st.conditions()) {
      doc.add(new StringField(SearchFields.CONDITION, SearchFields.wire(c), Field.Store.NO));
    }
    if (st.conditions().isEmpty()) {
      doc.add(new StringField(SearchFields.CONDITION, SearchFields.NONE, Field.Store.NO));
    }
    doc.add(new NumericDocValuesField(SearchFields.PASSAGE, passageAt));
    doc.add(new NumericDocValuesField(SearchFields.STATEMENT, statementAt));
    return doc;
  }

  public Corpus corpus() {
    return corpus;
  }

  /** Number of statements indexed. */
  public int size() {
    return reader.numDocs();
  }

  /**
   * The passages whose statements match a query, best first, each once (cited by its best statement).
   *
   * @param limit how many passages at most, 1 to {@link #MAX_LIMIT}
   * @throws QueryException when the query or the limit cannot be used; the message says why, and where
   */
  public SearchResults search(String query, int limit) throws QueryException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new QueryException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    long start = System.nanoTime();
    Query parsed = parse(query, start + TIME_BUDGET_MILLIS * 1_000_000);
    // a searcher of its own: the time budget is this search's, and a searcher over an open reader costs nothing
    IndexSearcher searcher = new IndexSearcher(reader);
    long left = TIME_BUDGET_MILLIS - (System.nanoTime() - start) / 1_000_000;
    searcher.setTimeout(new QueryTimeoutImpl(Math.max(left, 1)));
    try {
      int total = searcher.search(parsed, new PassageCounter(corpus.passages().size()));
      List<SearchHit> hits = total == 0 ? List.of() : top(searcher, parsed, Math.min(limit, total));
      if (searcher.timedOut()) {
        throw new QueryException("the query takes longer than " + TIME_BUDGET_MILLIS + " ms to run; make it more"
            + " specific");
      }
      return new SearchResults(query, total, hits);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryException("the query expands to more than " + IndexSearcher.getMaxClauseCount()
          + " terms; make it more specific");
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory index failed", e);
    }
  }

  /** The query as Lucene runs it, or a refusal saying what is wrong with it. */
  Query parse(String query) throws QueryException {
    return parse(query, System.nanoTime() + TIME_BUDGET_MILLIS * 1_000_000);
  }

  private Query parse(String query, long deadline) throws QueryException {
    if (query == null || query.isBlank()) {
      throw new QueryException("the query is empty");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw new QueryException("the query is too long: " + query.length() + " characters, the limit is "
          + MAX_QUERY_CHARS);
    }
    try {
      Query parsed = new FieldQueryParser(queryAnalyzer, reader, maxExpansion, deadline).parse(query);
      if (parsed instanceof BooleanQuery b && b.clauses().isEmpty()) {
        // what the parser makes of a query of stop words alone; it would match nothing
        throw new QueryException("the query has no words to search for (only common words like \"the\"?)");
      }
      return parsed;
    } catch (ParseException e) {
      throw new QueryException(QueryErrors.describe(query, e));
    } catch (TooComplexToDeterminizeException e) {
      throw new QueryException("a wildcard or regular expression of the query is too complex to run");
    }
  }

  /** The best {@code limit} distinct passages: statements are fetched in growing batches until enough are found. */
  private List<SearchHit> top(IndexSearcher searcher, Query query, int limit) throws IOException {
    List<SearchHit> hits = new ArrayList<>();
    for (int n = Math.min(limit * 2, reader.maxDoc()); ; n = Math.min(n * 4, reader.maxDoc())) {
      TopDocs top = searcher.search(query, Math.max(n, 1));
      hits.clear();
      Set<Integer> seen = new HashSet<>();
      List<LeafReaderContext> leaves = reader.leaves();
      for (ScoreDoc sd : top.scoreDocs) {
        if (hits.size() == limit) {
          break;
        }
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
        int p = (int) value(leaf, SearchFields.PASSAGE, sd.doc - leaf.docBase);
        if (seen.add(p)) {
          Passage passage = corpus.passages().get(p);
          Statement st = passage.statements().get((int) value(leaf, SearchFields.STATEMENT, sd.doc - leaf.docBase));
          hits.add(SearchHit.of(passage, st));
        }
      }
      if (hits.size() == limit || top.scoreDocs.length < n || n == reader.maxDoc()) {
        return hits;
      }
    }
  }

  private static long value(LeafReaderContext leaf, String field, int doc) throws IOException {
    NumericDocValues values = leaf.reader().getNumericDocValues(field);
    if (values == null || !values.advanceExact(doc)) {
      throw new IllegalStateException("statement " + doc + " has no " + field); // every document is built with both
    }
    return values.longValue();
  }

  /** Counts the distinct passages of the statements a query matches. */
  private static final class PassageCounter implements CollectorManager<PassageCounter.Seen, Integer> {
    private final int passages;

    PassageCounter(int passages) {
      this.passages = Math.max(passages, 1);
    }

    /** One collector's passages (a searcher with an executor runs several at once). */
    static final class Seen extends SimpleCollector {
      final FixedBitSet passages;
      private NumericDocValues values;

      Seen(int passages) {
        this.passages = new FixedBitSet(passages);
      }

      @Override
      protected void doSetNextReader(LeafReaderContext context) throws IOException {
        values = context.reader().getNumericDocValues(SearchFields.PASSAGE);
      }

      @Override
      public void collect(int doc) throws IOException {
        if (values != null && values.advanceExact(doc)) {
          passages.set((int) values.longValue());
        }
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }

    @Override
    public Seen newCollector() {
      return new Seen(passages);
    }

    @Override
    public Integer reduce(Collection<Seen> collectors) {
      FixedBitSet all = new FixedBitSet(passages);
      collectors.forEach(c -> all.or(c.passages));
      return all.cardinality();
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
