package com.scopebot.service;

import com.scopebot.answer.Answerer;
import com.scopebot.answer.Engine;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /** What a (re)index produced: the index holds one entry a statement, and a passage can make several. */
  public record Loaded(int documents, int passages, int statements, List<Corpus.Problem> problems, long millis) {}

  /** How an index is built from a corpus folder: {@link Engine#load} but in tests. */
  @FunctionalInterface
  public interface Builder {
    Answerer build(Path corpus, Path synonyms) throws CorpusException;
  }

  /** A reindex asked for while another one runs. */
  public static final class Busy extends Exception {
    Busy() {
      super("a reindex is already running; ask again once it has finished");
    }
  }

  private final Path corpus;
  private final Path synonyms;
  private final Builder builder;
  private final AtomicReference<Answerer> current = new AtomicReference<>();
  private final AtomicBoolean building = new AtomicBoolean();
  private final List<Runnable> loadedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  /**
   * Builds on a thread of its own, one at a time ({@link #building} lets no second one in); the thread ends when idle,
   * so an index that is not being rebuilt holds none.
   */
  private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(), task -> {
        Thread t = new Thread(task, "scopebot-reindex");
        t.setDaemon(true);
        return t;
      });

  /** @param synonyms synonym file, or null for the default */
  public LiveIndex(Path corpus, Path synonyms) {
    this(corpus, synonyms, Engine::load);
  }

  /** An index built by a given builder (tests that make a build fail or wait). */
  public LiveIndex(Path corpus, Path synonyms, Builder builder) {
    this.corpus = corpus;
    this.synonyms = synonyms;
    this.builder = builder;
    worker.allowCoreThreadTimeOut(true);
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

  /** Runs a listener after each index put in service, on the thread that reloaded: it must hand its work off. */
  public void onLoaded(Runnable listener) {
    loadedListeners.add(listener);
  }

  /**
   * Builds a new index from the corpus folder on the reindex worker and puts it in service.
   *
   * @throws Busy at once when another reindex is running
   * @throws CorpusException when the corpus cannot be indexed, or the heap ran out building it; the previous index
   *     keeps serving
   */
  public Loaded reload() throws CorpusException, Busy {
    if (corpus == null) {
      throw new CorpusException("this index was not loaded from a corpus folder");
    }
    if (!building.compareAndSet(false, true)) {
      throw new Busy();
    }
    try {
      long start = System.nanoTime();
      Answerer fresh = await(worker.submit(this::build));
      current.set(fresh);
      loadedListeners.forEach(Runnable::run);
      Corpus c = fresh.index().corpus();
      Loaded loaded = new Loaded(c.documents().size(), c.passages().size(), fresh.index().size(), c.problems(),
          (System.nanoTime() - start) / 1_000_000);
      LOG.info("indexed {} statements from {} passages in {} documents in {} ms{}", loaded.statements(),
          loaded.passages(), loaded.documents(), loaded.millis(),
          loaded.problems().isEmpty() ? "" : "; skipped " + LogSafe.text(loaded.problems()));
      return loaded;
    } finally {
      building.set(false);
    }
  }

  /** Runs on the worker: an OutOfMemoryError fails this build alone, and what it had built is garbage once it returns. */
  private Answerer build() throws CorpusException {
    try {
      return builder.build(corpus, synonyms);
    } catch (OutOfMemoryError e) {
      String why = "the heap (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB) ran out while indexing";
      LOG.error("reindex failed, the previous index keeps serving: {}", why);
      throw new CorpusException(why);
    }
  }

  private static Answerer await(Future<Answerer> build) throws CorpusException {
    try {
      return build.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CorpusException c) {
        throw c;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("reindex failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CorpusException("interrupted while indexing");
    }
  }
}
