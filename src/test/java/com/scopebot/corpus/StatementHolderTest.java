package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who holds a statement that no heading gives to a side: its own subject, or the reader of an instruction. */
class StatementHolderTest {

  private static Statement read(String sentence) {
    return Statements.of(sentence, "", Holder.NONE, false, Polarity.NONE).get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      The project team sends an e-mail to the FastTrack mailbox.                  | CUSTOMER
      Remediation items suggested by the FastTrack Center must be completed by you. | CUSTOMER
      Onboarding support is provided by the FastTrack Center.                     | MICROSOFT
      The implementation partner builds and tests the solution.                   | CUSTOMER
      The admin adds more project team members.                                   | CUSTOMER
      Microsoft switches on the production environment after the review.          | MICROSOFT
      Gather consent from the customer before you share project documents.        | CUSTOMER
      Send the completed checklist to your FastTrack contact.                     | CUSTOMER
      Complete: The go-live readiness review is complete.                         | NONE
      Provide available documentation and software tools, admin consoles, and scripts. | NONE
      The FastTrack Center: Configures the migration tools on the admin workstations. | MICROSOFT
      Customer: Provides the list of mailboxes to migrate.                        | CUSTOMER
      FastTrack recommends and provides guidance for an in-place upgrade to Windows 10. | MICROSOFT
      Guides for: Windows feature updates; Microsoft 365 Apps for enterprise updates. | NONE
      On a best-effort basis, Microsoft Support might advise on the firewall setup. | MICROSOFT
      For most scenarios, the customer configures the firewall.                   | CUSTOMER
      Issues caused by saturation must be investigated and mitigated by the customer. | CUSTOMER
      These specialists also provide migration guidance.                          | MICROSOFT
      Our analysts will review every alert within the hour.                       | MICROSOFT
      However, the Widget Assure team packages the apps it has fixed.              | MICROSOFT
      The Widget Service Engineering Team will pause the release.                 | MICROSOFT
      The Project Management team approves the plan.                              | NONE
      The network team opens the firewall ports.                                  | NONE
      The Widget team of experts is available by phone.                           | NONE
      Review: The Widget team has shared the outcome with the project team.       | NONE
      """)
  void readsTheSideFromTheSentenceItself(String sentence, Holder expected) {
    assertEquals(expected, read(sentence).holder());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Disabled users will not be migrated.          | NOT_INCLUDED
      Custom plug-ins aren't converted.             | NONE
      Existing reports can't be moved.              | NOT_INCLUDED
      This feature isn't available to all projects yet. | NOT_INCLUDED
      Project reviews are not offered for trials.   | NOT_INCLUDED
      Pass-through sign-in (not available in sovereign clouds). | NONE
      """)
  void readsAPassiveDenialOfTheWorkAsAnExclusion(String sentence, Polarity expected) {
    assertEquals(expected, read(sentence).polarity());
  }

  @org.junit.jupiter.api.Test
  void aCarveOutOfAGrantIsAnExclusionOfItsOwn() {
    java.util.List<Statement> parts = Statements.of("Transitioning from a third-party provider except for configuring"
        + " enhanced filtering for connectors.", "", Holder.MICROSOFT, true, Polarity.NONE);
    assertEquals(2, parts.size(), parts.toString());
    assertEquals(Polarity.NONE, parts.get(0).polarity());
    assertEquals(StatementKind.EXCLUSION, parts.get(1).kind());
    assertEquals("except for configuring enhanced filtering for connectors.", parts.get(1).text());
  }
}
