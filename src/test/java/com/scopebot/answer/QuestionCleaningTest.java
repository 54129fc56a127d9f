package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What a person typed is tidied before reading; a question with nothing to tidy comes through as typed. */
class QuestionCleaningTest {

  @Test
  void leavesAPlainQuestionAsTyped() {
    String asked = "Who installs AD FS for multiple forests, us or FastTrack?";
    assertSame(asked, QuestionCleaner.clean(asked));
  }

  @Test
  void foldsWhatPeoplePasteIntoPlainText() {
    assertEquals("Is the customer's job \"done\"?", QuestionCleaner.clean("Is the customer\u2019s job \u201Cdone\u201D?"));
    assertEquals("Who deploys Intune?", QuestionCleaner.clean("  Who\tdeploys \n Intune?  "));
    assertEquals("Who deploys Intune?", QuestionCleaner.clean("Who  deploys\u200B Intune?"));
    assertEquals("Is Exchange 2016 covered?", QuestionCleaner.clean("Is Exchange \uFF12\uFF10\uFF11\uFF16 covered?"));
    assertEquals("Who deploys it?", QuestionCleaner.clean("Who deploys\u0007 it?"));
    assertEquals("", QuestionCleaner.clean(" "));
    assertEquals("", QuestionCleaner.clean(""));
  }
}
