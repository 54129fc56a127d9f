package com.scopebot.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Word diffs as a support engineer reads them: what went, what came, the rest as written. */
class WordDiffTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Enrolling up to two test devices.            | Enrolling up to five test devices.             | Enrolling up to [-two-] {+five+} test devices.
      Setting Intune as your MDM authority when Intune is your only MDM solution. | Setting Intune as your MDM authority. | Setting Intune as your MDM authority [-when Intune is your only MDM solution-].
      Identity Protection.                         | Azure Active Directory Identity Protection.    | {+Azure Active Directory+} Identity Protection.
      Setting up Intune roles.                     | Intune roles.                                  | [-Setting up-] Intune roles.
      Microsoft has the following responsibilities. | FastTrack has the following responsibilities. | [-Microsoft-]{+FastTrack+} has the following responsibilities.
      """)
  void marksDeletedAndInsertedWords(String older, String newer, String rendered) {
    assertEquals(rendered, WordDiff.render(WordDiff.between(older, newer)));
  }

  @Test
  void equalAndDeletedRunsSpellTheOlderWordingEqualAndInsertedTheNewer() {
    String older = "One integrated application, which can include Single Sign-On for SaaS applications.";
    String newer = "Up to three (3) or more Software as a Service (SaaS) application integrations with SSO.";
    List<WordDiff.Run> runs = WordDiff.between(older, newer);
    assertEquals(newer, join(runs, WordDiff.Op.DELETE), "spaced as the newer wording");
    assertEquals(older.replace(" ", ""), join(runs, WordDiff.Op.INSERT).replace(" ", ""));
  }

  @Test
  void ignoresCaseAndQuoteStyle() {
    List<WordDiff.Run> runs = WordDiff.between("We’ll provide GUIDANCE.", "we'll provide guidance.");
    assertEquals(1, runs.size(), runs.toString());
    assertEquals(WordDiff.Op.EQUAL, runs.get(0).op());
  }

  @Test
  void measuresSimilarityOnWordsInOrderWithoutPunctuationOrHyphens() {
    assertEquals(1.0, WordDiff.similarity(WordDiff.words("For a multiple-forest environment:"),
        WordDiff.words("For a multiple forest environment")));
    assertEquals(2.0 * 2 / 7, WordDiff.similarity(WordDiff.words("Azure Multi-Factor Authentication (MFA)."),
        WordDiff.words("Azure Authentication.")), 1e-9);
    assertEquals(0, WordDiff.similarity(WordDiff.words("Configuring DNS."), WordDiff.words("Licensing users.")));
    assertTrue(WordDiff.bound(WordDiff.words("a b c d"), WordDiff.words("d c b a"))
        >= WordDiff.similarity(WordDiff.words("a b c d"), WordDiff.words("d c b a")));
  }

  @Test
  void aRunAlwaysHoldsWords() {
    assertFalse(WordDiff.between("Same words.", "Same words.").isEmpty());
    assertEquals("a run holds at least one word, got \"\"",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new WordDiff.Run(WordDiff.Op.EQUAL, "")).getMessage());
  }

  private static String join(List<WordDiff.Run> runs, WordDiff.Op without) {
    return runs.stream().filter(r -> r.op() != without).map(WordDiff.Run::text).collect(Collectors.joining());
  }
}
