package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.cli.MainTest.Run;
import com.scopebot.service.TwoRevisions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code changes}: what a support engineer reads about a document's revisions. */
class ChangesCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUNDLED = Path.of("index-data", "corpus").toString();
  private static final String NEWEST = "https://github.com/MicrosoftDocs/EMDocs/blob/6d6c438165a150946e76453453810a2cb705188f/"
      + "EMDocs/Solutions/fasttrack-center-benefit-process-for-ems-fasttrack-responsibilities.md";
  private static final String MARCH_2018 = "https://github.com/MicrosoftDocs/EMDocs/blob/"
      + "1b0f972745186ef9b1b5191364fac1b16c1a1af7/EMDocs/Solutions/"
      + "fasttrack-center-benefit-process-for-ems-microsoft-responsibilities.md";

  @TempDir Path dir;

  @Test
  void listsWhatWasAddedInDecember2018WithBothRevisionsLinks() {
    Run r = MainTest.run("changes", "--corpus", BUNDLED, "FastTrack", "responsibilities");
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.startsWith("FastTrack responsibilities — 3 revisions: 2016-04-27"), out);
    assertTrue(out.contains("\n2018-03-09 → 2018-12-04: "), out);
    assertTrue(out.contains("""
          Enable phase › Enable phase - Intune
        """), out);
    assertTrue(out.contains("""
            + added: Setting up Windows Autopilot outside Intune is out of scope for the FastTrack benefit.
                not in 2018-03-09: %s
                2018-12-04, line 250: %s#L250
        """.formatted(MARCH_2018, NEWEST)), out);
    assertTrue(out.contains("    + added: Azure Active Directory Access Reviews.\n"), out);
    assertTrue(out.contains("    ~ reworded: [-One integrated application, which can include Single Sign-On for-]"
        + "{+Up to three (3) or more"), out);
    assertTrue(out.indexOf("2018-03-09 → 2018-12-04") < out.indexOf("2016-04-27 → 2018-03-09"), "newest first");
  }

  @Test
  void findsTheDocumentByAnOlderRevisionsFileNameAndLimitsToRevisionsSinceADay() {
    Run r = MainTest.run("changes", "--corpus", BUNDLED, "--since", "2018-04-01",
        "ems-microsoft-responsibilities-2016-04.md");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("2018-03-09 → 2018-12-04"), r.out());
    assertFalse(r.out().contains("2016-04-27 → 2018-03-09"), r.out());
    assertFalse(r.out().contains("One integrated application"), r.out());

    Run none = MainTest.run("changes", "--corpus", BUNDLED, "--since", "2018-12-04", "FastTrack responsibilities");
    assertTrue(none.out().contains("No revision after 2018-12-04: nothing changed since."), none.out());
  }

  @Test
  void printsTheChangesAsJson() throws Exception {
    Run r = MainTest.run("changes", "--corpus", BUNDLED, "--json", "FastTrack responsibilities");
    assertEquals(0, r.exit(), r.err());
    JsonNode doc = JSON.readTree(r.out()).get("documents").get(0);
    assertEquals("ems-fasttrack-responsibilities-2018-12.md", doc.get("document").asText());
    assertEquals(3, doc.get("revisions").size());
    JsonNode older = doc.get("changes").get(1);
    assertEquals("2016-04-27", older.get("from").get("revision").asText());
    JsonNode saas = null;
    for (JsonNode section : older.get("sections")) {
      for (JsonNode c : section.get("changes")) {
        if (c.get("before").path("text").asText().startsWith("One integrated application")) {
          saas = c;
        }
      }
    }
    assertEquals("reworded", saas.get("kind").asText());
    assertTrue(saas.get("before").get("url").asText().endsWith("#L128"), saas.toString());
    assertTrue(saas.get("after").get("url").asText().endsWith("#L154"), saas.toString());
    assertTrue(saas.get("diff").asText().startsWith("[-One integrated application"), saas.toString());
    assertEquals("delete", saas.get("words").get(0).get("op").asText());
    assertTrue(older.get("counts").get("reworded").asInt() > 0, older.toString());
  }

  @Test
  void saysWhichDocumentsThereAreWhenTheNameIsUnknown() {
    Run r = MainTest.run("changes", "--corpus", BUNDLED, "Okta responsibilities");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: no document is named \"Okta responsibilities\"; the documents are: "),
        r.err());
    assertTrue(r.err().contains("ems-fasttrack-responsibilities-2018-12.md (FastTrack responsibilities)"), r.err());
  }

  @Test
  void refusesADateItCannotRead() {
    Run r = MainTest.run("changes", "--corpus", BUNDLED, "--since", "March 2018");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("expected a date like 2018-04-01, got 'March 2018'"), r.err());
  }

  @Test
  void aCorpusWithoutRevisionsHasNothingToShow() throws Exception {
    Files.writeString(dir.resolve("yours.md"), "# Your responsibilities\n\n- Activating mobile devices.\n");
    Run all = MainTest.run("changes", "--corpus", dir.toString());
    assertEquals(0, all.exit(), all.err());
    assertEquals("No document of the corpus has earlier revisions: nothing changed.\n", all.out());
    Run one = MainTest.run("changes", "--corpus", dir.toString(), "Your responsibilities");
    assertTrue(one.out().endsWith("It has no earlier revision: nothing changed.\n"), one.out());
  }

  @Test
  void listsTheAnswersARevisionChangedFromTheAnswerStore() throws Exception {
    String old = TwoRevisions.answeredAgain(dir);
    String corpus = dir.resolve("corpus").toString();
    String data = dir.resolve("data").toString();
    Run text = MainTest.run("changes", "--corpus", corpus, "--data", data);
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("""
        Answers affected by a new revision: 1 (1 verdict changed)
          “Is AD FS covered for multiple forests?” — In scope → Out of scope (reworded on 2018-12-04, \
        responsibilities-2018-12.md)
            it said: “AD FS deployments for multiple forests are supported.”
            it now says: “AD FS deployments for multiple forests are out of scope.”
            was /answers/%s, now /answers/""".formatted(old)), text.out());
    assertFalse(text.out().contains("DNS for eligible services in scope"), text.out());

    Run json = MainTest.run("changes", "--corpus", corpus, "--data", data, "--json");
    JsonNode listed = JSON.readTree(json.out()).get("affectedAnswers");
    assertEquals(1, listed.size());
    assertEquals("out_of_scope", listed.get(0).get("newVerdict").asText());
    assertEquals(old, listed.get(0).get("old").get("id").asText());

    Run since = MainTest.run("changes", "--corpus", corpus, "--data", data, "--since", "2018-12-04");
    assertTrue(since.out().contains("Answers affected by a new revision: none\n"), "only revisions after: " + since.out());

    Run none = MainTest.run("changes", "--corpus", corpus, "--data", dir.resolve("empty").toString());
    assertFalse(none.out().contains("Answers affected"), "no store, no section: " + none.out());
    assertFalse(Files.exists(dir.resolve("empty")), "no store is made by reading");
  }
}
