package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.corpus.Constraints;
import com.scopebot.corpus.Versions;
import com.scopebot.corpus.Limit;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.Statements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constraints read from a statement, compared with what the question states: violated answers "no" saying the
 * constraint, satisfied or unmentioned answers "yes" (on the condition, when the question leaves it open).
 */
class ConstraintTest {

  private static Answerer answerer;

  @BeforeAll
  static void load() throws Exception {
    answerer = Engine.load(Path.of("src/test/resources/constraint-corpus"), null);
  }

  @Test
  void howManyAnActivityIsDoneToIsHowManyItCovers(@TempDir Path dir) throws Exception {
    Answerer gadgets = gadgetRights(dir, "");
    Answer five = gadgets.answer("can FastTrack configure five test distribution groups for our policies?");
    assertEquals(Verdict.OUT_OF_SCOPE, five.verdict(), five.answer());
    assertTrue(five.answer().contains("two test distribution groups"), five.answer());
    Answer two = gadgets.answer("can FastTrack configure two test distribution groups for our policies?");
    assertEquals(Verdict.IN_SCOPE, two.verdict(), two.answer());
  }

  @Test
  void aLimitTheQuestionGoesBeyondDoesNotAnswerWhoseTheWorkIs(@TempDir Path dir) throws Exception {
    Answerer gadgets = gadgetRights(dir, "\n## Your responsibilities\n\n- Briefing the regional offices.\n");
    // a question that goes beyond a limit is answered by it, and counts it as one more of its words held; a question
    // asking whose the work is holds only its words
    double covered = coverage(gadgets.explain("can FastTrack configure 40 distribution groups for regional offices?"));
    double who = coverage(gadgets.explain("who configures 40 distribution groups for regional offices?"));
    double plain = coverage(gadgets.explain("who configures distribution groups for regional offices?"));
    assertTrue(covered > who, covered + " against " + who);
    assertTrue(who <= plain, who + " against " + plain);
  }

  @Test
  void aLatestVersionIsACeilingALaterOneGoesBeyond(@TempDir Path dir) throws Exception {
    Answerer gizmo = oneItem(dir, "Gizmo migration", "What FastTrack does",
        "Guidance on migrating Gizmo databases to the cloud for Gizmo versions till 5.0.");
    Answer later = gizmo.answer("can FastTrack guide migrating our Gizmo 5.1 databases to the cloud?");
    assertEquals(Verdict.OUT_OF_SCOPE, later.verdict(), later.answer());
    assertTrue(later.answer().contains("Gizmo versions till 5.0; you asked about 5.1, a later version"), later.answer());
    Answer earlier = gizmo.answer("can FastTrack guide migrating our Gizmo 4.0 databases to the cloud?");
    assertEquals(Verdict.IN_SCOPE, earlier.verdict(), earlier.answer());
    Answer unsaid = gizmo.answer("can FastTrack guide migrating our Gizmo databases to the cloud?");
    assertEquals(Verdict.IN_SCOPE, unsaid.verdict(), unsaid.answer());
    assertTrue(unsaid.answer().contains("Gizmo versions till 5.0"), "the answer says the ceiling: " + unsaid.answer());
  }

  @Test
  void aVersionTheRequirementListsMeetsIt(@TempDir Path dir) throws Exception {
    Answerer upgrade = oneItem(dir, "Upgrade guidance", "Source environment expectations",
        "Source OS: Windows 7 Enterprise or Professional, Windows 8.1 Enterprise or Professional");
    Answer met = upgrade.explain("our tablets run Windows 8.1 Enterprise. are they eligible for the upgrade guidance?");
    assertEquals(Verdict.IN_SCOPE, met.explain().reached(), met.explain().reason());
    Answer beyond = upgrade.answer("our tablets run Windows 8 Enterprise. are they eligible for the upgrade guidance?");
    assertEquals(Verdict.OUT_OF_SCOPE, beyond.verdict(), beyond.answer());
    Answer unsettled = upgrade.explain("is the source OS of our tablets eligible for the upgrade guidance?");
    assertEquals(Verdict.UNKNOWN, unsettled.verdict(), unsettled.answer());
    assertTrue(unsettled.explain().reason().contains("requirement the question doesn't settle"),
        unsettled.explain().reason());
  }

