package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.scopebot.corpus.Statements;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "When you request the service, an engineer works with you": the step a statement opens with for the customer is
 * the customer's, whoever does the rest of the work.
 */
class CustomerStepTest {

  @TempDir static Path corpus;
  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    Files.writeString(corpus.resolve("printer-assure.md"), """
        ---
        title: Printer Assure
        ms.date: 03/04/2022
        ---
        # Printer Assure

        ## FastTrack responsibilities

        When you submit the Printer Assure intake form, a Microsoft engineer works with you to resolve driver \
        conflicts on your print servers at no additional cost.
        """);
    answerer = Engine.load(corpus, null);
  }

  @Test
  void theStepTheStatementOpensWithIsTheCustomers() {
    Answer a = answerer.answer("whose job is it to submit the Printer Assure intake form, ours or Microsoft's?");
    assertEquals(Verdict.CUSTOMER, a.verdict(), a.answer());
    assertEquals("The customer's step: the documents put it on you (“When you submit the Printer Assure intake form”); "
        + "FastTrack's part comes after it (Printer Assure › FastTrack responsibilities).", a.answer());
  }

  @Test
  void theRestOfTheStatementKeepsItsOwnSide() {
    Answer a = answerer.answer("who resolves the driver conflicts on our print servers?");
    assertEquals(Verdict.MICROSOFT, a.verdict(), a.answer());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      When you request the App Assure service, an engineer works with you.  | when you request the app assure service,
      After you purchase the licenses, you can work with FastTrack.        | after you purchase the licenses,
      Once your organization submits the nomination, we review it.         | once your organization submits the nomination,
      If you have an on-premises environment, we help you plan.             | ''
      When you use Intune, the engineer configures the policies.            | ''
      The engineer works with you when you request it.                      | ''
      """)
  void aStepIsAnOpeningClauseInWhichTheCustomerActs(String sentence, String step) {
    assertEquals(step, Statements.customerStep(sentence));
  }
}
