package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.scopebot.Fixtures;
import com.scopebot.index.PassageIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One pass over a statement's term ids finds what a search for each topic term would. */
class TopicHeldTest {

  @Test
  void holdsWhatASearchPerTermFinds() throws Exception {
    PassageIndex index = Fixtures.bundled().index();
    TreeSet<String> vocabulary = new TreeSet<>();
    for (PassageIndex.Entry e : index.entries()) {
      vocabulary.addAll(Arrays.asList(e.textTerms()));
      vocabulary.addAll(Arrays.asList(e.contextTerms()));
    }
    List<String> words = new ArrayList<>(vocabulary);
    Random random = new Random(7);
    int compared = 0;
    for (int question = 0; question < 100; question++) {
      // topics of 1 to 24 terms, some of them in no statement
      List<String> topic = new ArrayList<>();
      for (int i = random.nextInt(24); i >= 0; i--) {
        topic.add(random.nextInt(10) == 0 ? "notaterm" + i : words.get(random.nextInt(words.size())));
      }
      int[] ids = topic.stream().mapToInt(index::termId).filter(id -> id >= 0).distinct().sorted().toArray();
      TopicHeld held = new TopicHeld(ids);
      for (PassageIndex.Entry e : index.entries()) {
        held.read(e);
        double ownHeld = 0;
        for (int i = 0; i < e.textTerms().length; i++) {
          if (Arrays.binarySearch(ids, e.textIds()[i]) >= 0) {
            ownHeld += e.textWeights()[i];
          }
        }
        assertEquals(ownHeld, held.ownWeightHeld(), "own weight held by " + e.ordinal());
        for (String t : topic) {
          double expected = e.inText(t) ? 1 : e.inContext(t) ? PassageIndex.CONTEXT_WEIGHT : 0;
          assertEquals(expected, held.held(held.slot(index.termId(t))), t + " in " + e.ordinal());
          compared++;
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(compared > 100_000, "compared " + compared);
  }
}
