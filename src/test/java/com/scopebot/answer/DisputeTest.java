package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A claim laid out for a dispute: every statement for and against it, by the verdict it supports, newest first. */
class DisputeTest {

  @Test
  void laysOutEveryRevisionsStatementsForAndAgainstAClaim() throws Exception {
    Dispute d = Fixtures.bundled().dispute("when we bought in spring 2018 you said SaaS SSO for three apps was included");
    List<Verdict> sides = d.sides().stream().map(Dispute.Side::verdict).toList();
    assertTrue(sides.contains(Verdict.IN_SCOPE) && sides.contains(Verdict.OUT_OF_SCOPE), sides.toString());
    Dispute.Side against = d.sides().stream().filter(s -> s.verdict() == Verdict.OUT_OF_SCOPE).findFirst().orElseThrow();
    assertTrue(against.evidence().get(0).citation().quote().startsWith("One integrated application"), against.toString());
    assertTrue(against.evidence().get(0).why().contains("one integrated application"), against.evidence().get(0).why());
    Dispute.Side infavour = d.sides().stream().filter(s -> s.verdict() == Verdict.IN_SCOPE).findFirst().orElseThrow();
    List<String> revisions = infavour.evidence().stream().map(e -> e.citation().revision()).toList();
    assertEquals(revisions.stream().sorted(java.util.Comparator.reverseOrder()).toList(), revisions, "newest first");
    assertTrue(revisions.contains("2018-03-09") && revisions.contains("2018-12-04"), revisions.toString());
    assertTrue(d.summary().contains("say in scope") && d.summary().contains("says out of scope"), d.summary());
  }

  @Test
  void aClaimTheDocumentsDoNotAddressHasNoSides() throws Exception {
    Dispute d = Fixtures.bundled().dispute("FastTrack promised to migrate our Slack workspace to Teams");
    assertTrue(d.sides().isEmpty(), d.toString());
    assertEquals("The documents don't address this claim.", d.summary());
    assertEquals(Verdict.UNKNOWN, d.answer().verdict());
  }

  @Test
  void anEmptyClaimIsRefusedPolitely() throws Exception {
    Dispute d = Fixtures.bundled().dispute("   ");
    assertTrue(d.sides().isEmpty());
    assertTrue(d.summary().startsWith("Nothing to weigh"), d.summary());
  }
}
