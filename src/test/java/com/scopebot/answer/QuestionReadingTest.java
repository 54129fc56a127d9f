package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a question is read: which clauses ask, what it is about, and what it wants. */
class QuestionReadingTest {

  private static QuestionReader reader;

  @BeforeAll
  static void load() throws Exception {
    reader = new QuestionReader(Fixtures.bundled().index());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Who configures DNS?                                                                  | WHO
      our PM reads co-management as Intune replacing ConfigMgr. is that what FastTrack means by it? | INFO
      Were access reviews already in the March 2018 Microsoft responsibilities page?       | OTHER
      whose responsibility are the certificates?                                           | WHO
      do we need to provide our own test phones, or does FastTrack bring devices?          | WHO
      is that FastTrack's job or ours?                                                     | WHO
      will FastTrack help us add more admins who can manage templates?                     | COVERED
      Does the benefit cover upgrading Configuration Manager to the required version?      | COVERED
      The customer says FastTrack promised to set up hybrid MDM. True?                     | CLAIM
      FastTrack will deploy AD FS for our two forests                                      | CLAIM
      when we bought in 2018 you said SaaS SSO for three apps was included                 | CLAIM
      How many test devices per platform?                                                  | INFO
      During what hours is onboarding support available?                                  | INFO
      Do we need an MDM authority for app protection only?                                 | INFO
      do they even need the RMS connector server the doc talks about?                      | INFO
      enough for the Defender integration, or do they need Windows E5 on top?              | INFO
      is it enough, or do we need Microsoft to set it up for us?                          | COVERED
      trying to explain the benefit to our PM — what are the main components of onboarding? | INFO
      does the adoption help only start after onboarding is done?                          | INFO
      do our MX records already need to point to Office 365?                               | INFO
      the portal breaks in Edge. will you guys fix it and what does it cost us?             | COVERED
      the diagram mentions WAP. what is that?                                              | INFO
      is that Microsoft's engineer doing the assessment alone or with us?                  | WHO
      under the current benefit can FastTrack guide Wi-Fi profiles?                        | COVERED
      for the pilot who configures the kiosks?                                             | WHO
      during the assess phase, is FastTrack running the tools itself, or do we run them?  | WHO
      so roughly when does the onboarding support start?                                   | INFO
      now our subsidiary wants Intune too — can FastTrack run the onboarding again?        | COVERED
      the partner wants to skip the pilot. fine by you? what are the risks?                | INFO
      our tablets run Windows 8.1 Pro. meets the upgrade requirements?                     | COVERED
      is remediate a mandatory phase? the assessment came back clean                        | INFO
      do the sessions run in their business hours or ours?                                 | COVERED
      is that their team's job or ours?                                                    | WHO
      user adoption for the rollout — is that on FT or on us?                              | WHO
      after onboarding is done, what identity options can our users sign in with?          | INFO
      does autoscale still work on clusters whose version has dropped to basic support?   | COVERED
      do we need our network people in the meetings, or is the checklist FastTrack's problem? | WHO
      customer says they were told reviews are out, the engineer says they are in. which is right under the FastTrack responsibilities? | CLAIM
      does a tenant with 90 seats qualify for the benefit?                                 | COVERED
      which plans qualify for the benefit?                                                 | INFO
      what are the requirements for the upgrade?                                           | INFO
      ok and who configures the kiosks?                                                    | WHO
      does FastTrack set up the kiosks on their own or do they need details from us?       | WHO
      During what hours is onboarding support available?                                   | INFO
      Warsaw team asks if the sessions can be run in Polish — their admins are unsure.     | COVERED
      our SOC is wondering whether FastTrack also covers Cloud App Security.              | COVERED
      our CIO is asking whether we have to attend, or whether FastTrack can run it alone.  | OTHER
      Is our team actually required to turn up to the checkpoint meetings?                | WHO
      our PM wants to skip the planning meetings. are they actually expected to be in those? | WHO
      what's FastTrack's committed response time on emails between calls?                | INFO
      FT emails keep ending up in junk. is it on us to whitelist them?                     | WHO
      someone has to set up test users before go-live. Is that FT, us, or both?            | WHO
      To get production deployed, what's on us and what's on the Microsoft side?           | WHO
      does FastTrack review our hypercare plan, or is that purely on us?                   | COVERED
      will someone walk us through the install prerequisites before we onboard?           | COVERED
      can you tell us the install prerequisites?                                           | INFO
      do you need our admin credentials for the prerequisites?                             | INFO
      """)
  void tellsWhatTheQuestionAsksFor(String question, Intent intent) {
    assertEquals(intent, reader.read(question).intent());
  }

  @Test
  void contextAndChatterAreNotTheAsk() {
    Question q = reader.read("hey — quick one from the Fabrikam rollout. our desktop team wants to know if FastTrack "
        + "looks at browser versions (they are on Edge) as part of the assessment");
    assertEquals(List.of("FastTrack looks at browser versions as part of the assessment"), q.ask());
    assertTrue(q.context().stream().noneMatch(q.groups().get(0).terms()::containsKey), q.toString());
  }

  @Test
  void whatThatMeansAsksAboutTheLastThingNamedAndTheRestOfItsClauseIsContext() {
    Question q = reader.read("the onboarding diagram has 'WAP' on it — what's that?");
    assertEquals(java.util.Set.of("wap"), q.groups().get(0).terms().keySet(), q.toString());
    assertTrue(q.context().stream().anyMatch(t -> t.startsWith("diagram")), q.toString());
  }

  @Test
  void theConclusionDrawnForASideIsTheClaimAndTheReasonsBeforeItContext() {
    Question q = reader.read("the customer's forests trust each other, so FastTrack should deploy AD FS across both. "
        + "Is that right?");
    assertTrue(q.groups().get(0).terms().keySet().stream().noneMatch(t -> t.startsWith("trust")), q.toString());
    assertTrue(q.context().stream().anyMatch(t -> t.startsWith("trust")), q.toString());
  }

  @Test
  void aOneWordAskOfTheOtherSideIsTheSameQuestionNotOneOfItsOwn() {
    Question q = reader.read("who provides the tenant ID when the portal project is created — us, or does FastTrack "
        + "link it for us?");
    assertEquals(1, q.groups().size(), q.toString());
    assertTrue(q.groups().get(0).terms().containsKey("tenant"), q.toString());
    assertTrue(q.context().stream().anyMatch(t -> t.startsWith("link")), q.toString());
  }

  @Test
  void aSecondQuestionJoinedOnWithAndIsAClauseOfItsOwn() {
    assertEquals(List.of("we want the portal linked to our ledger.", "does FastTrack cover that",
            "do we need anything?"),
        Clauses.of("we want the portal linked to our ledger. does FastTrack cover that and do we need anything?")
            .stream().map(Clause::text).toList());
    assertEquals(1, Clauses.of("does FastTrack cover ledgers and reports?").size(), "\"and\" between things joins");
    Question q = reader.read("we want Intune linked with TeamViewer for remote help. does FastTrack cover that and do "
        + "we need anything?");
    assertEquals(2, q.groups().size(), q.toString());
    assertTrue(q.groups().get(0).terms().containsKey("teamview"), "what \"that\" stands for is asked about: " + q);
  }

  @Test
  void aQuotedSentenceEndsAtItsClosingQuoteAndAParenthesisGoesOn() {
    // the label says who speaks and is dropped; the quote and the ask are two sentences
    assertEquals(List.of("\"We never got a plan.\"", "Who owed us that plan?"),
        Clauses.of("Customer writes: \"We never got a plan.\" Who owed us that plan?").stream().map(Clause::text)
            .toList());
    assertEquals(1, Clauses.of("can apps (Outlook mobile etc.) reach mail?").stream().filter(Clause::asks).count(),
        "a parenthesis ends no sentence");
  }

  @Test
  void aLabelThatOnlySaysWhoSpeaksIsNoTopic() {
    // "writes" would be read as the documents' "develop" (the synonym map's "write")
    for (String question : List.of("Customer writes: can FastTrack configure the firewall ports?",
        "our PM asks: can FastTrack configure the firewall ports?")) {
      Question q = reader.read(question);
      assertFalse(q.topic().containsKey("develop"), q.toString());
      assertFalse(q.topic().keySet().stream().anyMatch(t -> t.startsWith("pm")), q.toString());
    }
    assertTrue(reader.read("Firewall ports: can FastTrack configure them?").topic().containsKey("firewal"),
        "a label that names the topic stays");
  }

  @Test
  void aListOfWhatAsksForTheItemsNotForAList() {
    Question q = reader.read("cust lost their copy of the scope. quick list of what the Azure RMS piece included?");
    assertFalse(q.topic().containsKey("list"), q.toString());
    assertTrue(reader.read("can FastTrack migrate our distribution lists?").topic().containsKey("list"),
        "a list that is the thing asked about stays");
  }

  @Test
  void willThatWorkAsksWhetherWhatCameBeforeIsPossible() {
    Question q = reader.read("We have 300 personally owned laptops on Windows 11 Pro. Will that work?");
    assertEquals(1, q.groups().size(), q.toString());
    assertFalse(q.groups().get(0).terms().containsKey("work"), q.toString());
    assertTrue(q.groups().get(0).terms().containsKey("laptop"), "the clause before is what it asks about: " + q);
  }

  @Test
  void aLongLabelBeforeAQuestionWordIsContextAndTheRestAsks() {
    Question q = reader.read("AADP with sync from on-prem: who adds the IT admins to the subscription?");
    assertEquals(List.of("who adds the IT admins to the subscription?"), q.ask());
    assertEquals(Intent.WHO, q.intent());
  }

  @Test
  void askingWhetherItIsUpToOneSideOrTheOtherAsksWhose() {
    assertEquals(Intent.WHO, reader.read("Is it up to FastTrack to line up our people for each session, or do we "
        + "manage our own staff?").intent());
    assertEquals(Intent.WHO, reader.read("is it on us to book the rooms, or does FT sort that?").intent());
  }

  @Test
  void chatShorthandIsReadAsTheWordsItStandsFor() {
    Question q = reader.read("who sorts the mgmt prereqs, us or the cust?");
    assertTrue(q.corrected().contains("management prerequisites"), q.corrected());
    assertTrue(q.corrected().endsWith("us or the customer?"), q.corrected());
    assertEquals(Intent.WHO, q.intent());
    assertEquals("intune", reader.read("can FastTrack set up Autopilot w/o Intune?").request().without());
    assertTrue(reader.read("is the customsync tool covered?").corrected().contains("customsync"));
    assertTrue(reader.read("did MS promise the migration?").corrected().startsWith("did microsoft promise"));
  }

  @Test
  void askingWhatTheDocumentsSayAsksNothingOfItsOwn() {
    Question q = reader.read("do we hand them one remediation checklist for both services? what does the FT doc "
        + "actually say");
    assertEquals(List.of("do we hand them one remediation checklist for both services?"), q.ask());
    assertEquals(1, q.groups().size(), q.toString());
  }

  @Test
  void contractionsWithoutTheirApostropheAreTheContractions() {
    assertTrue(reader.read("thats on them right?").corrected().startsWith("that's on them"));
    assertTrue(reader.read("we dont have AD FS, cant FastTrack set it up?").corrected()
        .startsWith("we don't have AD FS, can't FastTrack"));
  }

  @Test
  void seemingAndKindsAreChatNotTopic() {
    Question q = reader.read("they seem to think this is the kind of migration FastTrack does. is it?");
    assertTrue(q.topic().keySet().stream().noneMatch(t -> t.startsWith("seem") || t.equals("kind")), q.toString());
  }

  @Test
  void retiringServersIsDecommissioningThem() {
    assertEquals(reader.read("who decommissions the old servers?").groups().get(0).terms().keySet(),
        reader.read("who retires the old servers?").groups().get(0).terms().keySet());
  }

  @Test
  void availableThereAsksAboutThePlaceNamedBefore() {
    Question q = reader.read("our tenant is in the Zorbia sovereign cloud. is the benefit available there?");
    assertTrue(q.groups().get(0).terms().containsKey("tenant"), q.toString());
  }

  @Test
  void aTurnaroundOrResponseTimeAsksHowLong() {
    assertEquals(QuestionIntent.AnswerType.DURATION,
        reader.read("what response time can we expect from the support team?").answerType());
    assertEquals(QuestionIntent.AnswerType.DURATION,
        reader.read("what turnaround does the team commit to for a fix?").answerType());
    assertEquals(QuestionIntent.AnswerType.DURATION,
        reader.read("what's FT's committed response time on emails between the calls?").answerType());
    assertEquals(QuestionIntent.AnswerType.DURATION,
        reader.read("What's the support team's SLA in days for a restore request?").answerType());
  }

  @Test
  void theUnitsOfAHowLongQuestionAreNotItsTopic() {
    Question q = reader.read("how long does the onboarding approval take — days or weeks?");
    assertTrue(q.topic().keySet().stream().noneMatch(t -> t.startsWith("dai") || t.startsWith("week")), q.toString());
  }

  @Test
  void eGDoesNotEndASentence() {
    assertEquals(List.of("does the portal give us recommendations from other rollouts, e.g. by scenario?"),
        reader.read("does the portal give us recommendations from other rollouts, e.g. by scenario?").ask());
  }

  @Test
  void aTimeClauseBeforeTheAskSetsItsScene() {
    assertEquals(List.of("do we tell FastTrack we're ready?"),
        reader.read("when the remediation is done, do we tell FastTrack we're ready?").ask());
    assertEquals(Intent.INFO, reader.read("when will the remediation review start?").intent());
  }

  @Test
  void aClauseAfterTheAskThatSetsTheSceneIsContext() {
    Question q = reader.read("who configures the Exchange connectors once we send the migration schedule?");
    assertEquals(List.of("who configures the Exchange connectors"), q.ask());
    assertFalse(q.groups().get(0).terms().keySet().stream().anyMatch(t -> t.startsWith("schedul")), q.toString());
    // the case a question likens its own to is not what it asks about
    Question like = reader.read("will FastTrack configure the Exchange connectors just like they do for SharePoint?");
    assertEquals(List.of("will FastTrack configure the Exchange connectors"), like.ask());
    assertTrue(like.context().stream().anyMatch(t -> t.startsWith("sharepoint")), like.toString());
    // what the ask adds to is had already: not what is asked about
    Question more = reader.read("will FastTrack configure the connectors on our Exchange servers as well, not just the"
        + " mailbox servers?");
    assertEquals(List.of("will FastTrack configure the connectors on our Exchange servers as well,"), more.ask());
    assertFalse(more.groups().get(0).terms().containsKey("well"), more.toString());
    assertTrue(more.context().stream().anyMatch(t -> t.startsWith("mailbox")), more.toString());
    // "before" states a case to compare ("before we qualify"), not a time: it stays in the ask
    assertEquals(1, reader.read("is there a minimum number of seats before we qualify?").ask().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      who actually configures the Exchange connectors?           | configur
      whose job is it to enroll the test devices?                 | enrol
      who is supposed to verify the remediation results?         | verifi
      who will migrate the mailboxes, us or FastTrack?             | migrat
      who handles the Exchange connectors?                        | ''
      who is responsible for the test devices?                    | ''
      is FastTrack configuring the Exchange connectors?           | ''
      """)
  void readsTheActionAWhoQuestionAsksTheDoerOf(String question, String action) {
    assertEquals(action, reader.read(question).action());
  }

