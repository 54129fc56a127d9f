package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.eval.ConfidenceFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The confidence model: fitted weights by name, a probability, and the threshold under which answers are withheld. */
class ConfidenceTest {

  private static double[] features(double coverage, double own) {
    double[] x = new double[Confidence.NAMES.size()];
    x[Confidence.NAMES.indexOf("coverage")] = coverage;
    x[Confidence.NAMES.indexOf("own")] = own;
    return x;
  }

  @Test
  void theJarCarriesAFittedModelWithEveryWeightNamed() {
    Confidence fitted = Confidence.fitted();
    Properties p = fitted.properties();
    Confidence.NAMES.forEach(n -> assertTrue(p.containsKey("weight." + n), n));
    assertTrue(fitted.threshold() > 0 && fitted.threshold() < 1, String.valueOf(fitted.threshold()));
  }

  @Test
  void refusesAModelThatLacksAWeight() {
    Properties p = Confidence.fitted().properties();
    p.remove("weight.margin");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Confidence.of(p));
    assertEquals("confidence model lacks weight.margin", e.getMessage());
  }

  @Test
  void fittingLearnsWhatMakesAnAnswerRightAndIsCalibrated() {
    // answers are right with probability 0.2 + 0.7 * own: the fit must find that and say so
    Random random = new Random(7);
    List<ConfidenceFit.Example> examples = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      double own = random.nextDouble();
      examples.add(new ConfidenceFit.Example(features(random.nextDouble(), own), random.nextDouble() < 0.2 + 0.7 * own,
          false));
    }
    Confidence model = ConfidenceFit.fit(examples, 1.0, 0.8);
    double low = model.probability(features(0.5, 0.1));
    double high = model.probability(features(0.5, 0.9));
    assertEquals(0.27, low, 0.06);
    assertEquals(0.83, high, 0.06);
    // the threshold keeps the answers right at least 80 % of the time
    long committed = examples.stream().filter(e -> model.probability(e.x()) >= model.threshold())
        .count();
    long right = examples.stream().filter(e -> model.probability(e.x()) >= model.threshold())
        .filter(ConfidenceFit.Example::right).count();
    assertTrue(right >= 0.8 * committed, right + " of " + committed);
  }

  @Test
  void aThresholdByWorthWithholdsWhatIsMoreOftenWrongThanTheCostAllows() {
    List<ConfidenceFit.Example> examples = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      examples.add(new ConfidenceFit.Example(features(1, 1), i < 95, false)); // 95 % right
      examples.add(new ConfidenceFit.Example(features(0, 0), i < 60, false)); // 60 % right
    }
    // a wrong answer costing 2: the 60 % group is worth 60 - 80 < 0, so it is withheld; the 95 % one is not
    Confidence model = ConfidenceFit.fit(examples, 0.1, 0.95, 2);
    assertTrue(model.probability(features(1, 1)) >= model.threshold());
    assertTrue(model.probability(features(0, 0)) < model.threshold());
  }
}
