package com.scopebot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Engine;
import com.scopebot.corpus.Corpus;
import com.scopebot.search.QueryException;
import com.scopebot.search.SearchHit;
import com.scopebot.search.SearchResults;
import com.scopebot.search.StatementSearch;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search QUERY}: precise search in Lucene's query syntax, each passage found cited as answers cite it. */
@Command(name = "search", description = {
    "Searches the documents' statements precisely, in Lucene's query syntax, on the fields text, document, section,"
        + " holder, polarity, revision and condition; words are ANDed unless OR is written.",
    "Examples: 'holder:customer AND certificat*', 'polarity:out_of_scope AND section:\"Enable phase\"',"
        + " 'revision:[2018-01-01 TO 2018-12-31]'."})
final class SearchCommand implements Callable<Integer> {

  @CommandLine.Mixin Main.CorpusOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print {\"query\", \"total\", \"results\": [...]} as one JSON object.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", description = "Passages to show, 1 to "
      + StatementSearch.MAX_LIMIT + " (default: " + StatementSearch.DEFAULT_LIMIT + ").")
  int limit = StatementSearch.DEFAULT_LIMIT;

  @Parameters(paramLabel = "QUERY", arity = "1..*",
      description = "The query (words are joined); quote it for the shell.")
  List<String> words = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Corpus corpus = Corpus.load(options.corpus());
    PrintWriter out = spec.commandLine().getOut();
    try (StatementSearch search = StatementSearch.build(corpus, Engine.synonyms(options.synonyms))) {
      SearchResults found = search.search(String.join(" ", words), limit);
      out.println(json ? json(found) : render(found));
      out.flush();
      return 0;
    } catch (QueryException e) {
      // the person's query, not our failure: one line saying what is wrong and where
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
  }

  private static String json(SearchResults found) throws JsonProcessingException {
    // a mapper made here, not at class load: picocli instantiates every command to run any one
    return new ObjectMapper().writeValueAsString(found);
  }

  /** The count first, then each passage: its quote, where it stands, the statement's classification, its link. */
  static String render(SearchResults found) {
    if (found.total() == 0) {
      return "No passage matches.";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(found.total()).append(found.total() == 1 ? " passage matches" : " passages match")
        .append(found.total() > found.results().size() ? "; the first " + found.results().size() + ":" : ":")
        .append('\n');
    int i = 1;
    for (SearchHit h : found.results()) {
      Citation where = new Citation(h.quote(), h.document(), h.title(), h.section(), h.revision(), h.line(), h.url(),
          h.holder(), h.current());
      sb.append('\n').append('[').append(i++).append("] “").append(h.quote()).append("”\n");
      sb.append("    ").append(where.trail()).append(h.current() ? "" : " — superseded revision").append('\n');
      // as query terms, so a person can narrow the search with them
      sb.append("    holder:").append(h.holder()).append(" polarity:").append(h.polarity());
      h.conditions().forEach(c -> sb.append(" condition:").append(c));
      sb.append('\n');
      if (!h.url().isEmpty()) {
        sb.append("    ").append(h.url()).append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }
}
