package com.scopebot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A CSV cell that a spreadsheet would run as a formula stays text. */
class GapsCsvTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
      "+1+2|'+1+2",
      "-2+3|'-2+3",
      "@SUM(A1)|'@SUM(A1)",
      "\"  =1+1\"|\"'  =1+1\"",
      "\uff1d1+1|'\uff1d1+1",
      "Is Sentinel in scope?|Is Sentinel in scope?",
      "AD FS - multiple forests|AD FS - multiple forests",
      "\"\"|\"\""})
  void defusesCellsThatStartAFormula(String text, String expected) {
    assertEquals(expected, GapsCsv.cell(text));
  }

  @ParameterizedTest
  @CsvSource(value = {"\t=1", "\r=1"}, ignoreLeadingAndTrailingWhitespace = false)
  void defusesATabOrCarriageReturnFirst(String text) {
    assertEquals("'" + text, GapsCsv.cell(text));
  }
}
