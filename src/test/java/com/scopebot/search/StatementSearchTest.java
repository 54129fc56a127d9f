package com.scopebot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import com.scopebot.index.PassageIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Precise search over the bundled corpus: the example queries, and the queries it must refuse. */
class StatementSearchTest {

  private static StatementSearch search;
  private static Corpus corpus;

  @BeforeAll
  static void build() throws Exception {
    PassageIndex index = Fixtures.bundled().index();
    corpus = index.corpus();
    search = StatementSearch.build(corpus, index.synonyms());
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
  }

  private static SearchResults find(String query) throws QueryException {
    return search.search(query, StatementSearch.MAX_LIMIT);
  }

  private static String refusal(String query) {
    return assertThrows(QueryException.class, () -> find(query), query).getMessage();
  }

  /** How many passages (with a statement) of the corpus satisfy a condition: what a search must count. */
  private static int passages(Predicate<Passage> test) {
    return (int) corpus.passages().stream().filter(p -> !p.statements().isEmpty()).filter(test).count();
  }

  @Test
  void findsTheCustomersSslCertificateBulletByHolderAndWildcard() throws Exception {
    SearchResults r = find("holder:customer AND certificat*");
    SearchHit first = r.results().get(0);
    assertEquals("Provide and configure any public Secure Sockets Layer (SSL) certificates.", first.quote());
    assertEquals("ems-your-responsibilities-2018-08.md", first.document());
    assertEquals(List.of("Your responsibilities", "General responsibilities"), first.section());
    assertEquals("customer", first.holder());
    assertTrue(r.results().stream().allMatch(h -> h.holder().equals("customer")), r.toString());
    assertTrue(r.results().stream().allMatch(h -> h.statement().toLowerCase().contains("certificat")), r.toString());
  }

  @Test
  void findsTheAdfsMultipleForestNoteByPolarityAndSectionPhrase() throws Exception {
    SearchResults r = find("polarity:out_of_scope AND section:\"Enable phase\"");
    List<SearchHit> notes = r.results().stream()
        .filter(h -> h.quote().equals("For all multiple forest configurations, AD FS deployments are out of scope."))
        .toList();
    assertFalse(notes.isEmpty(), r.toString());
    assertTrue(notes.stream().allMatch(h -> h.conditions().equals(List.of("multiple_forest"))), notes.toString());
    // the note stands under an Enable phase in the Intune document and in each revision of the responsibilities one
    assertEquals(Set.of("2016-02-24", "2016-04-27", "2018-03-09", "2018-12-04"),
        Set.copyOf(notes.stream().map(SearchHit::revision).toList()));
    assertTrue(r.results().stream().allMatch(h -> h.polarity().equals("out_of_scope")
        && h.section().stream().anyMatch(s -> s.contains("Enable phase"))), r.toString());
  }

  @Test
  void aRevisionRangeFindsEveryPassageOf2018AndNothingElse() throws Exception {
    SearchResults r = find("revision:[2018-01-01 TO 2018-12-31]");
    assertEquals(passages(p -> p.document().revision().startsWith("2018")), r.total());
    assertEquals(StatementSearch.MAX_LIMIT, r.results().size());
    assertTrue(r.results().stream().allMatch(h -> h.revision().startsWith("2018-")), r.toString());
  }

  @Test
  void aPartialDateStandsForItsWholeYearOrMonth() throws Exception {
    int of2018 = passages(p -> p.document().revision().startsWith("2018"));
    assertEquals(of2018, find("revision:[2018 TO 2018]").total());
    assertEquals(of2018, find("revision:2018").total());
    assertEquals(passages(p -> p.document().revision().startsWith("2018-12")), find("revision:2018-12").total());
    // exclusive bounds leave their dates out
    assertEquals(passages(p -> p.document().revision().compareTo("2018-03-09") > 0),
        find("revision:{2018-03-09 TO *]").total());
    assertEquals(passages(p -> p.document().revision().compareTo("2018") < 0), find("revision:[* TO 2018}").total());
  }

  @Test
  void textIsReadWithTheSynonymsAndStemmingOfTheAnswerEngine() throws Exception {
    // "ADFS" and "AD FS" are one term; "certs" finds "certificates"
    assertEquals(find("\"AD FS\"").total(), find("ADFS").total());
    assertTrue(find("ADFS").results().stream().anyMatch(h -> h.quote().contains("AD FS")));
    assertTrue(find("holder:customer AND certs").results().stream()
        .anyMatch(h -> h.quote().contains("SSL) certificates")));
    // wildcards match the words as written, whatever their case
    assertEquals(find("certificat*").total(), find("Certificat*").total());
  }

