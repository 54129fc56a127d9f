package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.corpus.Corpus;
import com.scopebot.eval.RankingFit;
import com.scopebot.index.PassageIndex;
import com.scopebot.index.Synonyms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranking's weights: named in one file, read by ranking, shown by explain, and fitted by calibration. */
class RankWeightsTest {

  @TempDir Path dir;

  @Test
  void theJarCarriesEveryWeightByName() {
    Properties p = RankWeights.fitted().properties();
    RankWeights.NAMES.forEach(n -> assertTrue(p.containsKey("weight." + n), n));
    assertEquals(RankWeights.NAMES.size(), p.size());
  }

  @Test
  void refusesWeightsThatLackOneOrAreNotNumbers() {
    Properties p = RankWeights.fitted().properties();
    p.remove("weight.own");
    assertEquals("ranking weights lack weight.own",
        assertThrows(IllegalArgumentException.class, () -> RankWeights.of(p)).getMessage());
    p.setProperty("weight.own", "a lot");
    assertThrows(IllegalArgumentException.class, () -> RankWeights.of(p));
  }

  @Test
  void rankingReadsTheWeightsItIsGivenAndExplainShowsTheFeatures() throws Exception {
    Files.writeString(dir.resolve("doc.md"), """
        ---
        title: Benefit
        ms.date: 03/01/2018
        ---
        # Microsoft responsibilities
        - Configuring Exchange Online mail flow for your domains.

        # Your responsibilities
        Configuring Exchange Online mail flow is described in the admin guide, which explains every step of the process
        for administrators who want to read more about it.
        """);
    PassageIndex index = PassageIndex.build(Corpus.load(dir), Synonyms.parse(""));
    String question = "who configures Exchange Online mail flow?";
    Answer handSet = new Answerer(index, Confidence.fitted(), RankWeights.fitted()).explain(question);
    Explain.Scored first = handSet.explain().top().get(0);
    assertTrue(first.statement().startsWith("Configuring Exchange Online mail flow for"), first.statement());
    assertEquals(1.0, first.features().get("who_holder"));
    // weights that reward narrative paragraphs put the paragraph first
    double[] w = RankWeights.fitted().values();
    w[RankWeights.NAMES.indexOf("paragraph")] = 5;
    Answer skewed = new Answerer(index, Confidence.fitted(), new RankWeights(w)).explain(question);
    Explain.Scored skewedFirst = skewed.explain().top().get(0);
    assertTrue(skewedFirst.statement().contains("admin guide"), skewedFirst.statement());
    assertEquals(1.0, skewedFirst.features().get("paragraph"));
  }

  @Test
  void fittingLearnsWhichFeatureMarksTheExpectedStatement() {
    // the expected statement is the one that names a side, whatever its coverage: the fit must weigh who_holder up
    int who = RankWeights.NAMES.indexOf("who_holder");
    Random random = new Random(11);
    List<RankingFit.Ranked> questions = new ArrayList<>();
    for (int q = 0; q < 300; q++) {
      int n = 6;
      double[] coverage = new double[n];
      double[][] features = new double[n][RankWeights.NAMES.size()];
      boolean[] expected = new boolean[n];
      int gold = random.nextInt(n);
      for (int i = 0; i < n; i++) {
        coverage[i] = 0.5 + 0.5 * random.nextDouble();
        features[i][who] = i == gold ? 1 : 0;
        expected[i] = i == gold;
      }
      questions.add(new RankingFit.Ranked(coverage, features, expected));
    }
    RankWeights prior = RankWeights.fitted();
    RankWeights fitted = RankingFit.fit(questions, prior, 1.0);
    assertTrue(fitted.values()[who] > 0.5, String.valueOf(fitted.values()[who]));
    assertTrue(RankingFit.firstRight(questions, fitted) > RankingFit.firstRight(questions, prior) + 100);
    assertFalse(Double.isNaN(fitted.values()[0]));
  }
}
