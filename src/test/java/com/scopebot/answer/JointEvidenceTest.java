package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Polarity;
import com.scopebot.corpus.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two items of one list answer together a question that names both ("Harbor Links and Harbor Vaults turned on?"),
 * where neither holds enough of it alone; items of different lists or sides, or a question naming what the documents
 * never use, are not put together.
 */
class JointEvidenceTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("harbor-protection.md"), """
        ---
        title: Harbor protection onboarding
        ms.date: 02/03/2021
        ---
        # Harbor protection onboarding

        ## FastTrack responsibilities

        For Harbor protection, we help with:

        - Enabling Harbor Links.
        - Enabling Harbor Vaults.

        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void twoItemsOfOneListAnswerAQuestionNamingBoth() {
    Answer a = answerer.answer("we want Harbor Links plus Harbor Vaults switched on for every mailbox, can you help?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
    List<String> quotes = a.citations().stream().map(Citation::quote).toList();
    assertTrue(quotes.size() >= 2 && quotes.subList(0, 2).containsAll(
        List.of("Enabling Harbor Links.", "Enabling Harbor Vaults.")), quotes.toString());
  }

  @Test
  void onlyItemsOfOneListThatSayTheSameKindOfThingOfTheSameSideAreSiblings() {
    Statement links = item("Enabling Harbor Links.", "For Harbor protection, we help with:", Holder.MICROSOFT);
    assertTrue(JointEvidence.siblings(links,
        item("Enabling Harbor Vaults.", "For Harbor protection, we help with:", Holder.MICROSOFT)));
    assertFalse(JointEvidence.siblings(links,
        item("Enabling Dock Shields.", "For Dock protection, we help with:", Holder.MICROSOFT)), "another list");
    assertFalse(JointEvidence.siblings(links,
        item("Licensing Harbor Vaults.", "For Harbor protection, we help with:", Holder.CUSTOMER)), "another side");
    assertFalse(JointEvidence.siblings(links, item("Enabling Harbor Vaults.", "", Holder.MICROSOFT)), "no list");
    assertFalse(JointEvidence.siblings(links, links), "the same item");
  }

  private static Statement item(String text, String leadIn, Holder holder) {
    return new Statement(text, leadIn, holder, false, false, Polarity.NONE, Set.of(), List.of(), "");
  }

  @Test
  void aQuestionNamingWhatTheDocumentsNeverUseIsNotAnsweredByTwoItems() {
    Answer a = answerer.answer("we want Harbor Links plus Harbor Vaults wired into Zorbex for every mailbox?");
    assertEquals(Verdict.UNKNOWN, a.verdict(), a.answer());
  }
}