  @Test
  void theOtherKindsOfAThingTheDocumentsExcludeAreOutOfScope(@TempDir Path dir) throws Exception {
    Answerer sync = oneItem(dir, "Gadget sync", "What FastTrack does", "Configuring gadget sync with password "
        + "writeback. Password hash sync and password writeback support multiple forests. However, other writeback "
        + "scenarios aren't supported.");
    Answer device = sync.answer("we have two forests. can FastTrack configure device writeback for gadget sync?");
    assertEquals(Verdict.OUT_OF_SCOPE, device.verdict(), device.answer());
    assertTrue(device.answer().contains("password writeback only") && device.answer().contains("device writeback"),
        device.answer());
    Answer password = sync.answer("we have two forests. can FastTrack configure password writeback for gadget sync?");
    assertEquals(Verdict.IN_SCOPE, password.verdict(), password.answer());
  }

  /** An engine on one document with one item under one section. */
  private static Answerer oneItem(Path dir, String title, String section, String item) throws Exception {
    Files.writeString(dir.resolve("doc.md"), "---\ntitle: " + title + "\nms.date: 03/04/2024\n---\n# " + title
        + "\n\n## " + section + "\n\n- " + item + "\n");
    return Engine.load(dir, null);
  }

  /** A document whose one grant counts what its activity covers, and what else is given. */
  private static Answerer gadgetRights(Path dir, String more) throws Exception {
    Files.writeString(dir.resolve("gadget-rights.md"), "---\ntitle: Gadget rights\nms.date: 03/04/2024\n---\n"
        + "# Gadget rights\n\n## What FastTrack does\n\n- Configuring two test distribution groups to validate "
        + "policies.\n" + more);
    return Engine.load(dir, null);
  }

  private static double coverage(Answer explained) {
    return explained.explain().top().stream().filter(t -> t.statement().contains("two test distribution groups"))
        .findFirst().orElseThrow().coverage();
  }

  @Test
  void readsALeastCountAsAMinimum() {
    List<Limit> limits = Constraints.of("You can use the benefit when you purchase at least 150 licenses for X.");
    Limit least = limits.stream().filter(l -> l.kind() == Limit.Kind.MIN_COUNT).findFirst().orElseThrow();
    assertEquals(150, least.max());
    assertEquals("licenses", least.subject(), "what is counted ends at \"for\"");
    assertTrue(Constraints.of("Tenants with 150+ users qualify.").stream()
        .anyMatch(l -> l.kind() == Limit.Kind.MIN_COUNT && l.max() == 150));
  }

  @Test
  void aLimitInAParenthesisAfterOneItemOfAListLimitsThatItemOnly(@TempDir Path dir) throws Exception {
    String item = "Configuring Gadget hybrid features, like hybrid search, hybrid site creation (Gadget Server 2013 only), "
        + "extended app launcher, and extranet sites.";
    Limit versions = Constraints.of(item).stream().filter(l -> l.kind() == Limit.Kind.VERSIONS).findFirst().orElseThrow();
    assertEquals("hybrid site creation", versions.item());
    assertEquals("", Constraints.of("Configuring hybrid search (Gadget Server 2013 only).").get(0).item(),
        "no list: the aside limits the statement");
    Files.writeString(dir.resolve("gadget-hybrid.md"), "---\ntitle: Gadget hybrid\nms.date: 03/04/2024\n---\n"
        + "# Gadget hybrid\n\n## What FastTrack does\n\n- " + item + "\n");
    Answerer gadgets = Engine.load(dir, null);
    Answer search = gadgets.answer("we run Gadget Server 2016. does FastTrack help configure hybrid search?");
    assertEquals(Verdict.IN_SCOPE, search.verdict(), search.answer());
    Answer creation = gadgets.answer("we run Gadget Server 2016. does FastTrack help configure hybrid site creation?");
    assertEquals(Verdict.OUT_OF_SCOPE, creation.verdict(), creation.answer());
    assertTrue(creation.answer().contains("2016 is not among them"), creation.answer());
  }

