package com.scopebot.service;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.search.StatementSearch;
import org.junit.jupiter.api.Test;

/** The search index follows the corpus in service: none before it loads, one per corpus, a new one after reindex. */
class LiveSearchTest {

  @Test
  void buildsOnTheFirstSearchOncePerCorpusAndAgainAfterAReindex() throws Exception {
    LiveIndex index = new LiveIndex(Fixtures.fixtureCorpus(), null);
    LiveSearch search = new LiveSearch(index);
    assertNull(search.get(), "nothing to search before the index is loaded");
    index.reload();
    StatementSearch first = search.get();
    assertTrue(first.search("AD FS", 20).total() > 0);
    assertSame(first, search.get(), "built once for a corpus");
    index.reload();
    StatementSearch second = search.get();
    assertNotSame(first, second, "a reindex brings a new corpus, so a new search index");
    assertSame(index.get().index().corpus(), second.corpus());
  }
}
