package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The product's ten headline questions, asked as a new user would, on the bundled corpus: each must get its verdict,
 * and where a sentence answers it, cite that sentence first.
 */
class ProductQuestionsTest {

  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    answerer = Fixtures.bundled();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Is AD FS covered for multiple forests?                                                          | out_of_scope | For all multiple forest configurations, AD FS deployments are out of scope.
      Customer says FastTrack promised to deploy AD FS for their two forests. True?                   | out_of_scope | For all multiple forest configurations, AD FS deployments are out of scope.
      Can FastTrack set up Azure AD Connect for three forests?                                        | in_scope     | Installing Azure AD Connect synchronization, set up for multiple forest scenarios.
      Will someone from FastTrack come on site to help with the rollout?                              | out_of_scope | remote
      Does FastTrack come on site?                                                                    | out_of_scope | remote
      We use Okta for SSO today. Will FastTrack move us to Entra ID?                                  | unknown      |
      Customer insists FastTrack will write custom sync rules for Azure AD Connect. Is that in scope? | out_of_scope | Development and implementation for custom rules extensions are out of scope.
      The customer says FastTrack will set up Windows Autopilot without Intune. Correct?              | out_of_scope | Setting up Windows Autopilot outside Intune is out of scope
      Can you help us enroll our iPhones in Intune?                                                   | in_scope     | Enrolling devices of each supported platform
      Who is responsible for SSL certificates?                                                        | customer     | Provide and configure any public Secure Sockets Layer (SSL) certificates.
      """)
  void answersAHeadlineQuestion(String question, String verdict, String quote) {
    Answer a = answerer.answer(question);
    assertEquals(verdict, a.verdict().wire(), a.answer());
    if (quote != null) {
      assertTrue(a.citations().get(0).quote().contains(quote), a.citations().get(0).quote());
    }
  }
}
