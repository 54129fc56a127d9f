package com.scopebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.scopebot.Fixtures;
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

  @Test
  void findsATermByItsIdExactlyWhereItFindsItByItsText() throws Exception {
    PassageIndex index = Fixtures.bundled().index();
    java.util.Set<String> terms = new java.util.TreeSet<>(java.util.List.of("nosuchterm", "", "zzzz"));
    for (PassageIndex.Entry e : index.entries()) {
      terms.addAll(java.util.Arrays.asList(e.textTerms()));
      terms.addAll(java.util.Arrays.asList(e.contextTerms()));
    }
    int checked = 0;
    for (PassageIndex.Entry e : index.entries()) {
      for (String t : terms) {
        int id = index.termId(t);
        assertEquals(e.inText(t), e.inText(id), t + " in the text of " + e.ordinal());
        assertEquals(e.inContext(t), e.inContext(id), t + " in the context of " + e.ordinal());
        checked++;
      }
    }
    assertEquals(-1, index.termId("nosuchterm"));
    org.junit.jupiter.api.Assertions.assertTrue(checked > 100_000, "checked " + checked);
  }
}
