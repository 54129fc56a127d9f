package com.scopebot.channel.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.Fixtures;
import com.scopebot.answer.Answer;
import com.scopebot.answer.Answerer;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answer card, checked against the Adaptive Card 1.5 elements and Teams' limits. */
class AnswerCardTest {

  private static final String ID = "0123456789abcdef0123456789abcdef";

  /**
   * Adaptive Card 1.5 as documented (adaptivecards.io/explorer): the properties each element and action used here
   * may have, and the values of the enumerated ones. A property or type outside these is a typo Teams would ignore or
   * refuse.
   */
  private static final Map<String, Set<String>> PROPERTIES = Map.of(
      "AdaptiveCard", Set.of("type", "$schema", "version", "body", "actions"),
      "TextBlock", Set.of("type", "text", "wrap", "weight", "size", "color", "isSubtle", "spacing", "separator"),
      "Container", Set.of("type", "items", "separator", "spacing"),
      "ActionSet", Set.of("type", "actions"),
      "FactSet", Set.of("type", "facts"),
      "Input.Text", Set.of("type", "id", "isMultiline", "maxLength", "placeholder"),
      "Action.OpenUrl", Set.of("type", "title", "url"),
      "Action.Submit", Set.of("type", "title", "data"),
      "Action.ShowCard", Set.of("type", "title", "card"));
  private static final Set<String> ELEMENTS = Set.of("TextBlock", "Container", "ActionSet", "FactSet", "Input.Text");
  private static final Set<String> ACTIONS = Set.of("Action.OpenUrl", "Action.Submit", "Action.ShowCard");
  private static final Map<String, Set<String>> ENUMS = Map.of(
      "color", Set.of("default", "dark", "light", "accent", "good", "warning", "attention"),
      "size", Set.of("default", "small", "medium", "large", "extraLarge"),
      "weight", Set.of("default", "lighter", "bolder"),
      "spacing", Set.of("default", "none", "small", "medium", "large", "extraLarge", "padding"));

  /** Checks a card the way a strict renderer would; returns the problems found. */
  static List<String> problems(JsonNode card) {
    List<String> found = new ArrayList<>();
    if (!AnswerCard.SCHEMA.equals(card.path("$schema").asText()) || !"1.5".equals(card.path("version").asText())) {
      found.add("top-level card must declare the schema and version 1.5");
    }
    check(card, "AdaptiveCard", "/", found);
    return found;
  }

  private static void check(JsonNode node, String expectedKind, String path, List<String> found) {
    String type = node.path("type").asText();
    if (expectedKind.equals("AdaptiveCard") ? !type.equals("AdaptiveCard")
        : expectedKind.equals("element") ? !ELEMENTS.contains(type) : !ACTIONS.contains(type)) {
      found.add(path + ": " + type + " is not a 1.5 " + expectedKind);
      return;
    }
    node.fieldNames().forEachRemaining(f -> {
      if (!PROPERTIES.get(type).contains(f)) {
        found.add(path + ": " + type + " has no property " + f);
      }
    });
    ENUMS.forEach((property, values) -> {
      JsonNode v = node.get(property);
      if (v != null && !values.contains(v.asText().substring(0, 1).toLowerCase() + v.asText().substring(1))) {
        found.add(path + ": " + property + " " + v + " is not one of " + values);
      }
    });
    for (String list : List.of("body", "items")) {
      int i = 0;
      for (JsonNode child : node.path(list)) {
        check(child, "element", path + list + "/" + i++ + "/", found);
      }
    }
    int i = 0;
    for (JsonNode action : node.path("actions")) {
      check(action, "action", path + "actions/" + i++ + "/", found);
    }
    switch (type) {
      case "TextBlock" -> require(node.path("text").isTextual() && !node.path("text").asText().isBlank(), path + ": empty TextBlock", found);
      case "Action.OpenUrl" -> require(node.path("url").asText().startsWith("https://"), path + ": url must be https", found);
      case "Action.ShowCard" -> check(node.path("card"), "AdaptiveCard", path + "card/", found);
      case "Input.Text" -> require(!node.path("id").asText().isEmpty(), path + ": an input needs an id", found);
      case "FactSet" -> node.path("facts").forEach(f ->
          require(f.path("title").isTextual() && f.path("value").isTextual(), path + ": a fact needs title and value", found));
      default -> { }
    }
  }