  @Test
  void aRelativeClauseDescribesRatherThanAsks() {
    Question q = reader.read("they read the 2016 page, which only lists email profiles. can FastTrack guide wireless profiles?");
    assertEquals(1, q.groups().size(), q.groups().toString());
    assertFalse(q.groups().get(0).terms().containsKey("email"), q.groups().toString());
  }

  @Test
  void aClauseNamingOnlyTheSidesIsNotTheTopic() {
    Question three = reader.read("who decides which workshops we get - us, the partner, or FT?");
    assertEquals(1, three.groups().size(), three.groups().toString());
    Question q = reader.read("who configures the firewall ports, us or FastTrack?");
    assertEquals(1, q.groups().size(), q.groups().toString());
    assertTrue(q.groups().get(0).terms().keySet().stream().anyMatch(t -> t.startsWith("firewal")), q.toString());
  }

  @Test
  void aClauseSettingOneSideAgainstAnyOtherPartyIsNotTheTopic() {
    // "us or the hosting provider?": the other party is named with a determiner, not a word the documents use
    for (String question : List.of("who rotates the storage keys - us or the hosting provider?",
        "who rotates the storage keys; the hosting provider or FastTrack?")) {
      Question q = reader.read(question);
      assertEquals(1, q.groups().size(), q.groups().toString());
      assertFalse(q.groups().get(0).terms().keySet().stream().anyMatch(t -> t.startsWith("host")), q.groups().toString());
    }
  }