  @Test
  void aLeastCountIsWeighedWhateverTheWordsAroundItAndHoweverManyStatementsShareThem(@TempDir Path dir)
      throws Exception {
    StringBuilder md = new StringBuilder("---\ntitle: Gadgets\nms.date: 03/04/2024\n---\n# Gadget benefit\n\n");
    for (int i = 0; i < 120; i++) {
      md.append("- Configuring gadget feature ").append(i).append(" for eligible services and their seats.\n");
    }
    md.append("\n## Plans\n\nYou must purchase at least 150 licenses from one of the plans listed in the tables "
        + "below, grouped by product family and by the region the plan is sold in, to be eligible for the benefit.\n");
    Files.writeString(dir.resolve("gadgets.md"), md.toString());
    Answer a = Engine.load(dir, null).answer("we have 120 seats. are we eligible?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("requires at least 150 licenses"), a.answer());
  }

  @Test
  void aCountBelowTheMinimumIsOutOfScopeAndSaysTheMinimum() {
    Answer a = answerer.answer("We only have 80 seats of Widget Manager. Can we use the benefit?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("The benefit requires at least 150 licenses; you asked about 80 seats, fewer than"
        + " that."), a.answer());
    // a product name with digits between the number and what it counts
    Question.Request r = RequestWords.request("customer has 120 widget 365 e3 seats. do they qualify?");
    assertEquals(120, r.counts().get(0).n());
    assertTrue(r.counts().get(0).following().endsWith("seats"), r.counts().toString());
    Answer product = answerer.answer("Customer has 120 Widget 365 E3 seats. Can they use the benefit?");
    assertEquals(Verdict.OUT_OF_SCOPE, product.verdict(), product.answer());
  }

