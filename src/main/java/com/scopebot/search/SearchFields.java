package com.scopebot.search;

import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Polarity;
import com.scopebot.index.DomainAnalyzer;
import com.scopebot.index.Synonyms;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The fields a person searches and the index fields behind them, with their analyzers.
 *
 * <p>A person's field may stand for more than one index field ({@code document} is the file name and the title), and
 * wildcard, fuzzy, regular-expression and range terms may go to other fields than plain terms ({@code text}'s plain
 * terms are stemmed and mapped through the synonyms; its wildcards match the words as written).
 */
final class SearchFields {

  /** A field a person can name in a query. */
  enum Name {
    TEXT, DOCUMENT, SECTION, HOLDER, POLARITY, REVISION, CONDITION;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The statement's words: stemmed, stop words dropped, synonyms mapped to one term (as the answer engine reads). */
  static final String TEXT = "text";
  /** The statement's words as written, lower-cased: what wildcards, fuzzy terms and regular expressions match. */
  static final String TEXT_WORDS = "text.words";
  /** The file name, whole and without its extension, lower-cased. */
  static final String FILE = "document.file";
  /** The document's title, as written, lower-cased. */
  static final String TITLE = "document.title";
  /** Each heading of the passage's path, as written, lower-cased; a phrase never runs across two headings. */
  static final String SECTION = "section";
  static final String HOLDER = "holder";
  static final String POLARITY = "polarity";
  /** The revision date, {@code YYYY-MM-DD}: ranges compare it as a string, which orders ISO dates by time. */
  static final String REVISION = "revision";
  static final String CONDITION = "condition";
  /** Where a statement is found again: its passage's position in the corpus and its own in the passage. */
  static final String PASSAGE = "passage";
  static final String STATEMENT = "statement";

  /** The value of a keyword field for a statement that has none of its kind (no holder, no polarity, no condition). */
  static final String NONE = "none";

  /** The values a keyword field can hold; a term outside them is a mistake worth saying, not an empty result. */
  static final Map<Name, Set<String>> VALUES = Map.of(
      Name.HOLDER, wireNames(Holder.values()),
      Name.POLARITY, wireNames(Polarity.values()),
      Name.CONDITION, withNone(wireNames(Condition.values())));

  /**
   * Index fields whose terms are few or from a closed list (classifications, dates, file names): a wildcard or range
   * over them is cheap, and a date range is the point of {@code revision}, so they do not count against the limit.
   */
  static final Set<String> KEYWORD_FIELDS = Set.of(FILE, HOLDER, POLARITY, REVISION, CONDITION);

  private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");

  private SearchFields() {}

  /** The person's field a name stands for, or null when there is none by that name. */
  static Name named(String field) {
    for (Name n : Name.values()) {
      if (n.wire().equals(field)) {
        return n;
      }
    }
    return null;
  }

  /**
   * The index fields a person's field stands for.
   *
   * @param asWritten true for wildcard, fuzzy, regular-expression and range terms, which match words as written
   */
  static List<String> indexFields(Name name, boolean asWritten) {
    return switch (name) {
      case TEXT -> List.of(asWritten ? TEXT_WORDS : TEXT);
      case DOCUMENT -> List.of(FILE, TITLE);
      default -> List.of(name.wire()); // the index field has the person's name
    };
  }

  /** The names a person can use, for messages: "text, document, section, ...". */
  static String names() {
    return Arrays.stream(Name.values()).map(Name::wire).collect(Collectors.joining(", "));
  }

  /** How an enum constant reads in the index and in a query: {@code OUT_OF_SCOPE} → {@code out_of_scope}. */
  static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The analyzer of every field, at indexing ({@code forIndexing}) or at query time. */
  static Analyzer analyzer(Synonyms synonyms, boolean forIndexing) {
    Analyzer keyword = keywordAnalyzer();
    return new PerFieldAnalyzerWrapper(new DomainAnalyzer(synonyms.map(), forIndexing), Map.of(
        TEXT_WORDS, wordsAnalyzer(),
        TITLE, wordsAnalyzer(),
        SECTION, wordsAnalyzer(),
        FILE, keyword,
        HOLDER, keyword,
        POLARITY, keyword,
        REVISION, keyword,
        CONDITION, keyword));
  }

  /** Words as written, lower-cased and without accents: no stemming, so a wildcard means what it says. */
  private static Analyzer wordsAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        // what the query parser applies to wildcard and range terms, which are never tokenised
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return 100; // headings are separate values: "Enable phase" must not match "... Enable" + "Phase ..."
      }
    };
  }

  /**
   * The whole value as one term, lower-cased, with spaces and hyphens read as underscores:
   * {@code polarity:Out-of-scope} and {@code polarity:"out of scope"} mean {@code polarity:out_of_scope}.
   */
  private static Analyzer keywordAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        KeywordTokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, normalize(fieldName, source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream lower = new LowerCaseFilter(in);
        // file names keep their hyphens; the classified values are written with underscores
        return fieldName.equals(FILE) || fieldName.equals(REVISION) ? lower
            : new PatternReplaceFilter(lower, SEPARATORS, "_", true);
      }
    };
  }

  private static Set<String> wireNames(Enum<?>[] values) {
    return Arrays.stream(values).map(SearchFields::wire).collect(Collectors.toUnmodifiableSet());
  }

  private static Set<String> withNone(Set<String> values) {
    return Stream.concat(values.stream(), Stream.of(NONE)).collect(Collectors.toUnmodifiableSet());
  }
}