  @Test
  void citesEachPassageOnceWithItsLinkAndTheMatchingStatementsClassification() throws Exception {
    SearchResults r = find("condition:multiple_forest");
    Set<String> seen = new HashSet<>();
    for (SearchHit h : r.results()) {
      // a table row and the note in its cell share a line: a passage is its document, line and quote
      assertTrue(seen.add(h.document() + ":" + h.line() + ":" + h.quote()), "cited twice: " + h);
      assertTrue(h.url().endsWith("#L" + h.line()), h.url());
      assertFalse(h.title().isBlank());
      assertTrue(h.conditions().contains("multiple_forest"), h.toString());
      assertFalse(h.statement().isBlank(), h.toString());
    }
    assertEquals(passages(p -> p.statements().stream()
        .anyMatch(s -> s.conditions().contains(com.scopebot.corpus.Condition.MULTIPLE_FOREST))), r.total());
  }

  @Test
  void aNegativeQueryAloneMeansEverythingBut() throws Exception {
    SearchResults r = find("-polarity:none");
    assertTrue(r.total() > 0);
    assertTrue(r.results().stream().noneMatch(h -> h.polarity().equals("none")), r.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "AND (     | unexpected \"AND\" at character 1: AND needs a search term on each side",
      "\"unclosed | the phrase opened by the quote at character 1 is not closed: add a closing \"",
      "text:     | the query ends too soon, after \"text:\" (character 5): a search term should follow",
      "*cert     | a term cannot start with a wildcard (text:*cert): it would have to read every word of the index;"
          + " put at least one letter before * or ?",
      "[2018 TO  | the query ends too soon, after \"[2018 TO\" (character 8): the range is incomplete; write it as"
          + " [2018-01-01 TO 2018-12-31]",
      "(a b      | the query ends too soon, after \"(a b\" (character 4): a ( is not closed; add a )",
      "a) b      | unexpected \")\" at character 2: there is no ( for this ) to close",
      "x /ab     | the regular expression opened by the / at character 3 is not closed: add a closing /",
      "abc\\     | the \\ at character 4 escapes nothing: write \\\\ for a backslash",
      "foo:bar   | unknown field \"foo\" in foo:bar; the fields are text, document, section, holder, polarity,"
          + " revision, condition",
      "polarity:excluded | polarity is one of none, not_included, not_required, not_supported, out_of_scope, requires;"
          + " got \"excluded\"",
      "revision:last-year | revision is a date, YYYY-MM-DD (or YYYY, YYYY-MM); got \"last-year\"",
      "the       | the query has no words to search for (only common words like \"the\"?)",
  })
  void refusesAMalformedQuerySayingWhatAndWhere(String query, String message) {
    assertEquals(message, refusal(query.strip()));
  }

  @Test
  void refusesExpansionsBeyondTheLimitAndBoundsMatchAll() throws Exception {
    assertEquals("/.*/ matches too many words (the limit is 100 for a whole query); make it more specific",
        refusal("/.*/"));
    assertEquals("[a TO z] matches too many words (the limit is 100 for a whole query); make it more specific",
        refusal("text:[a TO z]"));
    try (StatementSearch tight = StatementSearch.build(corpus, Fixtures.bundled().index().synonyms(), 10)) {
      QueryException e = assertThrows(QueryException.class, () -> tight.search("a*", 20));
      assertEquals("a* matches too many words (the limit is 10 for a whole query); make it more specific",
          e.getMessage());
      assertFalse(tight.search("certificat*", 20).results().isEmpty(), "a narrow wildcard still answers");
    }
    SearchResults all = search.search("*:*", 20);
    assertEquals(20, all.results().size());
    assertEquals(passages(p -> true), all.total());
  }

  @Test
  void refusesTooLongQueriesAndLimitsOutOfRange() {
    String q = "x".repeat(StatementSearch.MAX_QUERY_CHARS + 1);
    assertEquals("the query is too long: 501 characters, the limit is 500", refusal(q));
    assertEquals("the query is empty", refusal("  "));
    assertEquals("limit must be between 1 and 100, got 0",
        assertThrows(QueryException.class, () -> search.search("ssl", 0)).getMessage());
  }

  @Test
  void refusesPatternsTooCostlyToCompileAndTooManyOfThem() throws Exception {
    // at Lucene's default limit this one pattern's automaton takes ~0.3 s to build; here it is refused at once
    long start = System.nanoTime();
    String refused = refusal("/c*d{0,9999}/ " .repeat(35).strip());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(refused.startsWith("the regular expression /c*d{0,9999}/ cannot be used"), refused);
    assertTrue(millis < 1000, "refused in " + millis + " ms");
    assertEquals("the query has more than 10 wildcards, fuzzy terms, regular expressions and ranges (at cert*);"
        + " search for fewer at once", refusal("cert* OR ".repeat(10) + "cert*"));
    // ten are allowed
    assertFalse(find("cert* OR ".repeat(9) + "cert*").results().isEmpty());
  }
}