  @Test
  void whatTheCaseDoesNotReportItLacks() {
    Answer a = answerer.answer("Our widget reseller's portal doesn't expose the Gadget Partner designation. Can we "
        + "still get the benefit?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("which your question says is missing"), a.answer());
  }

  @Test
  void whatSomeoneMustHaveIsARequirementAQuestionCanSayIsMissing() {
    Limit must = Constraints.of("All widget resellers must have the Gadget Partner designation.").stream()
        .filter(l -> l.kind() == Limit.Kind.PREREQUISITE).findFirst().orElseThrow();
    assertEquals("designation", must.subject());
    Answer a = answerer.answer("Our widget reseller has no Gadget Partner designation. Can we still get the benefit?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertEquals("All widget resellers must have the Gadget Partner designation.", a.citations().get(0).quote());
    assertTrue(a.answer().contains("The benefit requires this (\u201cmust have the gadget partner designation\u201d), "
        + "which your question says is missing."), a.answer());
  }

  @Test
  void aRequirementTheQuestionDoesNotSayIsMissingIsNotHeldAgainstIt() {
    Answer a = answerer.answer("Our widget reseller has the Gadget Partner designation. Can we get the benefit?");
    assertTrue(a.verdict() != Verdict.OUT_OF_SCOPE, a.answer());
  }

  @Test
  void oneItemOfAListIsNotAllTheListGrants() {
    // each item is a statement of its own, naming one version: the other item still grants its own
    Answer listed = answerer.answer("Can FastTrack help configure our Gateway Box 2019 appliances?");
    assertTrue(listed.verdict() != Verdict.OUT_OF_SCOPE, listed.answer());
    Answer unlisted = answerer.answer("Can FastTrack help configure our Gateway Box 2012 appliances?");
    assertEquals(Verdict.OUT_OF_SCOPE, unlisted.verdict(), unlisted.answer());
  }

  @Test
  void aCountAboveTheMinimumIsNotHeldAgainstTheQuestion() {
    Answer a = answerer.answer("We purchase 400 licenses of Widget Manager. Can we use the benefit?");
    assertTrue(a.verdict() != Verdict.OUT_OF_SCOPE, a.answer());
  }

  @Test
  void aQuestionThatLeavesAConditionOpenGetsAYesOnThatCondition() {
    Answer a = answerer.answer("Is cross-forest widget sync supported?");
    assertEquals(Verdict.IN_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().startsWith("Yes, if the documents' condition holds (\u201cthere are forest trusts"),
        a.answer());
  }

  @Test
  void aCountAboveTheCeilingIsOutOfScope() {
    Answer a = answerer.answer("Can FastTrack enroll five test kiosks per platform?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("The benefit covers up to two test kiosks; you asked about 5 test kiosks."),
        a.answer());
  }

  @Test
  void everyOneOfAThingIsMoreThanAnyCeiling() {
    Answer a = answerer.answer("Can FastTrack enroll all of our kiosks?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.answer().contains("The benefit covers up to two test kiosks; you asked about all of our kiosks."),
        a.answer());
    Answer each = answerer.answer("Does FastTrack enroll each test kiosk platform?");
    assertEquals(Verdict.OUT_OF_SCOPE, each.verdict(), each.answer());
  }

  @Test
  void moreThanOneIsBeyondASingleOne() {
    assertEquals(List.of(new Limit(Limit.Kind.COUNT, "a single-site", "site", 1, java.util.Set.of())),
        Constraints.of("Installing the widget relay in a single-site, fault-tolerant configuration."));
    // "in a single forest" is who the statement is for, not what it delivers
    assertTrue(Constraints.of("Installing the widget relay in a single forest.").isEmpty());
    Answer multi = answerer.answer("Does FastTrack's widget relay guidance cover a multi-site design?");
    assertEquals(Verdict.OUT_OF_SCOPE, multi.verdict(), multi.answer());
    assertTrue(multi.answer().contains("The benefit covers a single-site; you asked about multi-site."), multi.answer());
    assertEquals(2, RequestWords.request("we run several sites").counts().get(0).n());
    Answer one = answerer.answer("Can FastTrack install the widget relay for us?");
    assertEquals(Verdict.IN_SCOPE, one.verdict(), one.answer());
  }

  @Test
  void aNumberAfterAProductsNameIsItsVersionNotACount() {
    assertTrue(RequestWords.request("the customer claims Windows 10 devices are off the table").counts().isEmpty());
    assertTrue(RequestWords.request("we run Exchange 2013 mailboxes").counts().isEmpty());
    assertEquals(10, RequestWords.request("we have 10 devices").counts().get(0).n());
    assertEquals(10, RequestWords.request("About 10 devices need it").counts().get(0).n());
    // "multi-session" is a kind of Windows, not two sessions
    assertTrue(RequestWords.request("we host Enterprise multi-session desktops").counts().isEmpty());
  }

  @Test
  void aDayAfterAMonthIsADateNotAVersion() {
    assertTrue(RequestWords.request("can we keep the servers running after november 9, 2025?").versions().isEmpty());
    assertEquals("2016", RequestWords.request("we still run exchange 2016").versions().get("exchange"));
  }

  @Test
  void beforeASideActsIsWhenNotWhatIsMissing() {
    assertEquals("", RequestWords.request("are there any minimum requirements before fasttrack can help us?").without());
    assertEquals("we have the licences", RequestWords.request("can you start before we have the licences?").without());
  }

  @Test
  void eachTimeIsNotEveryOne() {
    Question.Request r = RequestWords.request("after each kiosk enrollment, do we get a report?");
    assertTrue(r.counts().isEmpty(), r.counts().toString());
  }

  @Test
  void aListThatNamesSingleAndMultipleIsNoCeiling() {
    Statement s = Statements.of("Single hub forest; Multiple hub forests.", "", com.scopebot.corpus.Holder.MICROSOFT,
        true, com.scopebot.corpus.Polarity.NONE).get(0);
    assertTrue(s.limits(Limit.Kind.COUNT).isEmpty(), s.limits().toString());
    Answer a = answerer.answer("Can FastTrack connect widget hubs across three hub forests?");
    assertTrue(a.verdict() != Verdict.OUT_OF_SCOPE, a.answer());
  }

  @Test
  void wordsThatCountTheSameThingAreCompared() {
    assertTrue(Inference.overlaps("licenses for widget manager", "seats"));
    assertTrue(!Inference.overlaps("licenses", "kiosks"));
  }

  @Test
  void aQuestionThatLacksSomethingIsAnsweredByTheStatementAboutThatCase() {
    Answer a = answerer.answer("The customer says FastTrack will set up kiosk mode without Widget Manager. Correct?");
    assertEquals(Verdict.OUT_OF_SCOPE, a.verdict(), a.answer());
    assertTrue(a.citations().get(0).quote().contains("outside Widget Manager"), a.citations().get(0).quote());
    Answer with = answerer.answer("Will FastTrack set up kiosk mode in Widget Manager?");
    assertEquals(Verdict.IN_SCOPE, with.verdict(), with.answer());
    Answer not = answerer.answer("Will FastTrack set up kiosk mode through our own tool, not through Widget Manager?");
    assertEquals(Verdict.OUT_OF_SCOPE, not.verdict(), not.answer());
    assertEquals("widget manager", RequestWords.request("set it up instead of widget manager").without());
  }

  @Test
  void aRequirementTheQuestionSaysIsMissingIsViolated(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("kiosk.md"), """
        ---
        title: FastTrack for Kiosks
        ms.date: 03/04/2024
        ---
        # FastTrack for Kiosks

        ## What FastTrack does

        - Guidance on upgrading kiosks to Widget OS.

        ## Kiosk upgrade requirements

        - Source OS: Widget OS 7 Enterprise or Professional.
        - Target OS: Widget OS Enterprise.
        - A kiosk management project in the Widget Portal.
        """);
    Answerer kiosks = Engine.load(dir, null);
    Answer pro = kiosks.answer("can FastTrack help us upgrade our kiosks to Widget OS Pro (not Enterprise)?");
    assertEquals(Verdict.OUT_OF_SCOPE, pro.verdict(), pro.answer());
    assertTrue(pro.answer().contains("requires this (\u201cTarget OS: Widget OS Enterprise.\u201d), which your question"
        + " says is missing"), pro.answer());
    Answer project = kiosks.answer("we don't have a kiosk management project in the Widget Portal yet. can FastTrack"
        + " guide our kiosk upgrade?");
    assertEquals(Verdict.OUT_OF_SCOPE, project.verdict(), project.answer());
    Answer met = kiosks.answer("can FastTrack help us upgrade our kiosks to Widget OS Enterprise?");
    assertEquals(Verdict.IN_SCOPE, met.verdict(), met.answer());
    assertEquals("", RequestWords.request("we want our own team to do it, not Microsoft").without(),
        "a side is not a thing the case lacks");
    assertEquals("mem", RequestWords.request("with workspace one, not mem").without());
  }

  @Test
  void aStatementThatUsesWhatTheQuestionIsWithoutRanksLowerUnderAnyOfItsNames(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("browser.md"), """
        ---
        title: FastTrack for Widget Browser
        ms.date: 03/04/2024
        ---
        # FastTrack for Widget Browser

        ## What FastTrack does

        - A FastTrack Specialist works with you to deploy Widget Browser with Microsoft Endpoint Manager.
        """);
    // the synonym map reads MEM and Microsoft Endpoint Manager as one
    Answer a = Engine.load(dir, null).explain("we push apps with Gizmo ONE, not MEM. will a FastTrack specialist deploy"
        + " Widget Browser for us?");
    assertEquals(-1.0, a.explain().top().get(0).features().get("absence"), a.explain().top().toString());
  }

