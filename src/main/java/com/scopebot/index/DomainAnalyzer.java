package com.scopebot.index;

import com.scopebot.corpus.StopWords;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;

/**
 * The analyzer of the responsibility documents' language: words, then plurals folded, then product names and
 * acronyms mapped to one term each (see {@link Synonyms}), then stop words dropped, then English stemming.
 *
 * <p>Plurals are folded before the synonym map so that "multiple forests" and "multiple forest" are one entry; stop
 * words are dropped after it so that "software as a service" can still match. Thread-safe, as every Lucene analyzer.
 */
public final class DomainAnalyzer extends Analyzer {

  private final SynonymMap synonyms;
  private final boolean forIndexing;
  private final CharArraySet extraStopWords;

  /**
   * @param forIndexing true to flatten the synonym graph for the index writer; false for questions
   */
  public DomainAnalyzer(SynonymMap synonyms, boolean forIndexing) {
    this(synonyms, forIndexing, CharArraySet.EMPTY_SET);
  }

  /**
   * @param extraStopWords words to drop after the synonym map has run (so "help" goes but "help desk" stays), as
   *     normalised by {@link #normalizedSet}
   */
  public DomainAnalyzer(SynonymMap synonyms, boolean forIndexing, CharArraySet extraStopWords) {
    this.synonyms = synonyms;
    this.forIndexing = forIndexing;
    this.extraStopWords = extraStopWords;
  }

  /** Lucene's English stop words and those of {@code words/stop-words.txt} ({@link StopWords}). */
  static final CharArraySet STOP_WORDS = StopWords.ALL;

  /** Words normalised the way the analyzer sees them just before stop words are dropped. */
  public static CharArraySet normalizedSet(Collection<String> words) {
    CharArraySet set = new CharArraySet(words.size(), false);
    try (Analyzer entries = entryAnalyzer()) {
      for (String w : words) {
        try (TokenStream ts = entries.tokenStream("", w)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            set.add(term.toString());
          }
          ts.end();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return CharArraySet.unmodifiableSet(set);
  }

  /**
   * A lone letter hyphenated to a word ("e-invoicing", "NF-e", "e-mail"): a piece of the word, never a topic of its
   * own, yet as a term it would match every "e-mail" in the documents. Letters joined by "&" ("F&O") are a name.
   */
  private static final Pattern HYPHENATED_LETTER = Pattern.compile(
      "(?<![\\p{L}\\p{N}&])\\p{L}-(?=\\p{L})|(?<=[\\p{L}\\p{N}])-\\p{L}(?![\\p{L}\\p{N}&])");

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    // questions only: the documents' terms stay as written, so no index changes with this reading
    return forIndexing ? reader : new PatternReplaceCharFilter(HYPHENATED_LETTER, " ", reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = normalizeWords(source);
    if (synonyms != null && synonyms.fst != null) {
      stream = new SynonymGraphFilter(stream, synonyms, true);
      if (forIndexing) {
        stream = new FlattenGraphFilter(stream);
      }
    }
    stream = new StopFilter(stream, STOP_WORDS);
    if (!extraStopWords.isEmpty()) {
      stream = new StopFilter(stream, extraStopWords);
    }
    stream = new PorterStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  private static TokenStream normalizeWords(TokenStream source) {
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    // stop words keep their form ("was" must not become "wa") so the stop filter still knows them later
    stream = new SetKeywordMarkerFilter(stream, STOP_WORDS);
    return new EnglishMinimalStemFilter(stream);
  }

  /** The analyzer synonym entries pass through: the same word normalisation as the text, nothing more. */
  static Analyzer entryAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, normalizeWords(source));
      }
    };
  }
}
