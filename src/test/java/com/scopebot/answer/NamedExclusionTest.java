package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question that names the very case an exclusion names ("we run Windows 365 Business") is answered by the exclusion,
 * even when a grant holds more of its asking clause.
 */
class NamedExclusionTest {

  @TempDir static Path dir;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Fixtures.ledgers(dir, """
        ## What FastTrack does

        - FastTrack provides remote guidance for onboarding to Windows 365 Enterprise, Windows 365 Flex, \
        and Windows 365 Government.
        - Guidance on configuring ledger retention policies.
        - Guidance on enrolling mobile devices in the ledger app.
        - Reviewing the network requirements for ledger sync.
        - Planning the migration of archived ledgers.
        - Providing remote support during onboarding.
        - Support for ledger sync agents.

        ## Your responsibilities

        - Assign licences to your users.
        - Keep your source environment patched.
        - Provide an administrator for the onboarding calls.

        ## Out of scope

        - Support for Windows 365 Business.
        - Writing custom ledger reports.
        """);
    answerer = Engine.load(dir, null);
  }

  @Test
  void theExclusionThatNamesTheCaseAskedAboutAnswersIt() {
    Answer a = answerer.answer("We run Windows 365 Business for 25 people. Will FastTrack help onboard our Cloud PCs?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertEquals("Support for Windows 365 Business.", a.citations().get(0).quote());
  }

  @Test
  void aQuestionThatNamesNoExcludedCaseKeepsTheGrant() {
    Answer a = answerer.answer(
        "We run Windows 365 Enterprise for 25 people. Will FastTrack help onboard our Cloud PCs?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().startsWith("FastTrack provides remote guidance"), a.answer());
  }
}