  @Test
  void migratingTheCustomersNamedProductToAnotherIsMovingOffIt() {
    assertTrue(Ranking.movesFromElsewhere(
        "Microsoft provides guidance on migrating your Widget Classic database to Widget Manager.", "gizmotron"));
    assertFalse(Ranking.movesFromElsewhere(
        "Microsoft provides guidance on migrating your Widget Classic database to Widget Manager.", "widget classic"));
    assertFalse(Ranking.movesFromElsewhere("Guidance on migrating your mailboxes to Widget Mail.", "gizmomail"),
        "what is moved is not the product it is moved off");
  }

  @Test
  void movingOffAProductTheDocumentsNeverNameIsNotAnsweredByMovingOffAnother() {
    Answer other = answerer.explain("We use Gizmotron for widgets today. Will FastTrack move us to Widget Manager?");
    assertTrue(other.verdict() == Verdict.UNKNOWN
        || !other.citations().get(0).quote().contains("moving from Widget Classic"), other.answer());
    assertTrue(other.explain().top().stream().filter(t -> t.statement().contains("moving from Widget Classic"))
        .allMatch(t -> t.coverage() < 0.5), other.explain().top().toString());
    Answer same = answerer.answer("We use Widget Classic today. Will FastTrack move us to Widget Manager?");
    assertEquals(Verdict.IN_SCOPE, same.verdict(), same.answer());
  }

