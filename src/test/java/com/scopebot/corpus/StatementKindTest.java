package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each statement's kind is decided once, at ingestion, from its own words, its lead-in and its headings. */
class StatementKindTest {

  @TempDir static Path dir;
  private static Corpus corpus;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(dir.resolve("widget-scope.md"), """
        ---
        title: FastTrack for Widgets
        ms.date: 01/02/2024
        ---
        # FastTrack for Widgets

        Widget Manager is a cloud service that keeps widgets in order across a fleet.

        ## What FastTrack does

        - Guidance on enrolling widgets in Widget Manager.

        ## Your responsibilities

        - Buy the widget licences.
        - Do not remove a widget's owner before its reset.
        - Not only the licences: also the widget stands.

        ## Source environment expectations

        - Widget Server 2019 deployed on premises.

        ## In scope

        - Importing widget inventories from spreadsheets.

        > [!NOTE]
        > WMS stands for Widget Management Service.

        ## FastTrack expectations

        - Assessment – Develop a widget checklist.

        ## Out of scope

        - Building custom widget connectors.

        ## Widget setup

        Widget setup includes the following features:

        - Widget colour profiles

        For more information, see the Widget Manager documentation.
        """);
    corpus = Corpus.load(dir);
  }

  private static Statement statement(String opening) {
    return corpus.passages().stream().flatMap(p -> p.statements().stream())
        .filter(s -> s.text().startsWith(opening)).findFirst()
        .orElseThrow(() -> new AssertionError("no statement starts with " + opening));
  }

  @Test
  void readsAGuidanceBulletAsAGrant() {
    assertEquals(StatementKind.GRANT, statement("Guidance on enrolling").kind());
  }

  @Test
  void readsTheCustomersBulletAsAResponsibility() {
    assertEquals(StatementKind.RESPONSIBILITY, statement("Buy the widget").kind());
  }

  @Test
  void readsAProhibitionAsADescriptionThatSaysNothingOfWhoseTheWorkIs() {
    Statement s = statement("Do not remove a widget");
    assertEquals(Holder.CUSTOMER, s.holder());
    assertEquals(StatementKind.DESCRIPTION, s.kind(), "what the customer must not do is nobody's task by that");
    assertEquals(StatementKind.RESPONSIBILITY, statement("Not only the licences").kind(), "\"not only\" forbids nothing");
  }

  @Test
  void readsAnEnvironmentExpectationAsARequirement() {
    assertEquals(StatementKind.REQUIREMENT, statement("Widget Server 2019").kind());
  }

  @Test
  void readsWhatToExpectOfFastTrackAsAGrantNotARequirement() {
    // "expectations" alone names what FastTrack delivers; only the source environment's expectations are requirements
    assertEquals(StatementKind.GRANT, statement("Assessment – Develop a widget checklist").kind());
  }

  @Test
  void readsABulletUnderInScopeAsAGrant() {
    assertEquals(StatementKind.GRANT, statement("Importing widget").kind());
  }

  @Test
  void readsABulletUnderOutOfScopeAsAnExclusion() {
    assertEquals(StatementKind.EXCLUSION, statement("Building custom widget").kind());
  }

  @Test
  void readsTheItemsOfAnIncludingLeadInAsGrants() {
    assertEquals(StatementKind.GRANT, statement("Widget colour profiles").kind());
  }

  @Test
  void readsWhatAShortNameStandsForAsADescriptionEvenInAListOfWhatIsCovered() {
    assertEquals(StatementKind.DESCRIPTION, statement("WMS stands for").kind());
  }

  @Test
  void readsAProductDefinitionAsADescriptionThatGroundsNoVerdict() {
    Statement s = statement("Widget Manager is a cloud service");
    assertEquals(StatementKind.DESCRIPTION, s.kind());
    assertFalse(s.kind().grounds());
  }

  @Test
  void readsAPointerElsewhereAsNavigation() throws Exception {
    Statement s = statement("For more information");
    assertEquals(StatementKind.NAVIGATION, s.kind());
    assertFalse(s.kind().grounds());
    // it gives nothing to either side, whatever its section's heading says ("Your responsibilities", in the bundled
    // corpus): search by holder never lists it, and it never makes sources differ
    java.util.List<Statement> pointers = com.scopebot.Fixtures.bundled().index().corpus().passages().stream()
        .flatMap(p -> p.statements().stream()).filter(st -> st.text().startsWith("Want to learn more")).toList();
    assertFalse(pointers.isEmpty());
    pointers.forEach(st -> assertEquals(Holder.NONE, st.holder(), st.text()));
    assertTrue(StatementKind.REQUIREMENT.grounds());
  }

  @Test
  void buildsOnePatternFromAWordListWithItsPhrasesAsWholeWords() {
    WordList list = new WordList("test", java.util.List.of("in scope", "what's covered"));
    assertTrue(list.anywhere().matcher("what's  covered here").find());
    assertFalse(list.anywhere().matcher("within scopes").find());
    assertTrue(list.opening().matcher("note: in scope").find());
  }

  @Test
  void readsAWordListOfCommaSeparatedNamesAsGroups() {
    WordList list = new WordList("test", java.util.List.of("windows, win", "inbound ,outbound"));
    assertEquals(java.util.List.of(java.util.List.of("windows", "win"), java.util.List.of("inbound", "outbound")),
        list.groups());
  }

  @Test
  void readsAPointerAfterItsLeadInAsNavigation() {
    assertEquals(StatementKind.NAVIGATION, Classifier.kind(
        "For single- and multiple-forest environments: For more information, see the troubleshooting guide.",
        Polarity.NONE, Holder.MICROSOFT, "", StatementKind.GRANT, false));
  }

  @Test
  void singleSignOnIsANameNotACount() {
    assertTrue(Constraints.of("Configuring Azure Active Directory Seamless Single Sign-On.").stream()
        .noneMatch(l -> l.kind() == Limit.Kind.COUNT));
  }
}
