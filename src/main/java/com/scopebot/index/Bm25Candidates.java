package com.scopebot.index;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The top statements for a question's weighted terms, scored in memory exactly as the Lucene query PassageIndex used to
 * run: per term the stronger of its {@code text} and boosted {@code context} BM25 scores (a dis-max with no tie
 * breaker), summed over terms in double and rounded to float, ties broken by the lower document. Thread-safe: each
 * thread scores in its own scratch arrays, reused from question to question so a question allocates little beyond its
 * result.
 */
final class Bm25Candidates {

  /** What a search found: Lucene document ids, best first, and their scores. */
  record Scored(int[] docs, float[] scores) {}

  private final Bm25Postings text;
  private final Bm25Postings context;
  private final float contextWeight;
  /** Each document's file, for searches limited to some revisions. */
  private final String[] fileOfDoc;
  private final ThreadLocal<Scratch> scratch;

  Bm25Candidates(Bm25Postings text, Bm25Postings context, float contextWeight, String[] fileOfDoc) {
    this.text = text;
    this.context = context;
    this.contextWeight = contextWeight;
    this.fileOfDoc = fileOfDoc.clone();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(fileOfDoc.length));
  }

  /**
   * The best documents for the terms.
   *
   * @param boosts terms and how much each counts; terms with no postings and boosts of 0 or less are skipped
   * @param maxTerms how many terms count at most, in the map's order (Lucene's clause limit)
   * @param documents the files whose documents may be found, or null for all
   */
  Scored top(Map<String, Double> boosts, int maxTerms, int limit, Set<String> documents) {
    Scratch s = scratch.get();
    s.startQuery();
    if (documents != null) {
      // Lucene's query held the revision filter as its one required clause, which made the terms optional: every
      // statement of those revisions matched, those holding none of the terms with a score of 0
      s.matchAll();
    }
    int terms = 0;
    for (Map.Entry<String, Double> e : boosts.entrySet()) {
      Bm25Postings.Term inText = text.term(e.getKey());
      Bm25Postings.Term inContext = context.term(e.getKey());
      if (e.getValue() <= 0 || inText == null && inContext == null || terms == maxTerms) {
        continue;
      }
      terms++;
      float boost = e.getValue().floatValue();
      s.startTerm();
      if (inText != null) {
        s.termScores(inText, boost * inText.idf());
      }
      if (inContext != null) {
        // the same float product Lucene's BoostQuery and BM25Scorer form: (boost * context weight) * idf
        s.termScores(inContext, boost * contextWeight * inContext.idf());
      }
      s.addTerm();
    }
    return s.top(limit, documents, fileOfDoc);
  }

  /** One thread's working arrays, indexed by document; stamps say which query and term wrote an entry. */
  private static final class Scratch {
    private final double[] sum;
    private final float[] best;
    private final int[] termStamp;
    private final int[] queryStamp;
    private final int[] termDocs;
    private final int[] matched;
    private int termCount;
    private int matchedCount;
    private int term;
    private int query;

    Scratch(int maxDoc) {
      sum = new double[maxDoc];
      best = new float[maxDoc];
      termStamp = new int[maxDoc];
      queryStamp = new int[maxDoc];
      termDocs = new int[maxDoc];
      matched = new int[maxDoc];
    }

    void startQuery() {
      if (query == Integer.MAX_VALUE) {
        Arrays.fill(queryStamp, 0);
        query = 0;
      }
      query++;
      matchedCount = 0;
    }

    void startTerm() {
      if (term == Integer.MAX_VALUE) {
        Arrays.fill(termStamp, 0);
        term = 0;
      }
      term++;
      termCount = 0;
    }

    /** A term's score in one field for each document holding it, keeping the larger where both fields hold it. */
    void termScores(Bm25Postings.Term t, float weight) {
      int[] docs = t.docs();
      float[] saturation = t.saturation();
      for (int i = 0; i < docs.length; i++) {
        int doc = docs[i];
        float score = Bm25Postings.score(weight, saturation[i]);
        if (termStamp[doc] != term) {
          termStamp[doc] = term;
          best[doc] = score;
          termDocs[termCount++] = doc;
        } else if (score > best[doc]) {
          best[doc] = score;
        }
      }
    }

    void addTerm() {
      for (int i = 0; i < termCount; i++) {
        int doc = termDocs[i];
        if (queryStamp[doc] != query) {
          queryStamp[doc] = query;
          sum[doc] = 0;
          matched[matchedCount++] = doc;
        }
        sum[doc] += best[doc];
      }
    }

    void matchAll() {
      for (int doc = 0; doc < sum.length; doc++) {
        queryStamp[doc] = query;
        sum[doc] = 0;
        matched[matchedCount++] = doc;
      }
    }

    Scored top(int limit, Set<String> documents, String[] fileOfDoc) {
      // score bits (positive floats order as their bits) above the inverted doc id: ascending keys put the best last
      long[] keys = new long[matchedCount];
      int n = 0;
      for (int i = 0; i < matchedCount; i++) {
        int doc = matched[i];
        if (documents == null || documents.contains(fileOfDoc[doc])) {
          keys[n++] = (long) Float.floatToIntBits((float) sum[doc]) << 32 | (Integer.MAX_VALUE - doc);
        }
      }
      Arrays.sort(keys, 0, n);
      int found = Math.min(limit, n);
      int[] docs = new int[found];
      float[] scores = new float[found];
      for (int i = 0; i < found; i++) {
        long key = keys[n - 1 - i];
        docs[i] = Integer.MAX_VALUE - (int) (key & 0xFFFFFFFFL);
        scores[i] = Float.intBitsToFloat((int) (key >>> 32));
      }
      return new Scored(docs, scores);
    }
  }
}
