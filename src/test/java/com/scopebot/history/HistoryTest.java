package com.scopebot.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.corpus.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements matched across revisions of a document: the same, reworded, moved, added or removed. */
class HistoryTest {

  @TempDir Path dir;

  /** One revision of the document whose asset id ties the revisions together. */
  private void revision(String file, String date, String title, String body) throws IOException {
    Files.writeString(dir.resolve(file), "---\ntitle: " + title + "\nms.date: " + date
        + "\nms.assetid: 0000-responsibilities\n---\n# " + title + "\n\n" + body);
  }

  private History history() throws CorpusException {
    return History.of(Corpus.load(dir));
  }

  private static List<String> texts(List<Change> changes, Change.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).map(Change::text).toList();
  }

  private static Change only(List<Change> changes, Change.Kind kind) {
    List<Change> of = changes.stream().filter(c -> c.kind() == kind).toList();
    assertEquals(1, of.size(), kind + " in " + changes);
    return of.get(0);
  }

  @Test
  void matchesARewordedStatementAndShowsTheWordsChanged() throws Exception {
    revision("a.md", "03/09/2018", "Microsoft responsibilities", """
        ## Enable phase

        - Configuring DNS for eligible services.
        - Enrolling up to two test devices of each supported platform to your Intune service.
        """);
    revision("b.md", "12/04/2018", "FastTrack responsibilities", """
        ## Enable phase

        - Configuring DNS for eligible services.
        - Enrolling devices of each supported platform to your Intune service.
        """);
    Change c = only(history().changes(), Change.Kind.REWORDED);
    assertEquals("Enrolling up to two test devices of each supported platform to your Intune service.",
        c.before().text());
    assertEquals("Enrolling devices of each supported platform to your Intune service.", c.after().text());
    assertEquals("Enrolling [-up to two test-] devices of each supported platform to your Intune service.",
        c.rendered());
    assertEquals(List.of("Enable phase"), c.section());
    assertEquals("2018-03-09", c.older().revision());
    assertEquals("2018-12-04", c.newer().revision());
    assertEquals(1, history().changes().size(), "DNS is unchanged: " + history().changes());
  }

  @Test
  void saysWhenARewordingChangesWhatTheStatementSaysAboutScope() throws Exception {
    revision("a.md", "03/09/2018", "Responsibilities", """
        ## Enable phase

        - AD FS deployments for multiple forests are supported.
        - Configuring DNS for eligible services.
        """);
    revision("b.md", "12/04/2018", "Responsibilities", """
        ## Enable phase

        - AD FS deployments for multiple forests are out of scope.
        - Configuring DNS for eligible services for each tenant.
        """);
    List<Change> reworded = history().changes();
    assertEquals(List.of(true, false), reworded.stream().map(Change::verdictChanged).toList(), reworded.toString());
  }

  @Test
  void findsAStatementMovedToAnotherSection() throws Exception {
    revision("a.md", "03/09/2018", "Responsibilities", """
        ## Assess phase

        - Provide an administrative overview.
        - Provide a remediation checklist.

        ## Enable phase

        - Configuring DNS for eligible services.
        """);
    revision("b.md", "12/04/2018", "Responsibilities", """
        ## Assess phase

        - Provide an administrative overview.

        ## Enable phase

        - Configuring DNS for eligible services.
        - Provide a remediation checklist for both Intune and Azure AD Premium.
        """);
    Change c = only(history().changes(), Change.Kind.MOVED);
    assertEquals(List.of("Assess phase"), c.before().section());
    assertEquals(List.of("Enable phase"), c.after().section());
    assertEquals("Provide a remediation checklist {+for both Intune and Azure AD Premium+}.", c.rendered());
  }

  @Test
  void listsAddedAndRemovedStatementsWithTheOtherRevisionsLink() throws Exception {
    Files.writeString(dir.resolve("sources.json"), """
        {"documents": [
          {"file": "a.md", "repo": "example/docs", "path": "docs/r.md", "commit": "aaa", "committed": "2018-03-09"},
          {"file": "b.md", "repo": "example/docs", "path": "docs/r.md", "commit": "bbb", "committed": "2018-12-04"}]}
        """);
    revision("a.md", "03/09/2018", "Responsibilities", """
        ## Enable phase

        - Configuring DNS for eligible services.
        - Deploying Office Pro Plus onto Windows 10 devices.
        """);
    revision("b.md", "12/04/2018", "Responsibilities", """
        ## Enable phase

        - Configuring DNS for eligible services.
        - Setting up Windows Autopilot.

        > [!NOTE]
        > Setting up Windows Autopilot outside Intune is out of scope for the FastTrack benefit.
        """);
    List<Change> changes = history().changes();
    Change removed = only(changes, Change.Kind.REMOVED);
    assertEquals("Deploying Office Pro Plus onto Windows 10 devices.", removed.text());
    assertEquals("https://github.com/example/docs/blob/aaa/docs/r.md#L11", removed.before().url());
    assertEquals("https://github.com/example/docs/blob/bbb/docs/r.md", removed.newer().permalinkBase());
    assertEquals(List.of("Setting up Windows Autopilot.",
        "Setting up Windows Autopilot outside Intune is out of scope for the FastTrack benefit."),
        texts(changes, Change.Kind.ADDED));
  }

  @Test
  void keepsASectionWhoseHeadingOnlyChangedTheProvidersName() throws Exception {
    revision("a.md", "03/09/2018", "Microsoft responsibilities", """
        ## What Microsoft does

        - Provide remote support assistance.
        """);
    revision("b.md", "12/04/2018", "FastTrack responsibilities", """
        ## What FastTrack does

        - Provide remote support assistance.
        """);
    assertEquals(List.of(), history().changes(), "the same statement in the same section, renamed");
  }

  @Test
  void doesNotMoveALineThatRecursInSeveralSections() throws Exception {
    revision("a.md", "03/09/2018", "Responsibilities", """
        ## Enable phase - Intune

        Provide guidance about:

        - Licensing your end users.

        ## Enable phase - Rights Management

        Provide guidance about:

        - Activating your Azure RMS tenant.
        """);
    revision("b.md", "12/04/2018", "Responsibilities", """
        ## Enable phase - Intune

        Provide guidance about:

        - Licensing your end users.

        ## Enable phase - Co-management

        Provide guidance about:

        - Switch workloads to Intune.
        """);
    List<Change> changes = history().changes();
    assertEquals(List.of("Provide guidance about:", "Activating your Azure RMS tenant."),
        texts(changes, Change.Kind.REMOVED), "a section gone, not renamed: " + changes);
    assertEquals(List.of("Provide guidance about:", "Switch workloads to Intune."), texts(changes, Change.Kind.ADDED));
    assertEquals(4, changes.size(), "nothing moved: " + changes);
  }

  @Test
  void ordersRevisionsByDateNotByFileName() throws Exception {
    revision("z-oldest.md", "04/27/2016", "Responsibilities", "## General\n\n- Provide an overview.\n");
    revision("a-newest.md", "12/04/2018", "Responsibilities", "## General\n\n- Provide an administrative overview.\n");
    Family f = history().families().get(0);
    assertEquals(List.of("z-oldest.md", "a-newest.md"), f.revisions().stream().map(d -> d.file()).toList());
    Change c = only(f.changes(), Change.Kind.REWORDED);
    assertEquals("Provide an {+administrative+} overview.", c.rendered());
  }

  @Test
  void tracesAStatementBackThroughEveryRevision() throws Exception {
    revision("r1.md", "04/27/2016", "Responsibilities", """
        ## Enable phase

        - Azure Multi-Factor Authentication (MFA).
        - One integrated application, which can include Single Sign-On for SaaS applications.
        - Usage and security reports to administrators.
        """);
    revision("r2.md", "03/09/2018", "Responsibilities", """
        ## Enable phase

        - Azure Multi-Factor Authentication.
        - Up to three (3) or more Software as a Service (SaaS) application integrations with SSO.
        - Usage and security reports to administrators.
        """);
    revision("r3.md", "12/04/2018", "Responsibilities", """
        ## Enable phase

        - Azure Multi-Factor Authentication.
        - Up to three (3) or more Software as a Service (SaaS) application integrations with SSO.
        - Azure Active Directory Access Reviews.
        """);
    Corpus corpus = Corpus.load(dir);
    History history = History.of(corpus);
    Passage saas = corpus.passages().stream()
        .filter(p -> p.document().file().equals("r3.md") && p.text().startsWith("Up to three")).findFirst()
        .orElseThrow();
    Lineage lineage = history.of(saas).get(0);
    assertEquals(List.of(Change.Kind.UNCHANGED, Change.Kind.REWORDED),
        lineage.changes().stream().map(Change::kind).toList());
    Change said = lineage.lastRewording().orElseThrow();
    assertEquals("2016-04-27", said.older().revision());
    assertEquals("One integrated application, which can include Single Sign-On for SaaS applications.",
        said.before().text());
    assertEquals("r1.md", lineage.since().file());
    assertTrue(lineage.changed());

    Passage reviews = corpus.passages().stream().filter(p -> p.text().contains("Access Reviews")).findFirst()
        .orElseThrow();
    Lineage added = history.of(reviews, reviews.statements().get(0));
    assertEquals(List.of(Change.Kind.ADDED), added.changes().stream().map(Change::kind).toList());
    assertEquals("r3.md", added.since().file());
    assertTrue(added.lastRewording().isEmpty());

    Passage oldest = corpus.passages().stream().filter(p -> p.document().file().equals("r1.md")).findFirst()
        .orElseThrow();
    assertEquals(List.of(), history.of(oldest).get(0).changes(), "the first revision has no history");
  }

  @Test
  void aCorpusWithoutRevisionsHasNoChangesAndEveryStatementNoHistory() throws Exception {
    Files.writeString(dir.resolve("one.md"), "# Your responsibilities\n\n- Activating mobile devices.\n");
    Files.writeString(dir.resolve("two.md"), "# FastTrack responsibilities\n\n- Configuring DNS.\n");
    Corpus corpus = Corpus.load(dir);
    History history = History.of(corpus);
    assertEquals(List.of(), history.changes());
    assertEquals(2, history.families().size());
    for (Passage p : corpus.passages()) {
      history.of(p).forEach(l -> assertFalse(l.changed(), l.toString()));
    }
    assertEquals(List.of(), ChangesReport.of(history, null, null).families());
    assertEquals("No document of the corpus has earlier revisions: nothing changed.\n",
        ChangesText.render(ChangesReport.of(history, null, null)));
  }

  @Test
  void findsADocumentByFileNameOrTitleOfAnyRevision() throws Exception {
    revision("ems-microsoft-2018-03.md", "03/09/2018", "Microsoft responsibilities", "- Work with you.\n");
    revision("ems-fasttrack-2018-12.md", "12/04/2018", "FastTrack responsibilities", "- Work with you.\n");
    Files.writeString(dir.resolve("yours.md"), "# Your responsibilities\n\n- Activating mobile devices.\n");
    History history = history();
    Family family = history.named("FastTrack responsibilities").get(0);
    for (String name : List.of("microsoft responsibilities", "ems-microsoft-2018-03.md", "ems-fasttrack-2018-12",
        "  FastTrack   Responsibilities ")) {
      assertEquals(List.of(family), history.named(name), name);
    }
    assertEquals(2, history.named("responsibilities").size(), "ambiguous: a part of both titles");
    assertEquals(List.of(), history.named("Onboarding phases"));
    UnknownDocumentException e = org.junit.jupiter.api.Assertions.assertThrows(UnknownDocumentException.class,
        () -> ChangesReport.of(history, "Onboarding phases", null));
    assertTrue(e.getMessage().startsWith("no document is named \"Onboarding phases\"; the documents are: "),
        e.getMessage());
  }
}
