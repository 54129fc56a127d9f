package com.scopebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainAnalyzerTest {

  private static final Synonyms SYNONYMS = Synonyms.bundled();
  private final Analyzer query = new DomainAnalyzer(SYNONYMS.map(), false);
  private final Analyzer index = new DomainAnalyzer(SYNONYMS.map(), true);

  static List<String> terms(Analyzer a, String text) {
    return PassageIndex.terms(a, text);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "ADFS|Active Directory Federation Services",
      "AD FS|adfs",
      "multi-forest|multiple forests",
      "two forests|multiple forest",
      "SSL certificate|Secure Sockets Layer certificates",
      "TLS|SSL",
      "MFA|multi-factor authentication",
      "2FA|Multifactor Authentication",
      "Entra ID|Azure Active Directory",
      "AAD|Azure AD",
      "ConfigMgr|System Center Configuration Manager",
      "MECM|Configuration Manager",
      "Defender for Endpoint|Windows Defender Advanced Threat Protection",
      "SSPR|Self-Service Password Reset",
      "PIM|Privileged Identity Management",
      "PTA|Pass-through Authentication",
      "PHS|Password Hash Sync",
      "MAM|app protection",
      "Entra Connect|Azure AD Connect",
      "help desk|helpdesk",
      "EXO|Exchange Online",
      "SPO|SharePoint Online",
      "SfB|Skype for Business",
      "give an admin overview|provide an admin overview",
      "advise the devs|guidance to developers",
      "an exec sponsor|an executive sponsor",
      "switch on MFA|set up multi-factor authentication",
      "a 3rd-party filter|a third-party filter",
      "a non-gallery app|a non-marketplace app",
      "free disk on each DC|disk space on each domain controller"})
  void mapsSynonymsAndAcronymsToOneTerm(String a, String b) {
    assertEquals(terms(index, b), terms(query, a));
  }

  @Test
  void dropsALoneLetterHyphenatedToAWordFromQuestionsOnly() {
    assertEquals(List.of("nf", "invoic"), terms(query, "NF-e e-invoicing"));
    assertEquals(List.of("mail"), terms(query, "e-mail"));
    assertEquals(List.of("e", "mail"), terms(index, "e-mail"), "the documents' terms stay as written");
    assertEquals(List.of("f", "o"), terms(query, "F&O"), "letters joined by & are a name");
  }

  @Test
  void stemsEnglish() {
    assertEquals(terms(query, "configuring deployments"), terms(query, "configure deployment"));
  }

  @Test
  void dropsStopWordsButKeepsThemInsidePhrases() {
    assertEquals(List.of("saa"), terms(query, "software as a service").stream().map(s -> s.substring(0, 3)).toList());
    assertFalse(terms(query, "what was it").contains("wa"), "stop words are not stemmed into non-words");
  }

  @Test
  void readsAnAdministratorsExtraLine() throws IOException, ParseException {
    Synonyms custom = Synonyms.parse("wdac, windows defender application control\n");
    Analyzer a = new DomainAnalyzer(custom.map(), false);
    assertEquals(terms(a, "WDAC"), terms(a, "Windows Defender Application Control"));
    assertTrue(custom.words().contains("wdac"));
  }
}
