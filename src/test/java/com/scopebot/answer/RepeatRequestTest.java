package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question asking for work again, told after what was done before ("We did FastTrack for widgets last year. …
 * can FastTrack run the onboarding again?"), is answered by the statement that makes the work a one-time activity,
 * though that statement holds less than half of the question's words.
 */
class RepeatRequestTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("widget-benefit.md"), """
        ---
        title: Widget benefit process
        ms.date: 02/01/2016
        ---
        # Widget benefit process

        ## Onboarding

        The FastTrack Center will help you with core capabilities, and then will help you onboard once for each eligible \
        service.

        Tools will be run to assess your environment, and Microsoft will guide you through assessing your widget servers.

        Widget rollout planning for each tenant includes pilot users and subsidiary sites.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void aSecondRunOfAOneTimeActivityIsOutOfScope() {
    Answer a = answerer.answer("We did FastTrack for widgets at HQ last year. Now a subsidiary in the same tenant wants "
        + "the widget rollout too — can FastTrack run the widget onboarding again for them?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().contains("onboard once for each eligible service"), a.citations().toString());
  }

  @Test
  void whatWasDoneBeforeIsToldNotAsked() {
    QuestionReader reader = new QuestionReader(answerer.index());
    Question q = reader.read("We did FastTrack for widgets at HQ last year. Now a subsidiary wants widgets too — can "
        + "FastTrack run the widget onboarding again for them?");
    assertEquals(java.util.List.of("can FastTrack run the widget onboarding again for them?"), q.ask());
    assertEquals(Intent.COVERED, q.intent());
  }
}
