package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statement that lists the device platforms it is for answers a question about another platform: not covered. */
class PlatformListTest {

  @TempDir static Path dir;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Fixtures.ledgers(dir, """
        ## What FastTrack does

        - Installing the ledger client on Windows 10/11, macOS, iOS, and Android devices.
        - Guidance on reconciling ledgers each month.
        """);
    answerer = Engine.load(dir, null);
  }

  @Test
  void aPlatformTheListLeavesOutIsNotCovered() {
    Answer a = answerer.answer("Our developers use Ubuntu laptops. Can FastTrack guide installing the ledger client on "
        + "those Linux machines?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("Linux is not among them"), a.answer());
  }

  @Test
  void aDeviceStandsForItsPlatform() {
    // "Chromebooks" are ChromeOS devices, which the list leaves out; "MacBooks" and "iPhones" are among it
    Answer a = answerer.answer("Can FastTrack guide installing the ledger client on our Chromebooks?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("ChromeOS is not among them"), a.answer());
    for (String devices : new String[] {"MacBooks", "iPhones"}) {
      Answer named = answerer.answer("Can FastTrack guide installing the ledger client on our " + devices + "?");
      assertEquals(Verdict.IN_SCOPE, named.verdict(), devices + ": " + named.answer());
    }
  }

  @Test
  void aPlatformTheListNamesIsCovered() {
    Answer a = answerer.answer("Can FastTrack guide installing the ledger client on our macOS laptops?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
  }
}
