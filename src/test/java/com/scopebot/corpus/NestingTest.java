package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NestingTest {

  @ParameterizedTest(name = "[{0}] is {1} deep")
  @CsvSource(delimiter = '|', value = {
      "plain text                 | 0",
      "'    indented code'        | 0",
      "- item                     | 1",
      "'  - nested item'          | 2",
      "'    - third level'        | 3",
      "> quote                    | 1",
      ">> quote in a quote        | 2",
      "> - item in a quote        | 2",
      "1. first                   | 1",
      "'   2) second, nested'     | 2",
      "- - - three on one line    | 3",
      "---                        | 0",
      "-no space, no marker       | 0",
      "**bold**                   | 0",
      "'\t- tab-indented'         | 3",
  })
  void countsListAndQuoteLevelsFromTheLineStart(String line, int depth) {
    assertEquals(depth, Nesting.depth(line, 0, line.length()));
  }

  @Test
  void namesTheFirstLineOverTheLimit() {
    String text = "# Title\n\n- fine\n" + "- ".repeat(101) + "too deep\n" + "> ".repeat(500) + "deeper\n";
    assertEquals(Optional.of("nested 101 lists and block quotes deep at line 4; the limit is 100"),
        Nesting.tooDeep(text, 100));
  }

  @Test
  void passesTextAtTheLimit() {
    assertEquals(Optional.empty(), Nesting.tooDeep("- ".repeat(100) + "at the limit\n", 100));
  }
}