  private static void require(boolean ok, String problem, List<String> found) {
    if (!ok) {
      found.add(problem);
    }
  }

  private static void assertValid(JsonNode card) {
    List<String> p = problems(card);
    if (!p.isEmpty()) {
      fail(String.join("\n", p) + "\n" + card.toPrettyString());
    }
  }

  @Test
  void offersTheFullDisputeViewWhenThePublicAddressIsKnown() {
    ObjectNode card = AnswerCard.card(bundledAnswer("Is AD FS covered for multiple forests?"), ID,
        "https://scopebot.example.com/dispute.html?claim=q");
    assertTrue(card.get("actions").toString().contains("\"title\":\"Full dispute view\""), card.toString());
    assertTrue(!AnswerCard.card(bundledAnswer("Is AD FS covered for multiple forests?"), ID).get("actions").toString()
        .contains("Full dispute view"));
  }

  @Test
  void theValidatorCatchesWhatARendererWouldReject() {
    ObjectNode card = AnswerCard.card(bundledAnswer("Who is responsible for SSL certificates?"), ID);
    ((ObjectNode) card.at("/body/0")).put("color", "red");
    ((ObjectNode) card.at("/body/1")).put("type", "Markdown");
    ((ObjectNode) card.at("/actions/0")).put("type", "Action.Execute");
    assertEquals(3, problems(card).size(), problems(card).toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Who is responsible for SSL certificates?|CUSTOMER",
      "Is AD FS covered for multiple forests?|OUT_OF_SCOPE",
      "Does FastTrack configure Azure Information Protection?|IN_SCOPE",
      "How many test devices are supported?|INFO",
      "Does FastTrack bake bread?|UNKNOWN"})
  void rendersEveryVerdictAsAValidCard(String question, Verdict verdict) {
    Answer a = bundledAnswer(question);
    assertEquals(verdict, a.verdict());
    ObjectNode card = AnswerCard.card(a, ID);
    assertValid(card);
    assertEquals(verdict.emoji() + " " + verdict.label(), card.at("/body/0/text").asText());
    assertEquals(AnswerCard.color(verdict), card.at("/body/0/color").asText());
    assertEquals(a.answer(), card.at("/body/1/text").asText());
  }

  @Test
  void showsThreeQuotesWithTheirSourceAndMoreSourcesForTheRest() {
    Answer a = answerWith(5);
    ObjectNode card = AnswerCard.card(a, ID);
    assertValid(card);
    JsonNode quote = card.at("/body/2");
    assertEquals("Container", quote.get("type").asText());
    assertEquals("[1] “Quote 1.”", quote.at("/items/0/text").asText());
    assertEquals("Title › Enable phase · 2018-12-04", quote.at("/items/1/text").asText());
    assertEquals("Open in document", quote.at("/items/2/actions/0/title").asText());
    assertEquals("https://example.com/doc.md#L1", quote.at("/items/2/actions/0/url").asText());
    assertEquals(2 + 3, card.get("body").size());
    JsonNode more = card.at("/actions/0");
    assertEquals("More sources (2)", more.get("title").asText());
    assertEquals(2, more.at("/card/body").size());
    assertEquals("[4] “Quote 4.”", more.at("/card/body/0/items/0/text").asText());
  }

  @Test
  void hasNoMoreSourcesWithThreeOrFewerAndNoLinkWithoutAUrl() {
    Answer a = new Answer("q", Verdict.INFO, "short", 0.5, List.of(citation(1, "")), List.of(), null, false);
    ObjectNode card = AnswerCard.card(a, ID);
    assertValid(card);
    assertEquals(2, card.at("/body/2/items").size(), "quote and source, no ActionSet without a url");
    assertEquals("👍 Helpful", card.at("/actions/0/title").asText());
  }

  @Test
  void feedbackButtonsCarryTheAnswerIdAndAskWhyOnThumbsDown() {
    ObjectNode card = AnswerCard.card(answerWith(1), ID);
    JsonNode up = card.at("/actions/0");
    assertEquals("Action.Submit", up.get("type").asText());
    assertEquals("{\"action\":\"feedback\",\"answerId\":\"" + ID + "\",\"helpful\":true}", up.get("data").toString());
    JsonNode down = card.at("/actions/1");
    assertEquals("👎 Not helpful", down.get("title").asText());
    assertEquals("reason", down.at("/card/body/0/id").asText());
    assertFalse(down.at("/card/actions/0/data/helpful").asBoolean());
    assertEquals(ID, down.at("/card/actions/0/data/answerId").asText());
  }

