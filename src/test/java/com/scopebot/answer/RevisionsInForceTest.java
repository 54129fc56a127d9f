package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Revisions that replaced one another are not two sources: "sources differ" is said only of documents both in force on
 * the date asked, and an answer whose limit only a superseded revision states says so in its sentence.
 */
class RevisionsInForceTest {

  @Test
  void aRevisionAndTheOneItReplacedAreNotSourcesThatDiffer() throws Exception {
    // the 2016 EMS page granted one SaaS application, its 2018 successor up to three: a change, not a disagreement
    Answer a = Fixtures.bundled().answer("How many SaaS applications with single sign-on does FastTrack integrate?");
    assertFalse(a.sourcesDiffer(), a.answer());
    assertFalse(a.answer().contains("Sources differ"), a.answer());
    assertTrue(a.answer().contains("Changed in the 2018-03-09 revision"), "the change is told as one: " + a.answer());
  }

  @Test
  void aLimitOnlyASupersededRevisionStatesIsSaidToBeFromIt() throws Exception {
    Answer a = Fixtures.bundled().answer("Can you set up the RMS connector for on-premises Exchange on two servers?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("The benefit covers one server on-premises; you asked about 2 servers. That limit is"
        + " stated in the 2016-04-27 revision of \u201cFastTrack Center Benefit Process for Enterprise Mobility Suite -"
        + " Microsoft's responsibilities\u201d, which has since been superseded."), a.answer());
  }

  @Test
  void aRewordingThatKeepsTheMeaningGetsNoHistoryNote() throws Exception {
    // "Install Azure Active Directory Connect …" became "Installing Azure AD Connect …": the same words once stemmed and
    // the product's names read through the synonyms, so nothing to tell
    Answer same = Fixtures.bundled().answer("Does FastTrack set up Azure AD Connect sync for multiple forests?");
    assertFalse(same.answer().contains("Changed in the"), same.answer());
    // "One integrated application" became "Up to three (3) …": that is told
    Answer changed = Fixtures.bundled().answer("How many SaaS applications with single sign-on does FastTrack "
        + "integrate?");
    assertTrue(changed.answer().contains("Changed in the 2018-03-09 revision; the 2016-04-27 revision said: \u201cOne"
        + " integrated application"), changed.answer());
  }
}