  @Test
  void aClauseThatOnlySetsSomethingUpAsksAboutTheClauseBeforeIt() {
    // "setting that up": the work is the thing named before, not the verb
    Question q = reader.read("we want SSL certificates for a couple of servers. whose job is setting that up, yours or ours?");
    assertTrue(q.groups().get(0).terms().keySet().stream().anyMatch(t -> t.startsWith("certif")), q.groups().toString());
  }

  @Test
  void aQuestionThatPointsBackTakesTheClauseBeforeIt() {
    Question q = reader.read("Customer claims FastTrack promised to decommission their AD FS farm. True?");
    assertTrue(q.groups().stream().anyMatch(g -> g.terms().containsKey("decommiss")), q.groups().toString());
    Question what = reader.read("the enable phase diagram mentions SDS. what is that");
    assertEquals(1, what.groups().size());
    double sds = what.groups().get(0).terms().get("sd");
    assertTrue(what.groups().get(0).terms().values().stream().allMatch(b -> b <= sds), "the last thing named counts most");
    // "in scope under …?": a verdict without its subject asks about the clause before it
    Question scope = reader.read("customer wants FT to build eight custom RMS templates. in scope under the 2016 benefit?");
    assertTrue(scope.groups().get(0).terms().containsKey("templat"), scope.groups().toString());
    assertFalse(AskingWords.pointsBack("can this tenant qualify?"), "\"this tenant\" is named here");
    assertTrue(AskingWords.pointsBack("who reviews it?"), "who does what only a pronoun names");
    assertTrue(AskingWords.pointsBack("who signs that off?"));
    assertFalse(AskingWords.pointsBack("who reviews the remediation plan?"));
    Question reviews = reader.read("after we send the SSL certificate request, who reviews it?");
    assertTrue(reviews.groups().get(0).terms().keySet().stream().anyMatch(t -> t.startsWith("certif")),
        reviews.groups().toString());
    assertTrue(reader.read("PTA: which agents do we need?").groups().get(0).terms().containsKey("agent"),
        "a question after a label still asks");
    // "does that change …": the subject is what the clause before it says
    Question change = reader.read("we buy our licences through a reseller, not an EA. does that change whether we qualify?");
    assertTrue(change.groups().get(0).terms().containsKey("resel"), "\"that\" is buying through a reseller: "
        + change.groups());
  }

