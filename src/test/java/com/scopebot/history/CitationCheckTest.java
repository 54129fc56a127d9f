package com.scopebot.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What became, in the revisions in force, of a passage an answer cited in an older one. */
class CitationCheckTest {

  @TempDir Path dir;
  private CitationCheck check;
  private Corpus corpus;

  private void revision(String file, String date, String body) throws IOException {
    Files.writeString(dir.resolve(file), "---\ntitle: Responsibilities\nms.date: " + date
        + "\nms.assetid: 0000-responsibilities\n---\n# Responsibilities\n\n## Enable phase\n\n" + body);
  }

  @BeforeEach
  void threeRevisions() throws Exception {
    revision("a.md", "03/09/2018", """
        - AD FS deployments for multiple forests are supported.
        - Configuring DNS for eligible services.
        - Provide a remediation checklist.
        - Enrolling up to two test devices.
        """);
    revision("b.md", "06/01/2018", """
        - AD FS deployments for multiple forests are supported.
        - Configuring DNS for eligible services.
        - Enrolling up to two test devices.
        """);
    revision("c.md", "12/04/2018", """
        - AD FS deployments for multiple forests are out of scope.
        - Configuring DNS for eligible services.
        - Enrolling up to two test devices.
        """);
    corpus = Corpus.load(dir);
    check = CitationCheck.of(corpus);
  }

  private Passage cited(String file, String words) {
    return corpus.passages().stream().filter(p -> p.document().file().equals(file) && p.text().contains(words))
        .findFirst().orElseThrow();
  }

  private Optional<Outdated> outdated(String file, String words) {
    Passage p = cited(file, words);
    return check.outdated(file, p.line(), p.text());
  }

  @Test
  void followsAStatementThroughAnUnchangedRevisionToTheOneThatRewordedIt() {
    Outdated o = outdated("a.md", "AD FS").orElseThrow();
    assertEquals("reworded", o.kind());
    assertEquals("AD FS deployments for multiple forests are supported.", o.before());
    assertEquals("AD FS deployments for multiple forests are out of scope.", o.after());
    assertEquals("c.md", o.document());
    assertEquals("2018-12-04", o.changedOn());
  }

  @Test
  void aStatementRemovedHasNothingAfterIt() {
    Outdated o = outdated("a.md", "remediation checklist").orElseThrow();
    assertEquals("removed", o.kind());
    assertEquals(null, o.after());
    assertEquals("2018-06-01", o.changedOn());
  }

  @Test
  void aStatementTheRevisionsInForceStillHoldIsNotOutdated() {
    assertEquals(Optional.empty(), outdated("a.md", "DNS"));
    assertEquals(Optional.empty(), outdated("b.md", "test devices"));
    assertEquals(Optional.empty(), outdated("c.md", "AD FS"), "the revision in force itself");
  }

  @Test
  void aPassageInNoDocumentIsGoneAndOneAtAnotherLineIsFoundByItsWords() {
    Passage dns = cited("c.md", "DNS");
    assertEquals(Optional.of(new Outdated("gone", "Deleted words.", null, "z.md", "")),
        check.outdated("z.md", 7, "Deleted words."));
    assertEquals(Optional.empty(), check.outdated("c.md", dns.line() + 40, dns.text()));
  }
}
