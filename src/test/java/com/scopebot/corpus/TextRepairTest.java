package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextRepairTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "make sure youâ€™re ready|make sure you’re ready",
      "Microsoftâ€™s Enterprise Mobility|Microsoft’s Enterprise Mobility",
      "cafÃ© and naÃ¯ve|café and naïve",
      "already fine: you’re, café, Ã  la carte|already fine: you’re, café, Ã  la carte"})
  void repairsMojibakeAndLeavesRealTextAlone(String in, String out) {
    assertEquals(out, TextRepair.repairMojibake(in));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "see [Quick start] (https://x.test/a#b) now|see [Quick start](https://x.test/a#b) now",
      "[a](b) stays|[a](b) stays",
      "[not a link] (just words) here|[not a link] (just words) here"})
  void joinsSpacedLinks(String in, String out) {
    assertEquals(out, TextRepair.joinSpacedLinks(in));
  }
}