  @Test
  void offersAnExpertLastAndMarksTheirAnswerAsAPersonsOnAValidCard() {
    ObjectNode card = AnswerCard.withAskExpert(AnswerCard.card(answerWith(1), ID), ID, answerWith(1).verdict());
    assertValid(card);
    JsonNode last = card.at("/actions/" + (card.get("actions").size() - 1));
    assertEquals("Ask a FastTrack expert", last.get("title").asText());
    assertEquals("{\"action\":\"handoff\",\"answerId\":\"" + ID + "\"}", last.get("data").toString());
    assertEquals("👍 Helpful", card.at("/actions/0/title").asText(), "the thumbs stay first");

    ObjectNode notice = AnswerCard.notice(new com.scopebot.service.Notice("👤 Answer from a FastTrack expert, Ada Lovelace",
        "The customer provides them.", "https://scopebot.example.com/answers/" + ID));
    assertValid(notice);
    assertEquals("👤 Answer from a FastTrack expert, Ada Lovelace", notice.at("/body/0/text").asText());
    assertEquals("Answer record", notice.at("/actions/0/title").asText());
    assertTrue(AnswerCard.notice(new com.scopebot.service.Notice("t", "x", "/answers/" + ID)).path("actions")
        .isMissingNode(), "a link Teams cannot open is left out");
  }

  @Test
  void anAnswerWithoutARecordSaysSoAndHasNoFeedbackButtons() {
    ObjectNode card = AnswerCard.card(answerWith(5), null);
    assertValid(card);
    assertFalse(card.get("actions").toString().contains("feedback"), card.get("actions").toString());
    assertTrue(card.get("body").toString().contains(com.scopebot.service.AnswerService.NOT_RECORDED));
    assertEquals("More sources (2)", card.at("/actions/0/title").asText(), "what needs no record stays");
  }

  @Test
  void theSummarySaysTheVerdictFirstAndStaysShort() {
    assertEquals("ℹ️ From the documents: short", AnswerCard.summary(answerWith(2)));
    Answer longOne = new Answer("q", Verdict.OUT_OF_SCOPE, "word ".repeat(200), 0.5, List.of(citation(1, "")),
        List.of(), null, false);
    assertEquals(AnswerCard.MAX_SUMMARY_CHARS, AnswerCard.summary(longOne).length());
    assertTrue(AnswerCard.summary(longOne).startsWith("⛔ Out of scope: word word"), AnswerCard.summary(longOne));
  }

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource(delimiter = '|', value = {
      "FastTrack responsibilities|FastTrack responsibilities;Enable phase|FastTrack responsibilities › Enable phase",
      "FastTrack responsibilities (2017)|FastTrack responsibilities;Enable phase|FastTrack responsibilities (2017) › Enable phase",
      "Your responsibilities|Your responsibilities|Your responsibilities",
      "Your responsibilities|Your responsibilities overview;General|Your responsibilities › Your responsibilities overview › General",
      "''|FastTrack responsibilities;Enable phase|ems-fasttrack-responsibilities-2018-12.md › FastTrack responsibilities › Enable phase"})
  void namesTheDocumentByItsTitleOnceOnTheCard(String title, String section, String trail) {
    Citation c = new Citation("For all multiple forest configurations, AD FS deployments are out of scope.",
        "ems-fasttrack-responsibilities-2018-12.md", title, List.of(section.split(";")), "2018-12-04", 50,
        "https://github.com/MicrosoftDocs/EMDocs/blob/abc/ems-fasttrack-responsibilities-2018-12.md#L50", "microsoft", true);
    Answer a = new Answer("q", Verdict.OUT_OF_SCOPE, "No.", 0.9, List.of(c), List.of(), null, false);
    ObjectNode card = AnswerCard.card(a, ID);
    assertEquals(trail + " · 2018-12-04", card.at("/body/2/items/1/text").asText());
    assertEquals("https://github.com/MicrosoftDocs/EMDocs/blob/abc/ems-fasttrack-responsibilities-2018-12.md#L50",
        card.at("/body/2/items/2/actions/0/url").asText(), "the file stays in the link");
  }

