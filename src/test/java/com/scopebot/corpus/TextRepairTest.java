package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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

  @Test
  void dropsFootnoteMarksTheDocumentHasFootnotesFor() {
    String source = "* Windows Server 2012 R2.2\n* Windows Server 2016.2\n* Device discovery.1\n\n"
        + "1 Only some aspects of device discovery are supported.\n\n2 Server support is limited to the agent.\n";
    assertEquals("* Windows Server 2012 R2.\n* Windows Server 2016.\n* Device discovery.\n\n"
        + "1 Only some aspects of device discovery are supported.\n\n2 Server support is limited to the agent.\n",
        TextRepair.dropFootnoteMarks(source));
  }

  @Test
  void keepsNumbersNoFootnoteExplains() {
    String source = "* Configuration Manager version 1.2\n* Requires agent 3.4\n\n2 Server support is limited.\n";
    assertEquals(source, TextRepair.dropFootnoteMarks(source));
  }

  @Test
  void dropsDocfxDirectivesButKeepsTheirLinesAndTheNotes() {
    String md = "# Go-live\n[!include [banner](../includes/banner.md)]\n"
        + ":::image type=\"content\" source=\"media/phases.png\" alt-text=\"Screenshot of the phases.\":::\n"
        + "> [!div class=\"mx-tableFixed\"]\n> [!NOTE]\n> Go-live needs a review.\n- Update the go-live date.\n";
    String repaired = TextRepair.repair(md);
    assertEquals("# Go-live\n\n\n\n> [!NOTE]\n> Go-live needs a review.\n- Update the go-live date.\n", repaired);
    List<Passage> passages = new DocumentParser().parse("golive.md", md, null, "2020-01-01").passages();
    assertTrue(passages.stream().noneMatch(p -> p.text().contains("Screenshot") || p.text().contains("banner")),
        passages.toString());
    assertEquals(7, passages.stream().filter(p -> p.text().startsWith("Update")).findFirst().orElseThrow().line());
  }
}
