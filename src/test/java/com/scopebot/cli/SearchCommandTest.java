package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Engine;
import org.junit.jupiter.api.Test;

/** {@code search}: what a support engineer reads at the terminal, and what a script reads with --json. */
class SearchCommandTest {

  private static final String CORPUS = Engine.DEFAULT_CORPUS.toString();

  @Test
  void printsTheCountThenEachPassageWithItsTrailClassificationAndLink() {
    MainTest.Run r = MainTest.run("search", "--corpus", CORPUS, "holder:customer AND certificat*");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("3 passages match:\n\n[1] “Provide and configure any public Secure Sockets Layer (SSL)"
        + " certificates.”\n    Your responsibilities › General responsibilities (2018-08-13)\n"
        + "    holder:customer polarity:none\n    https://github.com/MicrosoftDocs/EMDocs/blob/"), r.out());
    assertTrue(r.out().contains("holder:customer polarity:none condition:if_required"), r.out());
  }

  @Test
  void joinsTheWordsOfTheQueryAndPrintsJsonForScripts() throws Exception {
    MainTest.Run r = MainTest.run("search", "--json", "--limit", "2", "--corpus", CORPUS,
        "polarity:out_of_scope", "AND", "section:\"Enable phase\"");
    assertEquals(0, r.exit(), r.err());
    JsonNode found = new ObjectMapper().readTree(r.out());
    assertEquals("polarity:out_of_scope AND section:\"Enable phase\"", found.get("query").asText());
    assertTrue(found.get("total").asInt() > 2, r.out());
    assertEquals(2, found.get("results").size());
    JsonNode hit = found.get("results").get(0);
    for (String field : new String[] {"quote", "document", "title", "section", "revision", "line", "url", "current",
        "statement", "holder", "polarity", "conditions"}) {
      assertTrue(hit.has(field), field + " missing from " + hit);
    }
    assertEquals("out_of_scope", hit.get("polarity").asText());
  }

  @Test
  void refusesAMalformedQueryWithOneLineSayingWhereAndNoStackTrace() {
    MainTest.Run r = MainTest.run("search", "--corpus", CORPUS, "[2018", "TO");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals("error: the query ends too soon, after \"[2018 TO\" (character 8): the range is incomplete; write it"
        + " as [2018-01-01 TO 2018-12-31]", r.err().strip());
    MainTest.Run limit = MainTest.run("search", "--corpus", CORPUS, "--limit", "0", "ssl");
    assertEquals(2, limit.exit());
    assertEquals("error: limit must be between 1 and 100, got 0", limit.err().strip());
  }
}
