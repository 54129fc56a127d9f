package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one line a quiet build ends with. */
class TestSummaryTest {

  private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

  @TempDir Path target;

  private void report(String dir, String name, String counts, Instant written) throws Exception {
    Path file = Files.createDirectories(target.resolve(dir)).resolve("TEST-" + name + ".xml");
    Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + name + "\" " + counts
        + "><testcase name=\"x\"/><system-out><![CDATA[<testsuite tests=\"99\">]]></system-out></testsuite>\n");
    Files.setLastModifiedTime(file, FileTime.from(written));
  }

  private String summary() throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      TestSummary.main(new String[] {START.toString(), target.resolve("surefire-reports").toString(),
          target.resolve("failsafe-reports").toString()});
    } finally {
      System.setOut(saved);
    }
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void sumsTheUnitAndJarTestsOfThisBuildOnOneLine() throws Exception {
    Instant during = START.plus(3, ChronoUnit.MINUTES);
    report("surefire-reports", "a.ATest", "tests=\"12\" errors=\"0\" skipped=\"1\" failures=\"2\"", during);
    report("surefire-reports", "b.BTest", "tests=\"5\" errors=\"1\" skipped=\"0\" failures=\"0\"", during);
    report("failsafe-reports", "c.CIT", "tests=\"2\" errors=\"0\" skipped=\"0\" failures=\"0\"", during);
    assertEquals("Tests: 19 run, 2 failed, 1 errors, 1 skipped", summary());
  }

  @Test
  void leavesOutReportsAnEarlierBuildLeftBehind() throws Exception {
    report("surefire-reports", "a.ATest", "tests=\"12\" errors=\"0\" skipped=\"0\" failures=\"0\"",
        START.plus(1, ChronoUnit.SECONDS));
    report("surefire-reports", "old.RenamedTest", "tests=\"7\" errors=\"0\" skipped=\"0\" failures=\"3\"",
        START.minus(1, ChronoUnit.DAYS));
    assertEquals("Tests: 12 run, 0 failed, 0 errors, 0 skipped", summary());
  }

  @Test
  void saysNoneRanWhenThereAreNoReports() throws Exception {
    assertEquals("Tests: 0 run, 0 failed, 0 errors, 0 skipped", summary());
  }
}