  @Test
  void aDeploymentTheStatementIsNotForIsOutOfScope() {
    Answer onPremises = answerer.answer("We run Widget Manager on-prem. Will FastTrack guide our widget dashboards?");
    assertEquals(Verdict.OUT_OF_SCOPE, onPremises.verdict(), onPremises.answer());
    assertTrue(onPremises.answer().contains("for cloud deployments; a deployment on premises is not among them"),
        onPremises.answer());
    Answer cloud = answerer.answer("We run Widget Manager in the cloud. Will FastTrack guide our widget dashboards?");
    assertEquals(Verdict.IN_SCOPE, cloud.verdict(), cloud.answer());
    assertEquals("", RequestWords.deploymentOf("we're migrating from on-prem crm to the new service"));
  }

  @Test
  void aSecondReleaseOrServicePackIsPartOfTheVersion() {
    Limit listed = Constraints.of("Onboarding of the following operating systems: Windows Server 2012 R2.").stream()
        .filter(l -> l.kind() == Limit.Kind.VERSIONS).findFirst().orElseThrow();
    assertEquals("Windows Server 2012 R2", listed.phrase());
    assertEquals(java.util.Set.of("2012 r2"), listed.values());
    assertEquals(2012.5, Versions.version("2012 R2"));
    assertEquals(2016.1, Versions.version("2016 SP1"), 1e-9);
    assertTrue(Versions.version("2012") < Versions.version("2012 R2")
        && Versions.version("2012 R2") < Versions.version("2013"));
  }

  @Test
  void anExclusionListExcludesWhatItNamesAndNothingElse() {
    Answer named = answerer.answer("Can FastTrack onboard widget agents on our Widget Server 2008 boxes?");
    assertEquals(Verdict.OUT_OF_SCOPE, named.verdict(), named.answer());
    assertTrue(named.citations().get(0).quote().contains("Widget Server 2008"), named.citations().get(0).quote());
    Answer other = answerer.answer("Can FastTrack onboard widget agents on our Widget Server 2019 boxes?");
    assertTrue(other.verdict() != Verdict.OUT_OF_SCOPE, other.answer());
    Answer linux = answerer.answer("Can FastTrack onboard widget agents on our Linux boxes?");
    assertEquals(Verdict.OUT_OF_SCOPE, linux.verdict(), linux.answer());
    Answer kiosks = answerer.answer("Can FastTrack onboard widget agents on our Gadget kiosks?");
    assertEquals(Verdict.IN_SCOPE, kiosks.verdict(), "\"Gadget Mainframes\" is named by its telling word, not by "
        + "\"Gadget\": " + kiosks.answer());
    Answer mainframes = answerer.answer("Can FastTrack onboard widget agents on our Gadget mainframes?");
    assertEquals(Verdict.OUT_OF_SCOPE, mainframes.verdict(), mainframes.answer());
  }

  @Test
  void aPassageThatGivesNoVerdictSaysWhatItLacks() {
    Answer amount = answerer.answer("how many widget dashboards does the benefit include?");
    assertEquals(Verdict.UNKNOWN, amount.verdict());
    assertTrue(amount.answer().startsWith("The closest passage doesn't give what you asked for: \u201cGuidance on widget "
        + "dashboards"), amount.answer());
    Answer versions = answerer.answer("which widget dashboard versions are supported?");
    assertEquals(Verdict.UNKNOWN, versions.verdict(), "a passage naming no version: " + versions.answer());
    Answer who = answerer.answer("who sets up the widget gateway?");
    assertEquals(Verdict.UNKNOWN, who.verdict(), "no side is named, so there is no side to give: " + who.answer());
    assertTrue(who.answer().startsWith("The documents speak of this without saying whose job it is"), who.answer());
  }

