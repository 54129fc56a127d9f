package com.scopebot.search;

import java.util.List;
import java.util.Objects;

/**
 * What a search found: the best passages, and how many passages matched in all.
 *
 * @param query the query as given
 * @param total how many distinct passages match, of which {@code results} are the best
 * @param results the passages, best first (ties in corpus order), one for each passage
 */
public record SearchResults(String query, int total, List<SearchHit> results) {

  public SearchResults {
    Objects.requireNonNull(query, "query");
    results = List.copyOf(results);
    if (total < results.size()) {
      throw new IllegalArgumentException("total must count at least the results, got " + total + " for "
          + results.size());
    }
  }
}
