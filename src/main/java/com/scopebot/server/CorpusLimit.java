package com.scopebot.server;

import java.util.Optional;

/**
 * The largest corpus a reindex takes, and what set it: the heap the JVM has, or {@code SCOPEBOT_MAX_CORPUS_MB} when that
 * is lower.
 *
 * <p>An index holds about 14 bytes of heap per corpus byte, its search index included (measured 12.8 to 14.8 on copies
 * of the bundled corpus from 0.7 to 4.2 MB), and a reindex holds two (the one serving and the one being built). At 16
 * bytes a byte, the two get at most half the heap; the other half is left to requests and to parsing: the heap / 64,
 * 4 MB at {@code -Xmx256m}.
 *
 * @param bytes a corpus folder whose files add up to more is refused
 * @param source what set the limit, as said to whoever is refused
 */
record CorpusLimit(long bytes, String source) {

  /** Heap per corpus byte of one index, rounded up from the measured 14.8. */
  static final long HEAP_PER_CORPUS_BYTE = 16;

  CorpusLimit {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the corpus limit must be positive, got " + bytes);
    }
  }

  /**
   * @param configured {@code SCOPEBOT_MAX_CORPUS_MB} in bytes, {@link Long#MAX_VALUE} when it is not set
   * @param maxHeap the heap the JVM may use ({@link Runtime#maxMemory()})
   */
  static CorpusLimit of(long configured, long maxHeap) {
    long fromHeap = maxHeap / 2 / (2 * HEAP_PER_CORPUS_BYTE); // maxHeap / 64
    return configured <= fromHeap ? new CorpusLimit(configured, "SCOPEBOT_MAX_CORPUS_MB")
        : new CorpusLimit(fromHeap, "set from the heap: " + maxHeap + " bytes / 64, room for two indexes at "
            + HEAP_PER_CORPUS_BYTE + " heap bytes per corpus byte in half of it");
  }

  /** Why a corpus of this size is refused; empty when it is not. */
  Optional<String> refusal(long size) {
    return size <= bytes ? Optional.empty()
        : Optional.of("the corpus is " + size + " bytes, over the limit of " + bytes + " bytes (" + source + ")");
  }
}
