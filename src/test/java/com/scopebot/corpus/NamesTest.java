package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The names the documents write in capitals are mined, so an acronym they never define finds the one it stands for. */
class NamesTest {

  @Test
  void anAcronymFindsTheCapitalisedWordsThatSpellIt() {
    assertEquals(Optional.of("Solution Blueprint Review"),
        Names.in("Book a Solution Blueprint Review with the team.").spelling("SBR"));
  }

  @Test
  void theHyphenatedPartsOfAWordGiveLettersToo() {
    Names names = Names.in("Customers complete a Go-live Readiness Review before launch.");
    assertEquals(Optional.of("Go-live Readiness"), names.spelling("GLR"));
    assertEquals(Optional.of("Go-live Readiness Review"), names.spelling("GLRR"));
    assertEquals(Optional.of("Go-live Readiness Review"), names.spelling("GRR"));
  }

  @Test
  void smallConnectingWordsGiveNoLetter() {
    assertEquals(Optional.of("Microsoft Defender for Identity"),
        Names.in("Onboarding Microsoft Defender for Identity sensors.").spelling("MDI"));
  }

  @Test
  void aNameIsCutOnlyAtItsEndsNeverFromItsMiddle() {
    Names names = Names.in("Questions go to the Contoso Desk App Assure Team.");
    assertEquals(Optional.of("Contoso Desk App"), names.spelling("CDA"));
    assertEquals(Optional.of("Desk App Assure Team"), names.spelling("DAAT"));
    assertEquals(Optional.empty(), names.spelling("DAA"));
  }

  @Test
  void aLowerCaseTailAfterAHyphenIsNoPartOfTheName() {
    Names names = Names.in("Microsoft is responsible for Microsoft Managed Desktop-specific setup. "
        + "Enroll Microsoft Managed Desktop-managed devices. Microsoft Managed Desktop monitors them.");
    assertEquals(Optional.of("Microsoft Managed Desktop"), names.spelling("MMD"), "one name, three ways of writing it");
  }

  @Test
  void twoNamesThatSpellTheSameAcronymAnswerNeither() {
    assertEquals(Optional.empty(),
        Names.in("Sign the Data Access Agreement. Then call Desktop App Assure.").spelling("DAA"));
  }

  @Test
  void lowerCaseWordsAndPunctuationAreNoName() {
    assertEquals(Optional.empty(), Names.in("Set the user principal name first.").spelling("UPN"));
    assertEquals(Optional.empty(), Names.in("Solution, Blueprint Review.").spelling("SBR"));
    assertEquals(Optional.empty(), Names.in("Solution Blueprint Review.").spelling("SB"));
  }
}
