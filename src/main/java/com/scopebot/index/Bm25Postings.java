package com.scopebot.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * One field's postings, read out of the index once when it opens, with what Lucene's {@code BM25Similarity} (k1 1.2,
 * b 0.75) needs to score them: scoring a question's candidates from these arrays gives Lucene's scores to the bit,
 * without the per-query weights, term-dictionary seeks and scorers Lucene builds (most of what a question allocated).
 * Immutable and thread-safe.
 */
final class Bm25Postings {

  private static final float K1 = 1.2f;
  private static final float B = 0.75f;

  /** A term's documents (ascending Lucene doc ids), its idf, and {@code 1 + freq / norm} per document. */
  record Term(float idf, int[] docs, float[] saturation) {}

  private final Map<String, Term> terms;

  private Bm25Postings(Map<String, Term> terms) {
    this.terms = terms;
  }

  /** Reads a field of a single-segment index; an absent field has no terms. */
  static Bm25Postings of(LeafReader reader, String field) throws IOException {
    Terms fieldTerms = reader.terms(field);
    if (fieldTerms == null) {
      return new Bm25Postings(Map.of());
    }
    float[] normInverse = normInverse(fieldTerms);
    NumericDocValues normValues = reader.getNormValues(field);
    byte[] norms = new byte[reader.maxDoc()];
    for (int doc = normValues == null ? DocIdSetIterator.NO_MORE_DOCS : normValues.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS; doc = normValues.nextDoc()) {
      norms[doc] = (byte) normValues.longValue();
    }
    long docCount = fieldTerms.getDocCount();
    Map<String, Term> terms = new HashMap<>();
    TermsEnum e = fieldTerms.iterator();
    PostingsEnum postings = null;
    for (BytesRef t = e.next(); t != null; t = e.next()) {
      int df = e.docFreq();
      int[] docs = new int[df];
      float[] saturation = new float[df];
      postings = e.postings(postings, PostingsEnum.FREQS);
      int i = 0;
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        docs[i] = doc;
        // the same float operations, in the same order, as BM25Scorer.score: 1 + freq * (1 / norm)
        saturation[i] = 1f + (float) postings.freq() * normInverse[norms[doc] & 0xFF];
        i++;
      }
      terms.put(t.utf8ToString(), new Term(idf(df, docCount), docs, saturation));
    }
    return new Bm25Postings(Map.copyOf(terms));
  }

  /** BM25Similarity's idf, computed in double and rounded to float as it does. */
  private static float idf(long docFreq, long docCount) {
    return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
  }

  /** BM25Similarity's per-norm cache: {@code 1 / (k1 * ((1 - b) + b * length / avgdl))} for each encoded length. */
  private static float[] normInverse(Terms terms) throws IOException {
    float avgdl = (float) (terms.getSumTotalTermFreq() / (double) terms.getDocCount());
    float[] cache = new float[256];
    for (int i = 0; i < cache.length; i++) {
      float length = SmallFloat.byte4ToInt((byte) i);
      cache[i] = 1f / (K1 * ((1 - B) + B * length / avgdl));
    }
    return cache;
  }

  /** The term's postings, or null when no document holds it in this field. */
  Term term(String term) {
    return terms.get(term);
  }

  /** BM25 of one posting: {@code weight - weight / saturation}, as BM25Scorer computes it. */
  static float score(float weight, float saturation) {
    return weight - weight / saturation;
  }
}
