package com.scopebot.service;

import com.scopebot.answer.Answerer;
import com.scopebot.corpus.Corpus;
import com.scopebot.search.StatementSearch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The precise-search index of the corpus in service, built on the first search rather than at start (it is needed by
 * few, and costs ~4 s and ~11 MB on a corpus of 133,000 statements), and built again on the first search after a
 * reindex.
 *
 * <p>Thread-safe: searches that arrive while it is built wait for that one build. A replaced index is in memory only
 * and is reclaimed by the garbage collector once no search uses it.
 */
public final class LiveSearch implements Supplier<StatementSearch> {

  private static final Logger LOG = LoggerFactory.getLogger(LiveSearch.class);

  /** A search index and the corpus it was built from. */
  private record Built(Corpus corpus, StatementSearch search) {}

  private final LiveIndex index;
  private final Object building = new Object();
  private volatile Built built;

  public LiveSearch(LiveIndex index) {
    this.index = index;
  }

  /** The search index of the corpus in service, or null before the first index is loaded. */
  @Override
  public StatementSearch get() {
    Answerer answerer = index.get();
    if (answerer == null) {
      return null;
    }
    Corpus corpus = answerer.index().corpus();
    Built current = built;
    if (current != null && current.corpus() == corpus) {
      return current.search();
    }
    synchronized (building) {
      current = built;
      if (current == null || current.corpus() != corpus) {
        long start = System.nanoTime();
        current = new Built(corpus, StatementSearch.build(corpus, answerer.index().synonyms()));
        built = current;
        LOG.info("search index: {} statements in {} ms", current.search().size(),
            (System.nanoTime() - start) / 1_000_000);
      }
      return current.search();
    }
  }
}