  @Test
  void aConditionTheQuestionSaysIsNotMetIsOutOfScope() {
    Answer unmet = answerer.answer("some of our kiosks don't meet the kiosk hardware requirements. will FastTrack guide "
        + "upgrading them to Widget OS?");
    assertEquals(Verdict.OUT_OF_SCOPE, unmet.verdict(), unmet.answer());
    assertTrue(unmet.answer().contains("only if they meet the kiosk hardware requirements"), unmet.answer());
    Answer open = answerer.answer("will FastTrack guide upgrading our widget kiosks to Widget OS?");
    assertEquals(Verdict.IN_SCOPE, open.verdict(), open.answer());
  }

  @Test
  void anEnvironmentTheStatementIsNotAvailableInIsOutOfScope() {
    Limit unavailable = Constraints.of("Guidance on widget alerts (not available in Gadget High or GoD plans).").stream()
        .filter(l -> l.kind() == Limit.Kind.UNAVAILABLE_IN).findFirst().orElseThrow();
    assertEquals(java.util.Set.of("gadget high", "god"), unavailable.values());
    Answer high = answerer.answer("We're a Gadget High tenant. Will FastTrack guide our widget alerts?");
    assertEquals(Verdict.OUT_OF_SCOPE, high.verdict(), high.answer());
    assertTrue(high.answer().contains("not available in Gadget High or GoD, which your question is about"), high.answer());
    Answer plain = answerer.answer("We're a Gadget tenant. Will FastTrack guide our widget alerts?");
    assertEquals(Verdict.IN_SCOPE, plain.verdict(), "\"Gadget\" is not \"Gadget High\": " + plain.answer());
    Answer god = answerer.answer("GoD tenant here. can FastTrack set up widget voicemail?");
    assertEquals(Verdict.OUT_OF_SCOPE, god.verdict(), "\"Gadget GoD\" is also called GoD: " + god.answer());
  }

  @Test
  void aListOfNamesAnswersANameAnotherListHolds() {
    Answer korean = answerer.answer("our team is in Seoul. is widget guidance available in Korean?");
    assertEquals(Verdict.OUT_OF_SCOPE, korean.verdict(), korean.answer());
    assertEquals("Widget guidance is available in English, French, German, and Japanese.",
        korean.citations().get(0).quote(), "the list about widget guidance, not the one that names Korean");
    assertTrue(korean.answer().contains("Korean is not among them"), korean.answer());
    Answer french = answerer.answer("is widget guidance available in French?");
    assertEquals(Verdict.IN_SCOPE, french.verdict(), french.answer());
  }

  @Test
  void aColumnOfWhatWontMigrateExcludesWhatItNamesAndNothingElse() {
    Answer comments = answerer.answer("Will FastTrack migrate our Widget Classic comments?");
    assertEquals(Verdict.OUT_OF_SCOPE, comments.verdict(), comments.answer());
    assertEquals("Widget Classic \u2014 What won't migrate: Widget history; Widget comments; Relay-enabled users",
        comments.citations().get(0).quote());
    // an item is named by the words asked about, most of its weight: "relay users" names "Relay-enabled users"
    Answer relay = answerer.answer("Will FastTrack migrate our Widget Classic relay users?");
    assertEquals(Verdict.OUT_OF_SCOPE, relay.verdict(), relay.answer());
    // what the question only sets the scene with ("we have 300 relay-enabled users") is not what it asks about
    Answer scene = answerer.answer("We have 300 relay-enabled users on Widget Classic. Will FastTrack migrate our Widget "
        + "Classic layouts?");
    assertEquals(Verdict.IN_SCOPE, scene.verdict(), scene.answer());
    Answer layouts = answerer.answer("Will FastTrack migrate our Widget Classic layouts?");
    assertEquals(Verdict.IN_SCOPE, layouts.verdict(), layouts.answer());
    assertTrue(layouts.citations().get(0).quote().contains("Widget layouts"), layouts.citations().get(0).quote());
  }
}
