package com.scopebot.service;

import com.scopebot.answer.Answerer;
import com.scopebot.answer.Engine;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answerer in service, swapped atomically when the corpus is reindexed.
 *
 * <p>A question takes the answerer current when it starts and finishes on it, so a swap never disturbs questions in
 * flight; a corpus that fails to index leaves the previous answerer serving. The replaced index is in memory only and
 * is reclaimed by the garbage collector once no question uses it. Thread-safe.
 */
public final class LiveIndex implements Supplier<Answerer> {

  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

  /** What a (re)index produced. */
  public record Loaded(int documents, int passages, List<Corpus.Problem> problems, long millis) {}

  private final Path corpus;
  private final Path synonyms;
  private final AtomicReference<Answerer> current = new AtomicReference<>();

  /** @param synonyms synonym file, or null for the default */
  public LiveIndex(Path corpus, Path synonyms) {
    this.corpus = corpus;
    this.synonyms = synonyms;
  }

  /** An index that serves a given answerer (tests, embedding). */
  public static LiveIndex of(Answerer answerer) {
    LiveIndex live = new LiveIndex(null, null);
    live.current.set(answerer);
    return live;
  }

  /** The answerer in service, or null before the first index is loaded. */
  @Override
  public Answerer get() {
    return current.get();
  }

  public boolean ready() {
    return current.get() != null;
  }

  public Path corpus() {
    return corpus;
  }

  /**
   * Builds a new index from the corpus folder and puts it in service. Reindexes run one at a time.
   *
   * @throws CorpusException when the corpus cannot be indexed; the previous index keeps serving
   */
  public synchronized Loaded reload() throws CorpusException {
    if (corpus == null) {
      throw new CorpusException("this index was not loaded from a corpus folder");
    }
    long start = System.nanoTime();
    Answerer fresh = Engine.load(corpus, synonyms);
    current.set(fresh);
    Corpus c = fresh.index().corpus();
    Loaded loaded = new Loaded(c.documents().size(), fresh.index().size(), c.problems(),
        (System.nanoTime() - start) / 1_000_000);
    LOG.info("indexed {} passages from {} documents in {} ms{}", loaded.passages(), loaded.documents(), loaded.millis(),
        loaded.problems().isEmpty() ? "" : "; skipped " + LogSafe.text(loaded.problems()));
    return loaded;
  }
}