  @Test
  void aPronounAsksAboutWhatTheClauseBeforeItNames() {
    Question q = reader.read("we still have some Windows Server 2012 R2 boxes. will FastTrack onboard them into Intune?");
    assertTrue(q.groups().get(0).terms().containsKey("2012"), "\"them\" are the 2012 R2 boxes: " + q.groups());
    Question training = reader.read("our analysts want a session on advanced hunting. can FastTrack deliver that training?");
    assertTrue(training.groups().get(0).terms().containsKey("hunt"), "\"that training\" is the session: " + training.groups());
    Question people = reader.read("the customer has 40 kiosks. can FastTrack set up Intune for them before the launch?");
    assertTrue(people.groups().stream().noneMatch(g -> g.terms().containsKey("kiosk")),
        "\"for them\" stands for the people asking: " + people.groups());
  }

  @Test
  void howSomethingIsDoneWeighsLessThanWhatIsDone() {
    Map<String, Double> terms = reader.read("can FastTrack enroll our devices directly?").topic();
    assertEquals(0.5, terms.get("directli"), terms.toString());
  }

  @Test
  void aBareNumberWeighsLessThanWhatItCounts() {
    Map<String, Double> terms = reader.read("customer expects FT to deploy AD FS across 3 forests. in scope?").topic();
    assertEquals(0.5, terms.get("3"), terms.toString());
    assertEquals(1.0, terms.get("forest"), terms.toString());
  }

