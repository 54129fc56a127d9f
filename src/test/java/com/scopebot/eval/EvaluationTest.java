package com.scopebot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.answer.Answer;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Intent;
import com.scopebot.answer.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring rules of score.py. */
class EvaluationTest {

  private static Citation cite(String quote) {
    return new Citation(quote, "d.md", "T", List.of("T"), "2018-01-01", 1, "", "none", true);
  }

  private static Answer answer(Verdict v, String... quotes) {
    return new Answer("q", v, "a", 0.5, List.of(quotes).stream().map(EvaluationTest::cite).toList(), List.of(),
        Intent.OTHER, false);
  }

  private static Answer unknown() {
    return new Answer("q", Verdict.UNKNOWN, "a", 0.1, List.of(), List.of(), Intent.OTHER, false);
  }

  private static Evaluation.Case answerable(String id, String verdicts, String quote) {
    return new Evaluation.Case(id, "q " + id, List.of(verdicts.split("/")), List.of(quote), List.of());
  }

  private static Evaluation.Case outOfCorpus(String id) {
    return new Evaluation.Case(id, "q " + id, List.of("unknown"), List.of(), List.of());
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

  @Test
  void countsWrongAndAbstainedAsScorePyDoes() {
    List<Evaluation.Case> cases = List.of(
        answerable("right", "customer", "SSL"),
        answerable("wrong", "out_of_scope/customer", "SSL"),
        answerable("abstained", "in_scope", "SSL"),
        outOfCorpus("unknown-ok"),
        outOfCorpus("unknown-committed"),
        answerable("unknown-accepted", "unknown/info", "SSL"));
    Evaluation.Score s = Evaluation.score(cases, List.of(
        answer(Verdict.CUSTOMER, "SSL"),
        answer(Verdict.IN_SCOPE, "SSL"),
        unknown(),
        unknown(),
        answer(Verdict.INFO, "SSL"),
        unknown()));
    // a committed verdict the case does not accept is wrong, an out-of-corpus case's too; "unknown" never is
    assertEquals(2, s.wrong());
    // only where the case does not accept "unknown"
    assertEquals(1, s.abstained());
    assertEquals("verdict 3/6  cite@1 2/4  cite@3 2/4  unknown 1/2  median-quote 3 chars  wrong 2  abstained 1\n"
        + "score verdict=0.500 cite1=0.500 cite3=0.500\n", s.figures());
  }

  @Test
  void roundsRatesHalfToEvenAsPythonPrintsThem() {
    assertEquals("0.812", Evaluation.rate(39, 48));
    assertEquals("0.062", Evaluation.rate(1, 16));
    assertEquals("0.667", Evaluation.rate(2, 3));
    assertEquals("1.000", Evaluation.rate(5, 5));
    assertEquals("0.000", Evaluation.rate(0, 0));
  }

  @Test
  void scoresADisputeWithoutQuotesAsAnswerableAndANoQuoteCaseAsUnknown() {
    // score.py: a case is out-of-corpus only with neither quotes nor all_groups
    Evaluation.Case dispute = new Evaluation.Case("d", "How many apps?", List.of("info"), List.of(),
        List.of(List.of("three"), List.of("One integrated")));
    Evaluation.Case none = outOfCorpus("n");
    Evaluation.Score s = Evaluation.score(List.of(dispute, none),
        List.of(answer(Verdict.INFO, "Up to three", "One integrated application"), answer(Verdict.IN_SCOPE, "x")));
    assertEquals(1, s.answerable());
    assertEquals(1, s.cite1());
    assertEquals(0, s.unknownOk());
    assertEquals(1, s.unknownTotal());
    assertEquals(1, s.wrong());
    assertEquals(List.of("n q n verdict=in_scope, expected unknown"), s.misses());

    Evaluation.Score abstaining = Evaluation.score(List.of(dispute, none), List.of(unknown(), unknown()));
    assertEquals(List.of("d How many apps? verdict=unknown cite1=MISS"), abstaining.misses());
    assertEquals(1, abstaining.unknownOk());
    assertEquals(1, abstaining.abstained());
    assertEquals(0, abstaining.wrong());
  }

  private static Answer at(double confidence, Verdict v) {
    return v == Verdict.UNKNOWN
        ? new Answer("q", v, "a", confidence, List.of(), List.of(), Intent.OTHER, false)
        : new Answer("q", v, "a", confidence, List.of(cite("SSL")), List.of(), Intent.OTHER, false);
  }

  @Test
  void countsRightAndWrongVerdictsPerConfidenceBand() {
    Evaluation.Case customer = answerable("c", "customer", "SSL");
    List<Evaluation.Case> cases = List.of(outOfCorpus("u"), customer, customer, customer, customer, customer, customer,
        customer);
    Calibration c = Calibration.of(cases, List.of(
        at(0.0, Verdict.UNKNOWN),       // right: the case accepts "unknown"
        at(0.19, Verdict.IN_SCOPE),     // wrong
        at(0.2, Verdict.CUSTOMER),      // a bound opens the next band
        at(0.6, Verdict.UNKNOWN),       // abstained: neither right nor wrong
        at(0.79, Verdict.OUT_OF_SCOPE), // wrong
        at(0.8, Verdict.CUSTOMER),
        at(1.0, Verdict.CUSTOMER),      // the last band holds 1.0
        at(0.99, Verdict.SHARED)));     // wrong
    assertEquals(List.of("[0.0,0.2)", "[0.2,0.4)", "[0.4,0.6)", "[0.6,0.8)", "[0.8,1.0]"),
        c.bands().stream().map(Calibration.Band::label).toList());
    assertEquals(new Calibration.Band(0.0, 0.2, 2, 1, 1, 1), c.bands().get(0));
    assertEquals(new Calibration.Band(0.2, 0.4, 1, 1, 1, 0), c.bands().get(1));
    assertEquals(new Calibration.Band(0.4, 0.6, 0, 0, 0, 0), c.bands().get(2));
    assertEquals(new Calibration.Band(0.6, 0.8, 2, 1, 0, 1), c.bands().get(3));
    assertEquals(new Calibration.Band(0.8, 1.0, 3, 3, 2, 1), c.bands().get(4));
    assertEquals("""
        confidence  answers  committed  right  wrong  accuracy
        [0.0,0.2)         2          1      1      1       50%
        [0.2,0.4)         1          1      1      0      100%
        [0.4,0.6)         0          0      0      0         -
        [0.6,0.8)         2          1      0      1        0%
        [0.8,1.0]         3          3      2      1       67%
        """, c.table());
  }

  @Test
  void sumsSeveralFilesUnderAllAfterEachFilesOwnReport() {
    EvalFile first = new EvalFile("first.jsonl",
        List.of(answerable("a1", "customer", "SSL"), answerable("a2", "in_scope", "SSL")),
        List.of(at(0.9, Verdict.CUSTOMER), at(0.5, Verdict.OUT_OF_SCOPE)));
    EvalFile second = new EvalFile("second.jsonl",
        List.of(outOfCorpus("b1"), answerable("b2", "info", "SSL"), answerable("b3", "customer", "SSL")),
        List.of(at(0.1, Verdict.UNKNOWN), at(0.1, Verdict.UNKNOWN), at(0.95, Verdict.CUSTOMER)));
    String report = EvalFile.report(List.of(first, second));

    assertTrue(report.startsWith("== first.jsonl\n  miss a2 q a2 verdict=out_of_scope cite1=ok\n"
        + "verdict 1/2  cite@1 2/2  cite@3 2/2  unknown 0/0  median-quote 3 chars  wrong 1  abstained 0\n"), report);
    assertTrue(report.contains("\n\n== second.jsonl\n  miss b2 q b2 verdict=unknown cite1=MISS\n"
        + "verdict 2/3  cite@1 1/2  cite@3 1/2  unknown 1/1  median-quote 3 chars  wrong 0  abstained 1\n"), report);
    String all = report.substring(report.indexOf("\n== all\n") + 1);
    assertEquals("""
        == all
        verdict 3/5  cite@1 3/4  cite@3 3/4  unknown 1/1  median-quote 3 chars  wrong 1  abstained 1
        score verdict=0.600 cite1=0.750 cite3=0.750
        confidence  answers  committed  right  wrong  accuracy
        [0.0,0.2)         2          0      1      0       50%
        [0.2,0.4)         0          0      0      0         -
        [0.4,0.6)         1          1      0      1        0%
        [0.6,0.8)         0          0      0      0         -
        [0.8,1.0]         2          2      2      0      100%
        """, all);
  }

  @Test
  void reportsOneFileWithoutHeaders() {
    EvalFile only = new EvalFile("only.jsonl", List.of(outOfCorpus("u")), List.of(at(0.1, Verdict.UNKNOWN)));
    String report = EvalFile.report(List.of(only));
    assertTrue(report.startsWith("verdict 1/1  cite@1 0/0  cite@3 0/0  unknown 1/1  median-quote 0 chars  wrong 0"
        + "  abstained 0\nscore verdict=1.000 cite1=0.000 cite3=0.000\nconfidence "), report);
    assertFalse(report.contains("=="), report);
  }

  @Test
  void readsAnEvalFileAndNamesTheLineItCannotRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("set.jsonl");
    Files.writeString(file, """
        {"id": "x1", "question": "Who?", "verdicts": ["customer"], "quotes": ["SSL"]}

        {"id": "x2", "question": "Dispute?", "verdicts": ["info"], "quotes": [], "all_groups": [["a"], ["b"]]}
        """);
    List<Evaluation.Case> cases = Evaluation.read(file);
    assertEquals(List.of("x1", "x2"), cases.stream().map(Evaluation.Case::id).toList());
    assertEquals(List.of(List.of("a"), List.of("b")), cases.get(1).allGroups());

    Files.writeString(file, "{\"id\": \"x1\"}\n{not json\n");
    IOException e = assertThrows(IOException.class, () -> Evaluation.read(file));
    assertTrue(e.getMessage().startsWith(file + ":2: not a JSON eval case: "), e.getMessage());
  }
}
