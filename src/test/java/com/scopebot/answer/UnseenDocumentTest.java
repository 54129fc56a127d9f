package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document of the same kind but another layout: the bot must read it with no code change. */
class UnseenDocumentTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("teams-rooms-benefit.md"), """
        ---
        title: FastTrack for Teams Rooms
        ms.date: 05/06/2021
        ---
        # FastTrack for Teams Rooms

        ## What FastTrack does

        - Guidance on configuring resource accounts for meeting room devices.
        - Guidance on enrolling up to five Teams Rooms devices in Intune.
        - Before go-live, we jointly verify the room firmware versions with you.

        ## What you do

        - Procure and install the room hardware, displays and cabling.

        ## Out of scope

        - Physical installation of room devices.
        - Third-party video conferencing interoperability.

        The following aren't included:

        - On-site visits.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void readsWhatFastTrackDoesAsMicrosofts() {
    Answer a = answerer.answer("Who configures resource accounts for meeting rooms?");
    assertEquals("microsoft", a.citations().get(0).holder());
    assertEquals(Verdict.SHARED, a.verdict(), "guidance: FastTrack guides, the customer performs");
  }

  @Test
  void readsWhatYouDoAsTheCustomers() {
    Answer a = answerer.answer("Who installs the room displays?");
    assertEquals(Verdict.CUSTOMER, a.verdict());
  }

  @Test
  void takesScopeFromAnOutOfScopeHeading() {
    Answer a = answerer.answer("Is third-party video conferencing interoperability covered?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict());
    assertEquals("Third-party video conferencing interoperability.", a.citations().get(0).quote());
  }

  @Test
  void takesScopeFromAListIntroduction() {
    Answer a = answerer.answer("Does FastTrack do on-site visits?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict());
    assertTrue(a.citations().get(0).quote().contains("On-site visits"));
  }

  @Test
  void answersHowManyFromTheNumberInTheBullet() {
    Answer a = answerer.answer("How many Teams Rooms devices can be enrolled?");
    assertEquals(Verdict.INFO, a.verdict());
    assertTrue(a.citations().get(0).quote().contains("up to five"), a.citations().get(0).quote());
  }

  @Test
  void workBothSidesDoTogetherIsShared() {
    Answer a = answerer.answer("Who verifies the room firmware versions before go-live?");
    assertEquals(Verdict.SHARED, a.verdict(), a.answer());
    assertEquals("Shared — the documents say FastTrack and the customer do it together.", a.answer().split("\n")[0],
        a.answer());
  }
}
