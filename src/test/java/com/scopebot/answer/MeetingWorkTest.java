package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Participate in the meetings to plan the widget rollout", under the customer's responsibilities: the plan is made in
 * meetings both sides hold, so planning it is shared; taking part in those meetings is the customer's.
 */
class MeetingWorkTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-onboarding.md"), """
        ---
        title: Widget onboarding
        ms.date: 05/06/2023
        ---
        # Widget onboarding

        ## Your responsibilities

        - Participate in the meetings to plan the widget rollout.
        - Provide the widget licences.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void workMadeInTheMeetingsIsShared() {
    Answer a = answerer.answer("who plans the widget rollout, us or FastTrack?");
    assertEquals(Verdict.SHARED, a.verdict(), a.answer());
  }

  @Test
  void takingPartInTheMeetingsIsTheCustomers() {
    Answer a = answerer.answer("who has to attend the meetings to plan the widget rollout?");
    assertEquals(Verdict.CUSTOMER, a.verdict(), a.answer());
  }
}
