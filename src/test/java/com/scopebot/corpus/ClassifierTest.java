package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "For all multiple forest configurations, AD FS deployments are out of scope.|OUT_OF_SCOPE",
      "However, other writeback scenarios aren’t supported.|NOT_SUPPORTED",
      "FastTrack does not support Windows 10 classic PC management with Intune.|NOT_SUPPORTED",
      "The service benefit does not include assistance for setting up Configuration Manager.|NOT_INCLUDED",
      "Distribution lists in your source tenant aren't a part of mailbox data migration.|NOT_INCLUDED",
      "We can't guarantee the speed of mail or file migrations.|NOT_INCLUDED",
      "Azure won't apply security updates to Widget 8.0.|NOT_INCLUDED",
      "The platform doesn't patch custom images.|NOT_INCLUDED",
      "setting up an MDM authority is not required.|NOT_REQUIRED",
      "Team Viewer for remote assistance (Team Viewer subscription is required).|REQUIRES",
      "Configuring DNS for eligible services.|NONE",
      "Guest accounts are excluded from the migration.|NOT_INCLUDED",
      "Register a device that was previously excluded|NONE",
      "Review the excluded devices report.|NONE",
      "Installing a directory synchronization server, if required.|NONE",
      "Incidents affecting iOS or Android devices are outside the service's scope.|OUT_OF_SCOPE",
      "Custom connectors fall outside of the scope of the benefit.|OUT_OF_SCOPE",
      "Tuning the proxy is beyond the scope of this article.|NONE",
      "Configuring certificates is outside the scope of these guides.|NONE",
      "The customer name won't be resolved based on the provided tenant ID.|NOT_INCLUDED",
      "It can't be cloud-hosted.|NOT_INCLUDED",
      "A licence can't be required for it.|NONE",
      "Customer-managed keys aren't currently supported for backups.|NOT_SUPPORTED",
      "Offline devices are not yet covered by the report.|NOT_INCLUDED",
      "It is not only supported but recommended.|NONE"})
  void readsPolarity(String text, Polarity expected) {
    assertEquals(expected, Classifier.polarity(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "For a single-forest environment:|SINGLE_FOREST",
      "For all multiple forest configurations|MULTIPLE_FOREST",
      "supported multi-forests Active Directory topology|MULTIPLE_FOREST",
      "Testing SSO functionality (if deployed).|IF_REQUIRED",
      "Setting up the Exchange Connector (when applicable).|WHEN_APPLICABLE",
      "Enrolling up to two test devices|LIMITED"})
  void readsConditions(String text, Condition expected) {
    assertTrue(Classifier.conditions(text).contains(expected), () -> Classifier.conditions(text).toString());
  }

  @Test
  void inheritsForestConditionFromLeadInOnlyWhenTheTextNamesNone() {
    assertEquals(Set.of(Condition.SINGLE_FOREST), Classifier.conditions("Configuring PHS.", "For a single-forest environment:"));
    assertEquals(Set.of(Condition.MULTIPLE_FOREST),
        Classifier.conditions("For all multiple forest configurations", "For a single forest when"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Your responsibilities|CUSTOMER",
      "Customer responsibilities|CUSTOMER",
      "Microsoft responsibilities|MICROSOFT",
      "FastTrack Center Benefit Process for Enterprise Mobility Suite - Microsoft's responsibilities|MICROSOFT",
      "FastTrack responsibilities|MICROSOFT",
      "What FastTrack does|MICROSOFT",
      "Customer tasks|CUSTOMER",
      "What you do|CUSTOMER",
      "Expectations for your source environment|NONE",
      "Enable phase|NONE"})
  void readsHolderFromHeadings(String heading, Holder expected) {
    assertEquals(expected, Classifier.holder(List.of(heading), "", "Do something."));
  }

  @Test
  void workDoneTogetherIsJointAndNeverMereDescription() {
    String delivered = "The program is delivered jointly by Microsoft engineering and a qualified implementation partner.";
    assertTrue(JointWork.joint(delivered));
    assertTrue(JointWork.joint("It is delivered in conjunction with a qualified implementation partner."));
    assertTrue(JointWork.joint("Before go-live, we'll jointly verify the outcomes with you."));
    assertFalse(JointWork.joint("We verify the outcomes of the remediation activities."));
    assertEquals(StatementKind.GRANT, Classifier.kind(delivered, Polarity.NONE, Holder.NONE, "",
        StatementKind.DESCRIPTION, false), "a paragraph saying who does the work grounds a who-answer");
  }

  @Test
  void innermostResponsibilityHeadingWins() {
    assertEquals(Holder.CUSTOMER,
        Classifier.holder(List.of("Microsoft responsibilities", "Your responsibilities", "General"), "", "x"));
  }

  @Test
  void readsHolderFromTheSentenceWhenTheSectionNamesNone() {
    assertEquals(Holder.MICROSOFT, Classifier.holder(List.of("Enable phase"), "Phases", "For Intune, we guide you through it."));
    assertEquals(Holder.CUSTOMER, Classifier.holder(List.of("Remediate phase"), "Phases", "You perform the tasks in the plan."));
  }

  @Test
  void inheritsScopeFromAnOutOfScopeHeadingOrAListIntroduction() {
    assertEquals(Polarity.OUT_OF_SCOPE, Classifier.inherited(List.of("Benefit", "Out of scope"), ""));
    assertEquals(Polarity.NOT_INCLUDED, Classifier.inherited(List.of("Benefit"), "The following aren't included:"));
    assertEquals(Polarity.NONE, Classifier.inherited(List.of("Benefit", "Enable phase"), "Provide guidance about:"));
    assertEquals(Polarity.NONE, Classifier.inherited(List.of("Benefit"), "Other scenarios aren't supported."),
        "only a list introduction (ending in ':') carries over");
  }

  @Test
  void seesGuidanceInTheLeadIn() {
    assertTrue(Classifier.guidance("Configuring DNS.", "Provide guidance about:"));
  }

  @Test
  void guidanceNamedOnlyInAnExampleIsNotTheWorksOwn() {
    assertFalse(Classifier.guidance("Hold conference calls with you to review the progress of the remediation "
        + "activities, for example, guide you through installation prerequisites.", ""));
    assertTrue(Classifier.guidance("Guide you through installation prerequisites, for example, the ports.", ""));
  }
}
