package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statements are cut and classified once, at ingestion. */
class StatementsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      IT admins are responsible for registering their devices with the Windows Autopilot service.   | CUSTOMER
      The customer must provide a service account.                                                  | CUSTOMER
      You perform the tasks in the remediation plan.                                                | CUSTOMER
      After you purchase licenses, follow the guidance in the confirmation email.                   | CUSTOMER
      FastTrack will verify your eligibility for the service benefit.                               | MICROSOFT
      Microsoft then verifies your eligibility for the benefit.                                     | MICROSOFT
      The project team, including the customer and partners, should provide the information.     | CUSTOMER
      However, you'll have to cover the cost of partner-delivered services.                         | CUSTOMER
      Running the workshops requires a time investment from the project team.                       | CUSTOMER
      Configuring DNS for eligible services.                                                        | NONE
      We recommend that you select a pilot group before the rollout.                               | CUSTOMER
      As stated earlier, Microsoft recommends that project leaders team up with their partner.        | CUSTOMER
      We encourage our customers to review the checklist early.                                     | CUSTOMER
      We suggest you create a test tenant.                                                          | CUSTOMER
      If you are only looking to use app protection, setting up an MDM authority is not required.   | NONE
      During the workshops, the solution architects assess if the project follows best practices.   | MICROSOFT
      The FastTrack engineers review the remediation plan with you.                                  | MICROSOFT
      The partner's solution architects assess the design.                                          | NONE
      Solution architects and partners meet weekly.                                                 | NONE
      Customers have access to implementation guidance during their project.                        | NONE
      Customers have the option to request a second review.                                        | NONE
      Customers have to request a second review.                                                   | CUSTOMER
      """)
  void readsTheSideASentenceNamesAsItsSubject(String sentence, Holder expected) {
    assertEquals(expected, Statements.subjectHolder(sentence));
  }

  @Test
  void aSentencesOwnSubjectOverridesItsSection() {
    List<Statement> s = Statements.of("Customers are responsible for buying the certificates.", "", Holder.MICROSOFT,
        true, Polarity.NONE);
    assertEquals(Holder.CUSTOMER, s.get(0).holder());
    assertTrue(s.get(0).subjectHolder());
    assertTrue(!s.get(0).guidance(), "the section's guidance framing is not the sentence's own");
  }

  @Test
  void cutsAPassageIntoSentencesAndTurningClauses() {
    List<Statement> s = Statements.of("Password hash sync and password writeback support multiple forests. "
        + "However, other writeback scenarios aren't supported.", "", Holder.MICROSOFT, false, Polarity.NONE);
    assertEquals(2, s.size());
    assertEquals(Polarity.NONE, s.get(0).polarity());
    assertEquals(Polarity.NOT_SUPPORTED, s.get(1).polarity());
    assertTrue(s.get(1).conditions().contains(Condition.MULTIPLE_FOREST), "forest topology carries over");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      We don't design or develop a solution for the customer.    | NOT_INCLUDED
      FastTrack doesn't migrate mail flow rules.                  | NOT_INCLUDED
      We have no formal role on the project.                      | NOT_INCLUDED
      We don't need a VPN for the sessions.                       | NONE
      """)
  void aSideSayingItDoesNotDoSomethingExcludesIt(String sentence, Polarity expected) {
    assertEquals(expected, Classifier.polarity(sentence));
  }

  @Test
  void aConcessionIsItsOwnStatement() {
    List<Statement> s = Statements.of("Even though we don't design the solution, we're committed to its success.", "",
        Holder.NONE, false, Polarity.NONE);
    assertEquals(2, s.size(), s.toString());
    assertEquals(Polarity.NOT_INCLUDED, s.get(0).polarity());
    assertEquals(Polarity.NONE, s.get(1).polarity());
  }

  @Test
  void aStatementWithoutScopeWordsInheritsItsHeadingsScope() {
    assertEquals(Polarity.OUT_OF_SCOPE,
        Statements.of("Physical installation.", "", Holder.NONE, false, Polarity.OUT_OF_SCOPE).get(0).polarity());
  }

  @Test
  void aSentenceThatTurnsAgainstItsSectionDoesNotInheritItsExclusion() {
    List<Statement> s = Statements.of("App packaging-only services. However, the team packages apps it has remediated.",
        "", Holder.NONE, false, Polarity.OUT_OF_SCOPE);
    assertEquals(2, s.size(), s.toString());
    assertEquals(Polarity.OUT_OF_SCOPE, s.get(0).polarity());
    assertEquals(Polarity.NONE, s.get(1).polarity(), "\"However, …\" grants what the section excludes");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Enrolling up to two test devices of each supported platform.        | COUNT          | 2.0    |
      Configuring one server on-premises with the RMS Connector.           | COUNT          | 1.0    |
      Configuring two test distribution groups to validate policies.       | COUNT          | 2.0    |
      Licensing two pilot users.                                            | COUNT          | 2.0    |
      Configuring Exchange 2013/2010 on-premises integration.              | VERSIONS       | 0.0    | 2013 2010
      Forests with the functional level set to Windows Server 2008 or above. | MIN_VERSION  | 2008.0 | 2008
      The service currently supports Cassandra versions till 5.0.          | MAX_VERSION    | 5.0    | 5.0
      Mailbox moves from Exchange 2016 or earlier.                          | MAX_VERSION    | 2016.0 | 2016
      Identity integration is a one time activity.                          | ONE_TIME       | 0.0    |
      Onboarding support is provided remotely.                              | REMOTE         | 0.0    |
      Onsite support (FastTrack is remote-only).                            | REMOTE         | 0.0    |
      Installing the client on Windows 10/11, macOS, iOS, and Android clients. | PLATFORMS   | 0.0    | windows macos ios android
      FastTrack provides remote guidance for onboarding to Windows 365.     | REMOTE         | 0.0    |
      Support is available during normal business hours.                    | BUSINESS_HOURS | 0.0    |
      Sessions are available in English, French, German, or Spanish.        | NAMED_LIST     | 0.0    | english french german spanish
      Failover is supported if a load balancer is in place.                 | CONDITION      | 0.0    |
      Integrating Team Viewer (a Team Viewer subscription is required).     | PREREQUISITE   | 0.0    |
      The organization must have an implementation partner.                | PREREQUISITE   | 0.0    |
      """)
  void readsEachKindOfLimit(String sentence, Limit.Kind kind, double max, String values) {
    List<Limit> limits = Constraints.of(sentence).stream().filter(l -> l.kind() == kind).toList();
    assertEquals(1, limits.size(), Constraints.of(sentence).toString());
    assertEquals(max, limits.get(0).max());
    if (values != null) {
      assertEquals(Set.of(values.split(" ")), limits.get(0).values());
    }
  }

  @org.junit.jupiter.api.Test
  void readsTheOtherKindsOfAThingAsExcludedButTheOnesNamed() {
    String passage = "Password hash sync and password writeback support multiple forests. However, other writeback "
        + "scenarios aren't supported.";
    Limit others = OtherKinds.of("However, other writeback scenarios aren't supported.", passage).orElseThrow();
    assertEquals(Limit.Kind.OTHERS_EXCLUDED, others.kind());
    assertEquals("writeback", others.subject());
    assertEquals(Set.of("password"), others.values());
    assertTrue(OtherKinds.of("Other options are described below.", passage).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Up to three (3) or more SaaS application integrations.
      For a single forest when the target is federated identities: installing AD FS.
      Office 365 and Microsoft 365 E5 licenses.
      One of the following identity options.
      Configuring Remote Assistance for help desk staff.
      Configuring app protection for iOS and Android apps.
      Customers with two forests get the same guidance.
      Deploy a sync server per tenant: one sync server cannot synchronize to more than one tenant.
      Users can create servers until November 9, 2025.
      From March 28, 2024 to Sept 30, 2025, updates are applied monthly.
      """)
  void readsNoLimitWhereThereIsNone(String sentence) {
    assertTrue(Constraints.of(sentence).stream()
        .noneMatch(l -> l.kind() == Limit.Kind.COUNT || l.kind() == Limit.Kind.VERSIONS), Constraints.of(sentence)
        .toString());
  }
}
