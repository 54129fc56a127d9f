package com.scopebot.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.answer.Engine;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled corpus's one document with revisions: "Microsoft responsibilities" of 2016-04 and 2018-03, renamed
 * "FastTrack responsibilities" in 2018-12. Lines are the files' own (grep them).
 */
class BundledHistoryTest {

  private static final String REPO = "https://github.com/MicrosoftDocs/EMDocs/blob/";
  private static Corpus corpus;
  private static History history;
  private static Family family;

  @BeforeAll
  static void build() throws Exception {
    corpus = Corpus.load(Engine.DEFAULT_CORPUS);
    history = History.of(corpus);
    family = history.named("FastTrack responsibilities").get(0);
  }

  private static Change change(Change.Kind kind, String text) {
    List<Change> found = family.changes().stream().filter(c -> c.kind() == kind && c.text().equals(text)).toList();
    assertEquals(1, found.size(), kind + " " + text);
    return found.get(0);
  }

  @Test
  void chainsTheThreeRevisionsByDateThroughTheRename() {
    assertEquals(List.of("ems-microsoft-responsibilities-2016-04.md", "ems-microsoft-responsibilities-2018-03.md",
        "ems-fasttrack-responsibilities-2018-12.md"), family.revisions().stream().map(d -> d.file()).toList());
    for (String name : List.of("Microsoft responsibilities", "ems-microsoft-responsibilities-2016-04.md",
        "FastTrack Center Benefit Process for Enterprise Mobility Suite - Microsoft's responsibilities")) {
      assertEquals(List.of(family), history.named(name), name);
    }
    assertEquals(1, history.families().stream().filter(f -> f.revisions().size() > 1).count());
  }

  @Test
  void countsWhatReadmeSaysChanged() {
    ChangesReport report = new ChangesReport(List.of(family), null);
    List<String> counts = report.steps(family).stream()
        .map(s -> s.older().revision() + " → " + s.newer().revision() + ": " + ChangesReport.KINDS.stream()
            .map(k -> s.count(k) + " " + k.wire()).reduce((a, b) -> a + ", " + b).orElseThrow())
        .toList();
    assertEquals(List.of("2018-03-09 → 2018-12-04: 42 added, 20 removed, 13 reworded, 2 moved",
        "2016-04-27 → 2018-03-09: 31 added, 28 removed, 40 reworded, 1 moved"), counts);
  }

  @Test
  void windowsAutopilotGuidanceAndItsLimitWereAddedInDecember2018() {
    Change limit = change(Change.Kind.ADDED,
        "Setting up Windows Autopilot outside Intune is out of scope for the FastTrack benefit.");
    assertEquals("2018-03-09", limit.older().revision());
    assertEquals("2018-12-04", limit.newer().revision());
    assertEquals(List.of("Enable phase", "Enable phase - Intune"), limit.section());
    assertTrue(limit.after().url().startsWith(REPO + "6d6c438165a150946e76453453810a2cb705188f/"));
    assertTrue(limit.after().url().endsWith("-fasttrack-responsibilities.md#L250"), limit.after().url());
    assertTrue(limit.older().permalinkBase().startsWith(REPO + "1b0f972745186ef9b1b5191364fac1b16c1a1af7/"));
    Change guidance = change(Change.Kind.ADDED,
        "Setting up Windows Autopilot: Configure and setup Microsoft Intune for Windows Autopilot.");
    assertTrue(guidance.after().url().endsWith("#L237"), guidance.after().url());
  }

  @Test
  void saasSingleSignOnWentFromOneApplicationToUpToThree() {
    Change c = change(Change.Kind.REWORDED,
        "Up to three (3) or more Software as a Service (SaaS) application integrations with SSO from the Azure Active"
            + " Directory Marketplace.");
    assertEquals("One integrated application, which can include Single Sign-On for SaaS applications.",
        c.before().text());
    assertEquals("2016-04-27", c.before().revision());
    assertTrue(c.before().url().startsWith(REPO + "d0f7fb6b994e0ed8738382d993c8c4abecc8982e/"));
    assertTrue(c.before().url().endsWith("#L128"), c.before().url());
    assertTrue(c.after().url().endsWith("#L154"), c.after().url());
    assertTrue(c.rendered().startsWith("[-One integrated application, which can include Single Sign-On for-]"
        + "{+Up to three (3) or more"), c.rendered());

    // and its history as the answer engine will read it, from the revision in force
    Passage now = corpus.passages().stream()
        .filter(p -> p.document().current() && p.text().startsWith("Up to three (3) or more")).findFirst()
        .orElseThrow();
    Lineage lineage = history.of(now).get(0);
    assertEquals(List.of(Change.Kind.REWORDED, Change.Kind.REWORDED),
        lineage.changes().stream().map(Change::kind).toList(), "SSO spelled out in 2018-12, three apps in 2018-03");
    assertEquals("2016-04-27", lineage.since().revision());
  }

  @Test
  void azureAdAccessReviewsWereAddedInDecember2018() {
    Change c = change(Change.Kind.ADDED, "Azure Active Directory Access Reviews.");
    assertEquals("2018-12-04", c.newer().revision());
    assertTrue(c.after().url().endsWith("#L173"), c.after().url());
    assertEquals(List.of("Enable phase", "Enable phase - Azure AD Premium--with Azure AD Connect and AD FS"),
        c.section());
  }

  @Test
  void aHeadingThatDroppedMicrosoftIsTheSameSection() {
    // "Enable phase - Microsoft Intune" (2016) became "Enable phase - Intune" (2018-03): its bullets are reworded in
    // place, not moved
    Change c = change(Change.Kind.REWORDED,
        "Adding users to your Intune subscription, defining IT admin roles, and creating user and device groups.");
    assertEquals(List.of("Enable phase", "Enable phase - Microsoft Intune"), c.before().section());
    assertEquals("Adding users to your [-Microsoft-] Intune subscription, defining IT admin roles, and creating user"
        + " and device groups.", c.rendered());
  }
}
