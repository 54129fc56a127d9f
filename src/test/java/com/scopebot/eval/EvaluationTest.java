package com.scopebot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.answer.Answer;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Intent;
import com.scopebot.answer.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring rules of score.py. */
class EvaluationTest {

  private static Citation cite(String quote) {
    return new Citation(quote, "d.md", "T", List.of("T"), "2018-01-01", 1, "", "none", true);
  }

  private static Answer answer(Verdict v, String... quotes) {
    return new Answer("q", v, "a", 0.5, List.of(quotes).stream().map(EvaluationTest::cite).toList(), List.of(),
        Intent.OTHER, false);
  }

  @Test
  void countsVerdictsCitesAndUnknowns() {
    List<Evaluation.Case> cases = List.of(
        new Evaluation.Case("a", "q1", List.of("customer"), List.of("SSL certificates"), List.of()),
        new Evaluation.Case("b", "q2", List.of("in_scope"), List.of("Exchange Connector"), List.of()),
        new Evaluation.Case("c", "q3", List.of("unknown"), List.of(), List.of()));
    Evaluation.Score s = Evaluation.score(cases, List.of(
        answer(Verdict.CUSTOMER, "Providing any public SSL certificates."),
        answer(Verdict.IN_SCOPE, "Something else.", "Setting up the Exchange Connector."),
        new Answer("q3", Verdict.UNKNOWN, "x", 0, List.of(), List.of(), Intent.OTHER, false)));
    assertEquals(3, s.verdictOk());
    assertEquals(1, s.cite1());
    assertEquals(2, s.cite3());
    assertEquals(1, s.unknownOk());
    assertTrue(s.report().contains("verdict 3/3  cite@1 1/2  cite@3 2/2  unknown 1/1"), s.report());
    assertTrue(s.report().contains("score verdict=1.000 cite1=0.500 cite3=1.000"), s.report());
  }

  @Test
  void givesNoCreditToAQuoteOverFourHundredCharacters() {
    assertTrue(!Evaluation.hits(cite("SSL certificates " + "x".repeat(400)), List.of("SSL certificates")));
  }

  @Test
  void needsEverySideOfADisputeInTheFirstFive() {
    Evaluation.Case dispute = new Evaluation.Case("d", "q", List.of("info"), List.of("three", "One"),
        List.of(List.of("three"), List.of("One integrated")));
    assertEquals(1, Evaluation.score(List.of(dispute),
        List.of(answer(Verdict.INFO, "Up to three", "a", "b", "c", "One integrated application"))).cite1());
    assertEquals(0, Evaluation.score(List.of(dispute),
        List.of(answer(Verdict.INFO, "Up to three", "a", "b", "c", "d", "One integrated application"))).cite1());
  }

  @Test
  void foldsTypographicQuotesAndMojibake() {
    assertTrue(Evaluation.hits(cite("make sure you’re ready"), List.of("you're ready")));
  }
}
