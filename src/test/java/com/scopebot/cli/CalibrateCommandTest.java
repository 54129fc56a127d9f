package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.answer.Confidence;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibrate} fits the confidence model on eval sets, reports sets it was not fitted on, and writes the model. */
class CalibrateCommandTest {

  @TempDir Path dir;

  @Test
  void fitsOnTheTuneSetsReportsTheHoldoutAndWritesAModelTheEngineReads() throws Exception {
    Path out = dir.resolve("confidence.properties");
    String eval = "src/test/resources/eval/";
    MainTest.Run r = MainTest.run("calibrate", "--cost", "2", "--tune", eval + "dev.jsonl", eval + "realistic.jsonl",
        "--holdout", eval + "more-docs.jsonl=" + eval + "more-docs", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("fitted on ") && r.out().contains("(66 questions)"), r.out());
    assertTrue(r.out().contains(eval + "more-docs.jsonl=" + eval + "more-docs: 12 questions; committed "), r.out());
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(out)) {
      p.load(in);
    }
    Confidence model = Confidence.of(p);
    assertTrue(model.threshold() >= 0 && model.threshold() < 1, String.valueOf(model.threshold()));
  }

  @Test
  void refusesAnEvalFileThatIsNotThere() {
    MainTest.Run r = MainTest.run("calibrate", "--tune", dir.resolve("missing.jsonl").toString());
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("missing.jsonl"), r.err());
  }
}
