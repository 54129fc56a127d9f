package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import org.junit.jupiter.api.Test;

/** "What changed?" in any channel: each revision step's counts, examples with links, and where the full list is. */
class WhatChangedTest {

  @Test
  void summarisesEachRevisionStepOfADocument() throws Exception {
    Answer a = Fixtures.bundled().answer("what changed in the FastTrack responsibilities?");
    assertEquals("changes", a.smallTalk());
    assertTrue(a.answer().startsWith("What changed in FastTrack responsibilities, 2018-03-09 → 2018-12-04: 42 added, "
        + "20 removed, 13 reworded, 2 moved.\n• added: “"), a.answer());
    assertTrue(a.answer().contains("2016-04-27 → 2018-03-09"), a.answer());
    // the words only: each channel links the examples and the changes page in its own way
    assertTrue(!a.answer().contains("https://") && !a.answer().contains("`"), a.answer());
    ChangeSummary.Step step = a.changes().steps().get(0);
    assertEquals("/changes.html?document=ems-fasttrack-responsibilities-2018-12.md"
        + "&to=ems-fasttrack-responsibilities-2018-12.md", step.page());
    assertTrue(step.examples().get(0).url().startsWith("https://github.com/MicrosoftDocs/EMDocs/blob/"),
        step.examples().toString());
    assertEquals(a.changes().text(), a.answer());
  }

  @Test
  void onlyTheStepsSinceADate() throws Exception {
    Answer a = Fixtures.bundled().answer("/scope changes since 2018-06-01".replace("/scope ", ""));
    assertTrue(a.answer().contains("2018-03-09 → 2018-12-04"), a.answer());
    assertTrue(!a.answer().contains("2016-04-27 → 2018-03-09"), a.answer());
    assertEquals(null, a.asOf(), "a date to compare from is not a date to answer as of");
  }

  @Test
  void anUnknownDocumentNameFallsBackToEveryDocument() throws Exception {
    Answer a = Fixtures.bundled().answer("what changed in the Viva Glint guide?");
    assertTrue(a.answer().startsWith("I don't know a document called \"Viva Glint guide\""), a.answer());
  }
}
