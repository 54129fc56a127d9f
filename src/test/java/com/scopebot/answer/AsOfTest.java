package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers "as of" a date come from the revisions in force then, and say which. */
class AsOfTest {

  @Test
  void aDateBetweenTwoRevisionsCitesTheOlderAndSaysSo() throws Exception {
    Answer then = Fixtures.bundled().answer("How many SaaS applications with single sign-on are integrated?",
        LocalDate.parse("2017-01-01"));
    assertEquals("2017-01-01", then.asOf());
    assertTrue(then.citations().get(0).quote().startsWith("One integrated application"), then.citations().toString());
    assertEquals("2016-04-27", then.citations().get(0).revision());
    assertTrue(then.answer().startsWith("As of 2017-01-01, from the revisions then in force:"), then.answer());
    assertTrue(then.citations().stream().noneMatch(c -> c.revision().startsWith("2018")), "nothing newer than the date");
  }

  @Test
  void noDateCitesTheRevisionInForceToday() throws Exception {
    Answer now = Fixtures.bundled().answer("How many SaaS applications with single sign-on are integrated?");
    assertEquals(null, now.asOf());
    assertEquals("2018-12-04", now.citations().get(0).revision());
  }

  @Test
  void aQuestionCanNameItsOwnDate() throws Exception {
    Answer march = Fixtures.bundled().answer("Was Windows Autopilot in scope in March 2018?");
    assertEquals("2018-03-31", march.asOf());
    assertTrue(march.citations().stream().noneMatch(c -> c.revision().compareTo("2018-03-31") > 0), march.toString());
    Answer today = Fixtures.bundled().answer("Is Windows Autopilot setup included?");
    assertEquals(Verdict.IN_SCOPE, today.verdict());
    assertEquals("2018-12-04", today.citations().get(0).revision());
  }

  @Test
  void anAnswerSaysHowItsStatementReadBeforeItChanged() throws Exception {
    Answer a = Fixtures.bundled().answer("How many SaaS applications with single sign-on are integrated?");
    assertTrue(a.answer().contains("Changed in the 2018-03-09 revision; the 2016-04-27 revision said: “One integrated "
        + "application"), a.answer());
    assertTrue(a.history().stream().anyMatch(h -> h.revision().equals("2016-04-27")
        && h.statement().startsWith("One integrated application") && h.change().equals("reworded")), a.history().toString());
    assertTrue(a.history().stream().allMatch(h -> h.url().startsWith("https://github.com/MicrosoftDocs/EMDocs/blob/")));
    Answer unchanged = Fixtures.bundled().answer("Who provides the public SSL certificates?");
    assertEquals(null, unchanged.history(), "a statement with no earlier revision has no history");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Was Windows Autopilot in scope in March 2018?                      | 2018-03-31
      what did the docs say as of 2018-04-01 about DNS?                  | 2018-04-01
      when we bought in spring 2018 you said SaaS SSO was included       | 2018-05-31
      back in 2016 was MFA the customer's job?                           | 2016-12-31
      Can you connect Exchange 2013 to Azure RMS?                        |
      Does the forest level have to be Windows Server 2008?              |
      the customer has a PDF from March 2018 — is that still in scope?   |
      they quote the March 2018 page; our Dec 2018 doc says otherwise. who's right? |
      was it there in 2016, or only added in 2018?                       |
      back in 2016 we were told RMS was covered; the 2018 docs differ    | 2016-12-31
      in March 2018, in 2018 terms, was DNS covered?                     | 2018-03-31
      """)
  void readsTheDateAQuestionAsksAbout(String question, String date) {
    assertEquals(Optional.ofNullable(date).map(LocalDate::parse), DateWords.dateOf(question));
  }
}
