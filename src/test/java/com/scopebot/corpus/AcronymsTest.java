package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Acronyms the documents define themselves are mined at ingestion, with the shortest run of words that spells them. */
class AcronymsTest {

  @Test
  void minesTheWordsThatSpellTheAcronym() {
    assertEquals(Map.of("ftrsa", "fasttrack recognized solution architect"),
        Acronyms.defined("Nominate a FastTrack Recognized Solution Architect (FTRSA) today."));
  }

  @Test
  void dropsLeadingWordsThatAreNotPartOfTheName() {
    assertEquals(Map.of("mmA".toLowerCase(), "microsoft monitoring agent"),
        Acronyms.defined("Migration from Microsoft Monitoring Agent (MMA) to Azure Monitor Agent."));
  }

  @Test
  void lettersInsideAWordMaySpellTheAcronym() {
    assertEquals(Map.of("lcs", "lifecycle services"), Acronyms.defined("Open Microsoft Dynamics Lifecycle Services (LCS)."));
  }

  @Test
  void aPluralAcronymDefinesTheSingular() {
    assertEquals(Map.of("gpo", "group policy objects"), Acronyms.defined("Group Policy Objects (GPOs) are not used."));
  }

  @Test
  void ignoresParenthesesThatSpellNothing() {
    assertTrue(Acronyms.defined("Portuguese (Brazil) and System Center Configuration Manager (Hybrid)").isEmpty());
    assertFalse(Acronyms.spells("SSO", List.of("Single")));
  }
}
