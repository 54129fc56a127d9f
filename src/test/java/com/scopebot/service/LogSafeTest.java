package com.scopebot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LogSafeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "plain text|plain text",
      "'a\nb'|a\\nb",
      "'a\r\n12:00:00 INFO forged'|a\\r\\n12:00:00 INFO forged",
      "'tab\there'|tab\\there",
      "'back\\slash'|back\\\\slash"})
  void escapesLineBreaksAndControlCharacters(String in, String out) {
    assertEquals(out, LogSafe.text(in));
  }

  @Test
  void escapesOtherControlsAndUnicodeLineSeparators() {
    assertEquals("\\u0000\\u001b[31m\\u2028\\u0085", LogSafe.text("\u0000\u001b[31m\u2028\u0085"));
  }

  @Test
  void capsLongTextSayingHowLongItWas() {
    String s = LogSafe.text("x".repeat(256 * 1024));
    assertEquals("x".repeat(200) + "…(262144 chars)", s);
  }

  @Test
  void neverCutsACharacterInHalf() {
    String s = LogSafe.text("x".repeat(199) + "😀" + "y");
    assertFalse(s.contains("\ud83d…"), s);
    assertTrue(s.startsWith("x".repeat(199) + "…(202 chars)"), s);
  }

  @Test
  void saysNullForNull() {
    assertEquals("null", LogSafe.text(null));
  }

  @Test
  void framesSayWhereTheDeepestCauseFailedWithoutItsMessage() {
    RuntimeException failure = new RuntimeException("outer", new IllegalStateException("x\n12:00:00 ERROR forged"));
    String frames = LogSafe.frames(failure);
    assertTrue(frames.startsWith("LogSafeTest.framesSayWhereTheDeepestCauseFailedWithoutItsMessage:"), frames);
    assertFalse(frames.contains("forged") || frames.contains("\n"), frames);
    assertTrue(frames.split(" < ").length <= LogSafe.MAX_FRAMES, frames);
  }
}