  @Test
  void staysWithinTeamsMessageSizeForTheLongestAnswer() throws Exception {
    List<Citation> cited = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      cited.add(new Citation("long quote ".repeat(36), "document-" + i + ".md", "Title", List.of("Title", "Section", "Sub"),
          "2018-12-04", i, "https://github.com/MicrosoftDocs/EMDocs/blob/0123456789abcdef0123456789abcdef01234567/x.md#L" + i,
          "none", false));
    }
    Answer a = new Answer("q".repeat(1000), Verdict.SHARED, "a".repeat(600), 0.5, cited, List.of(), null, true);
    ObjectNode card = AnswerCard.card(a, ID);
    assertValid(card);
    int bytes = TeamsFixtures.JSON.writeValueAsBytes(card).length
        + AnswerCard.summary(a).getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes < 28_000, "message is " + bytes + " bytes");
  }

  @Test
  void cutsOverlongTextWithoutSplittingAnEmoji() {
    assertEquals("abc", AnswerCard.truncate("abc", 3));
    assertEquals("ab…", AnswerCard.truncate("abcd", 3));
    String cut = AnswerCard.truncate("a👍👍", 3);
    assertEquals("a…", cut);
  }

  @Test
  void theWelcomeAndSearchCardsAreValidToo() throws Exception {
    Answerer bundled = Fixtures.bundled();
    assertValid(WelcomeCard.card(bundled.index().corpus().documents()));
    JsonNode results = SearchExtension.results(bundled, "SSL certificates", 25);
    assertTrue(results.at("/composeExtension/attachments").size() > 0);
    for (JsonNode attachment : results.at("/composeExtension/attachments")) {
      assertValid(attachment.get("content"));
    }
    assertTrue(results.at("/composeExtension/attachments").size() <= SearchExtension.MAX_RESULTS);
    assertEquals(0, SearchExtension.results(bundled, "zzzz qqqq", 5).at("/composeExtension/attachments").size());
  }

  /** Writes the cards the bot renders to target/teams-cards.json for the optional Node check (src/test/node). */
  @Test
  void writesTheRenderedCardsForTheAdaptiveCardsLibraryCheck() throws Exception {
    Answerer bundled = Fixtures.bundled();
    ArrayNode cards = TeamsFixtures.JSON.createArrayNode();
    for (String q : List.of("Who is responsible for SSL certificates?", "Is AD FS covered for multiple forests?",
        "Does FastTrack configure Azure Information Protection?", "How many test devices are supported?",
        "Does FastTrack bake bread?")) {
      cards.add(AnswerCard.card(bundled.answer(q), ID));
    }
    cards.add(AnswerCard.card(answerWith(5), ID));
    cards.add(WelcomeCard.card(bundled.index().corpus().documents()));
    Answer bread = bundled.answer("Does FastTrack bake bread?");
    cards.add(AnswerCard.withAskExpert(AnswerCard.card(bread, ID), ID, bread.verdict()));
    cards.add(AnswerCard.notice(new com.scopebot.service.Notice("Answer from a FastTrack expert, Ada Lovelace",
        "The customer provides them.", "https://scopebot.example.com/answers/" + ID)));
    SearchExtension.results(bundled, "DNS", 10).at("/composeExtension/attachments")
        .forEach(a -> cards.add(a.get("content")));
    cards.forEach(AnswerCardTest::assertValid);
    Files.createDirectories(Path.of("target"));
    TeamsFixtures.JSON.writeValue(Path.of("target/teams-cards.json").toFile(), cards);
  }

  private static Answer bundledAnswer(String question) {
    try {
      return Fixtures.bundled().answer(question);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Answer answerWith(int citations) {
    List<Citation> cited = new ArrayList<>();
    for (int i = 1; i <= citations; i++) {
      cited.add(citation(i, "https://example.com/doc.md#L" + i));
    }
    return new Answer("q", Verdict.INFO, "short", 0.5, cited, List.of(), null, false);
  }

  private static Citation citation(int n, String url) {
    return new Citation("Quote " + n + ".", "doc.md", "Title", List.of("Title", "Enable phase"), "2018-12-04", n, url,
        "none", true);
  }
}
