package com.scopebot.search;

import com.scopebot.search.SearchFields.Name;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The classic Lucene query syntax over the fields a person searches ({@link SearchFields}): each person's field is
 * mapped to its index fields, unknown fields and values are refused, and wildcards, fuzzy terms, regular expressions
 * and ranges may match at most a bounded number of words.
 *
 * <p>One instance parses one query (Lucene's parsers are not thread-safe).
 */
final class FieldQueryParser extends QueryParser {

  /** A query refused for a reason of ours (an unknown field, a leading wildcard), with the message to show. */
  static final class Refused extends ParseException {
    Refused(String message) {
      super(message);
    }
  }

  private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2})?)?");

  private final IndexReader reader;
  private final int maxExpansion;
  /** Words the query's wildcards, fuzzy terms, regular expressions and ranges have matched so far. */
  private int expanded;
  /** Wildcards, fuzzy terms, regular expressions and ranges the query has written so far. */
  private int patterns;
  /** {@link System#nanoTime()} by which the query must be compiled. */
  private final long deadline;

  /**
   * @param maxExpansion the most words all of a query's wildcards, fuzzy terms, regular expressions and ranges over
   *     words may match together
   * @param deadline the {@link System#nanoTime()} after which no further pattern is compiled
   */
  FieldQueryParser(Analyzer analyzer, IndexReader reader, int maxExpansion, long deadline) {
    super(Name.TEXT.wire(), analyzer);
    this.reader = reader;
    this.maxExpansion = maxExpansion;
    this.deadline = deadline;
    // precise search: every term must match unless OR says otherwise
    setDefaultOperator(AND_OPERATOR);
    // words are analysed together, so that multi-word names meet their synonyms ("AD FS" is "adfs")
    setSplitOnWhitespace(false);
    // a leading wildcard walks every word of the index
    setAllowLeadingWildcard(false);
    // what one pattern may cost to compile: /c*d{0,9999}/ is refused in milliseconds instead of compiled in 0.3 s
    setDeterminizeWorkLimit(StatementSearch.DETERMINIZE_WORK_LIMIT);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    Name name = name(field, queryText);
    if (name == Name.REVISION) {
      return revision(queryText);
    }
    if (SearchFields.VALUES.containsKey(name)) {
      checkValue(name, queryText);
    }
    List<Query> each = new ArrayList<>();
    for (String f : SearchFields.indexFields(name, false)) {
      each.add(super.getFieldQuery(f, queryText, quoted));
    }
    return anyOf(each);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
      boolean endInclusive) throws ParseException {
    Name name = name(field, "[" + part1 + " TO " + part2 + "]");
    if (name == Name.REVISION) {
      // a partial date stands for all of its year or month: [2018 TO 2018] is the whole of 2018
      return super.getRangeQuery(SearchFields.REVISION, dateBound(part1, !startInclusive),
          dateBound(part2, endInclusive), startInclusive, endInclusive);
    }
    onePattern("[" + part1 + " TO " + part2 + "]");
    List<Query> each = new ArrayList<>();
    for (String f : SearchFields.indexFields(name, true)) {
      each.add(counted(super.getRangeQuery(f, part1, part2, startInclusive, endInclusive),
          "[" + part1 + " TO " + part2 + "]"));
    }
    return anyOf(each);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if ("*".equals(field) && "*".equals(termStr)) {
      return new MatchAllDocsQuery(); // *:*, every statement: bounded by the result limit like any other query
    }
    Name name = name(field, termStr);
    if (termStr.startsWith("*") || termStr.startsWith("?")) {
      throw new Refused("a term cannot start with a wildcard (" + field + ":" + termStr + "): it would have to read"
          + " every word of the index; put at least one letter before * or ?");
    }
    onePattern(termStr);
    List<Query> each = new ArrayList<>();
    for (String f : SearchFields.indexFields(name, true)) {
      each.add(counted(super.getWildcardQuery(f, termStr), termStr));
    }
    return anyOf(each);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    Name name = name(field, termStr + "*");
    onePattern(termStr + "*");
    List<Query> each = new ArrayList<>();
    for (String f : SearchFields.indexFields(name, true)) {
      each.add(counted(super.getPrefixQuery(f, termStr), termStr + "*"));
    }
    return anyOf(each);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    Name name = name(field, termStr + "~");
    onePattern(termStr + "~");
    List<Query> each = new ArrayList<>();
    for (String f : SearchFields.indexFields(name, true)) {
      each.add(counted(super.getFuzzyQuery(f, termStr, minSimilarity), termStr + "~"));
    }
    return anyOf(each);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    Name name = name(field, "/" + termStr + "/");
    onePattern("/" + termStr + "/");
    List<Query> each = new ArrayList<>();
    for (String f : SearchFields.indexFields(name, true)) {
      Query q;
      try {
        q = super.getRegexpQuery(f, termStr);
      } catch (IllegalArgumentException e) {
        // the regular expression's own syntax error
        throw new Refused("the regular expression /" + termStr + "/ cannot be used: " + e.getMessage());
      } catch (TooComplexToDeterminizeException e) {
        throw new Refused("the regular expression /" + termStr + "/ cannot be used: it is too costly to run (repeats"
            + " like {0,9999} or many .* build too large a pattern)");
      }
      each.add(counted(q, "/" + termStr + "/"));
    }
    return anyOf(each);
  }

  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    if (!clauses.isEmpty() && clauses.stream().allMatch(BooleanClause::isProhibited)) {
      // "-polarity:none" alone means every statement but those, as people expect; Lucene would match nothing
      List<BooleanClause> all = new ArrayList<>(clauses);
      all.add(new BooleanClause(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER));
      return super.getBooleanQuery(all);
    }
    return super.getBooleanQuery(clauses);
  }

  /**
   * Counts one more pattern (a wildcard, fuzzy term, regular expression or range as written), refusing a query with
   * more than {@link StatementSearch#MAX_PATTERNS}, or one whose patterns so far have used up its time: each is
   * compiled and matched against the words of the index, so their number, not the query's length, is what a query
   * costs (tens of milliseconds at most each).
   */
  private void onePattern(String written) throws Refused {
    if (++patterns > StatementSearch.MAX_PATTERNS) {
      throw new Refused("the query has more than " + StatementSearch.MAX_PATTERNS + " wildcards, fuzzy terms, regular"
          + " expressions and ranges (at " + written + "); search for fewer at once");
    }
    if (System.nanoTime() > deadline) {
      throw new Refused("the query takes longer than " + StatementSearch.TIME_BUDGET_MILLIS + " ms to prepare (at "
          + written + "); use fewer or simpler patterns");
    }
  }

  /** The person's field a query names, or a refusal naming the fields there are. */
  private static Name name(String field, String term) throws Refused {
    Name name = SearchFields.named(field);
    if (name == null) {
      throw new Refused("unknown field \"" + field + "\" in " + field + ":" + term + "; the fields are "
          + SearchFields.names());
    }
    return name;
  }

  /** A term of a closed list (holder, polarity, condition) must be one of its values. */
  private void checkValue(Name name, String queryText) throws Refused {
    Set<String> values = SearchFields.VALUES.get(name);
    List<String> terms = analyze(SearchFields.indexFields(name, false).get(0), queryText);
    if (terms.size() != 1 || !values.contains(terms.get(0))) {
      throw new Refused(name.wire() + " is one of " + String.join(", ", values.stream().sorted().toList())
          + "; got \"" + queryText + "\"");
    }
  }

  /** {@code revision:2018}, {@code revision:2018-12}, {@code revision:2018-12-04}: every revision of that time. */
  private static Query revision(String queryText) throws Refused {
    String date = queryText.strip();
    if (!PARTIAL_DATE.matcher(date).matches()) {
      throw new Refused("revision is a date, YYYY-MM-DD (or YYYY, YYYY-MM); got \"" + queryText + "\"");
    }
    return new PrefixQuery(new Term(SearchFields.REVISION, date));
  }

  /**
   * A bound of a revision range. Revisions compare as strings; a partial date that should take in all of its
   * year or month ("2018" as an inclusive upper bound, or as an exclusive lower one) is read as just past its last day.
   */
  private static String dateBound(String part, boolean pastItsEnd) throws Refused {
    if (part == null) {
      return null; // "*": open-ended
    }
    if (!PARTIAL_DATE.matcher(part).matches()) {
      throw new Refused("revision ranges take dates, YYYY-MM-DD (or YYYY, YYYY-MM); got \"" + part + "\"");
    }
    // '~' sorts after digits and '-': "2018~" is after every "2018-…"
    return pastItsEnd && part.length() < 10 ? part + "~" : part;
  }

  /**
   * A wildcard, fuzzy, regular-expression or range query, once the words it matches are counted against the limit.
   * Closed lists and dates are not counted: they are small, and a date range is the point of the field.
   */
  private Query counted(Query q, String written) throws Refused {
    if (!(q instanceof MultiTermQuery mtq) || SearchFields.KEYWORD_FIELDS.contains(mtq.getField())) {
      return q;
    }
    try {
      Terms terms = MultiTerms.getTerms(reader, mtq.getField());
      if (terms == null) {
        return q;
      }
      TermsEnum matching = mtq.getTermsEnum(terms);
      while (matching.next() != null) {
        if (++expanded > maxExpansion) {
          throw new Refused(written + " matches too many words (the limit is " + maxExpansion
              + " for a whole query); make it more specific");
        }
      }
      return q;
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory index failed", e);
    }
  }

  /** The terms the query analyzer makes of a text for an index field. */
  private List<String> analyze(String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = getAnalyzer().tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One query when a person's field has one index field; else a match in any of them. Null stands for no terms. */
  private static Query anyOf(List<Query> queries) {
    List<Query> present = queries.stream().filter(q -> q != null).toList();
    if (present.isEmpty()) {
      return null;
    }
    if (present.size() == 1) {
      return present.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query q : present) {
      any.add(q, BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }
}
