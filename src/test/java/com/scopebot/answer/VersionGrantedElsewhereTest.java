package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list of versions limits its own statement's work: a version another grant of the evidence names is not beyond it
 * ("… Widget Server 2013/2010 on-premises protection" against "Assessing the existing Widget Server 2013 or Widget
 * Server 2016 farm"), while a version no grant names still is.
 */
class VersionGrantedElsewhereTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-hybrid.md"), """
        ---
        title: Widget onboarding scope
        ms.date: 06/07/2021
        ---
        # FastTrack responsibilities

        ## Hybrid search

        FastTrack provides guidance with:

        - Assessing the existing Widget Server 2013 or Widget Server 2016 farm for hybrid search.
        - Configuring the cloud search service application for hybrid search.

        ## Protection

        FastTrack provides guidance with:

        - Configuring Widget Server 2013/2010 on-premises protection of one test library for the cloud search service.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void aVersionAnotherGrantNamesIsNotBeyondAList() {
    Answer a = answerer.answer("we run Widget Server 2016 on prem. does FastTrack help configure the cloud search "
        + "service application for hybrid search?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().startsWith("Configuring the cloud search service application"),
        a.citations().toString());
  }

  @Test
  void aVersionNoGrantNamesIsStillBeyondIt() {
    Answer a = answerer.answer("we run Widget Server 2019 on prem. does FastTrack help configure the cloud search "
        + "service application for hybrid search?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("2019 is not among them"), a.answer());
  }
}