  @Test
  void readsWhatLimitsCanAnswer() {
    Question.Request r = reader.read("we still run Exchange 2007 and SharePoint Server 2016; can you set up all "
        + "three connector servers again, on site, on Saturday at 23:00, without a forest trust?").request();
    assertEquals("2007", r.versions().get("exchange"));
    assertEquals("2016", r.versions().get("sharepoint"));
    assertEquals("2012 r2", reader.read("can you onboard Windows Server 2012 R2?").request().versions().get("server"),
        "a second release is part of the version");
    assertEquals("8.1", RequestWords.request("we still have 600 win 8.1 machines").versions().get("windows"),
        "a product's short name is the product's");
    assertTrue(reader.read("we have ~12k Exchange Online seats. do we qualify?").request().counts().stream()
        .anyMatch(c -> c.n() == 12_000 && c.following().contains("seats")), "\"12k\" is twelve thousand");
    assertTrue(r.counts().stream().anyMatch(c -> c.n() == 3 && c.following().contains("server")), r.toString());
    assertTrue(r.repeat() && r.onSite() && r.offHours(), r.toString());
    assertTrue(reader.read("FT promised to send an engineer to their plant in Ohio. true?").request().onSite(),
        "sending someone to the customer's plant is on site");
    assertFalse(reader.read("we use a CMG for the laptops that never come to the office. covered?").request().onSite(),
        "a place things never come to asks for no one on site");
    assertFalse(reader.read("our staff don't come to our office anymore. can FT help with VPN?").request().onSite());
    List<Question.Request.Count> two = RequestWords.request("we have 3 sites and 200 users").counts();
    assertEquals(2, two.size(), two.toString());
    assertTrue(RequestWords.request("it takes several days and uses multi-factor sign-in").counts().isEmpty());
    Question.Request cutover = RequestWords.request("our cutover window is saturday 02:00 cet. can we get help?");
    assertTrue(cutover.versions().isEmpty(), "a time of day is no version: " + cutover.versions());
    assertTrue(cutover.offHours());
    assertEquals("2016", RequestWords.request("we run sharepoint server 2016 on prem").versions().get("server"));
    assertTrue(r.without().startsWith("forest trust"), r.without());
  }

  @Test
  void correctsTyposButNotEverydayWords() {
    Question q = reader.read("who checks we're eligable for the benefit in these sessions");
    assertEquals(List.of("eligable → eligible"), q.corrections());
  }

  @Test
  void splitsTwoWordsRunTogetherWhereTheDocumentsWriteThemApart() {
    // the documents write "Pass-through Authentication"; "passthrough" is known only inside the synonyms' phrases
    Question q = reader.read("will FT configure passthrough auth for us?");
    assertEquals(List.of("passthrough → pass through"), q.corrections());
    assertTrue(q.topic().containsKey("pta"), q.topic().toString());
    // a word the documents write whole, or that is everyday English, is left alone
    assertEquals(List.of(), reader.read("can you help with our passwords and our database?").corrections());
  }

  @Test
  void namesAProductTheDocumentsNeverMention() {
    assertEquals(List.of("sentinel"), reader.read("sentinel onboarding included?").absent());
    assertEquals(List.of("Microsoft Defender for Office 365"),
        reader.read("Is Microsoft Defender for Office 365 part of onboarding?").absent());
    assertTrue(reader.read("Is Entra Connect across forests included?").absent().isEmpty());
  }
}
