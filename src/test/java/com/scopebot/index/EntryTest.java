package com.scopebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each indexed statement carries the weight of each of its own words, the ones answering reads per candidate. */
class EntryTest {

  @Test
  void weighsEachOfAStatementsWordsAsTheIndexDoes() throws Exception {
    PassageIndex index = Fixtures.bundled().index();
    PassageIndex.Entry e = index.search(index.terms("AD FS multiple forests").stream()
        .collect(java.util.stream.Collectors.toMap(t -> t, t -> 1.0)), 1).get(0).entry();
    double all = 0;
    for (int i = 0; i < e.textTerms().length; i++) {
      assertEquals(index.weight(e.textTerms()[i]), e.textWeights()[i], "weight of " + e.textTerms()[i]);
      all += index.weight(e.textTerms()[i]);
    }
    assertEquals(all, e.textWeight());
  }

  @Test
  void refusesWeightsThatDoNotMatchTheTerms() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PassageIndex.Entry(0, null, null, new String[] {"adf", "forest"}, new String[0], new double[] {1.0},
            new int[] {0, 1}, new int[0]));
    assertEquals("one weight and one id per term: 2 terms, got 1 weights and 2 ids", e.getMessage());
  }

  /** Ranking merges a statement's term ids with the question's: they must be sorted, one per term, in its order. */
  @Test
  void numbersEachTermInTheOrderOfTheTerms() throws Exception {
    PassageIndex index = Fixtures.bundled().index();
    int checked = 0;
    for (PassageIndex.Entry e : index.entries()) {
      for (String[] terms : List.of(e.textTerms(), e.contextTerms())) {
        int[] ids = terms == e.textTerms() ? e.textIds() : e.contextIds();
        for (int i = 0; i < terms.length; i++) {
          assertEquals(index.termId(terms[i]), ids[i], terms[i]);
          if (i > 0) {
            assertTrue(ids[i - 1] < ids[i], "ids sorted and distinct at " + terms[i]);
          }
          checked++;
        }
      }
    }
    assertEquals(-1, index.termId("nosuchterm"));
    assertTrue(checked > 10_000, "checked " + checked);
  }
}
