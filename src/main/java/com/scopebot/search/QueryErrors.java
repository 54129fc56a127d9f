package com.scopebot.search;

import static org.apache.lucene.queryparser.classic.QueryParserConstants.AND;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.CARAT;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.EOF;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.FUZZY_SLOP;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.NUMBER;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.OR;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.RANGEEX_END;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.RANGEIN_END;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.RANGE_GOOP;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.RANGE_TO;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.RPAREN;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.TERM;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;

/**
 * Says what is wrong with a query the classic parser refused, and where, in words for the person who wrote it —
 * rather than the parser's list of expected token kinds. Positions are 1-based characters of the query.
 */
final class QueryErrors {

  private QueryErrors() {}

  /** The message for a refused query: the parser wraps what went wrong, so the cause says it best. */
  static String describe(String query, ParseException e) {
    Throwable cause = e.getCause();
    if (cause instanceof FieldQueryParser.Refused) {
      return cause.getMessage();
    }
    if (cause instanceof ParseException syntax && syntax.currentToken != null && syntax.currentToken.next != null) {
      return syntax(query, syntax);
    }
    if (cause instanceof TokenMgrError lexical) {
      return lexical(query, lexical);
    }
    if (cause instanceof IndexSearcher.TooManyClauses) {
      return "the query has too many terms: the limit is " + IndexSearcher.getMaxClauseCount();
    }
    return "the query cannot be read: " + (cause == null ? e.getMessage() : cause.getMessage());
  }

  /** A token where the grammar wanted another. The parser's columns are 0-based offsets into the query. */
  private static String syntax(String query, ParseException e) {
    Token found = e.currentToken.next;
    Set<Integer> expected = new HashSet<>();
    for (int[] sequence : e.expectedTokenSequences) {
      if (sequence.length > 0) {
        expected.add(sequence[0]);
      }
    }
    String where = found.kind == EOF
        ? "the query ends too soon, after \"" + tail(query) + "\" (character " + query.length() + "): "
        : "unexpected \"" + found.image + "\" at character " + (found.beginColumn + 1) + ": ";
    if (found.kind == RPAREN && !expected.contains(RPAREN)) {
      return where + "there is no ( for this ) to close";
    }
    if ((found.kind == AND || found.kind == OR) && expected.contains(TERM)) {
      return where + found.image.strip() + " needs a search term on each side";
    }
    if (expected.contains(RANGE_TO) || expected.contains(RANGE_GOOP) || expected.contains(RANGEIN_END)
        || expected.contains(RANGEEX_END)) {
      return where + "the range is incomplete; write it as [2018-01-01 TO 2018-12-31]";
    }
    if (expected.contains(RPAREN) && found.kind == EOF) {
      return where + "a ( is not closed; add a )";
    }
    if (expected.contains(TERM)) {
      return where + (found.kind == EOF ? "a search term should follow" : "a search term is expected here");
    }
    if (expected.contains(NUMBER) && (e.currentToken.kind == CARAT || e.currentToken.kind == FUZZY_SLOP)) {
      return where + "a number should follow " + e.currentToken.image;
    }
    return where + "the query syntax does not allow it here";
  }

  /** The end of the query, to show where it stopped. */
  private static String tail(String query) {
    String q = query.strip();
    return q.length() <= 30 ? q : "…" + q.substring(q.length() - 29);
  }

  /**
   * Text the lexer could not cut into tokens: a phrase or a regular expression left open, or a backslash at the end.
   * The query is read again here, as the lexer reads it, to find where the open one began.
   */
  private static String lexical(String query, TokenMgrError e) {
    char open = 0;
    int openedAt = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        if (i == query.length() - 1) {
          return "the \\ at character " + (i + 1) + " escapes nothing: write \\\\ for a backslash";
        }
        i++; // the escaped character means itself
      } else if (open == 0 && (c == '"' || c == '/')) {
        open = c;
        openedAt = i + 1;
      } else if (c == open) {
        open = 0;
      }
    }
    if (open == '"') {
      return "the phrase opened by the quote at character " + openedAt + " is not closed: add a closing \"";
    }
    if (open == '/') {
      return "the regular expression opened by the / at character " + openedAt + " is not closed: add a closing /";
    }
    return "the query cannot be read: " + e.getMessage();
  }
}
