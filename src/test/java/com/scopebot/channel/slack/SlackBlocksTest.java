package com.scopebot.channel.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Answer;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Intent;
import com.scopebot.answer.Verdict;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Block Kit output against Slack's documented limits, for every verdict, a very long quote and no citations. */
class SlackBlocksTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LONG = ("Configuring <b>&amp; validating</b> AD FS for a single-site, fault-tolerant "
      + "configuration & more ").repeat(200);

  private static Citation cite(String quote, int i) {
    return new Citation(quote, "doc" + i + ".md", "Title", List.of("Title", "Section " + "x".repeat(3000)),
        "2018-12-04", 10 + i, "https://github.com/o/r/blob/c/p.md#L" + i, "microsoft", i % 2 == 0);
  }

  private static Answer answer(Verdict v, int citations, String quote) {
    List<Citation> cs = new ArrayList<>();
    for (int i = 0; i < citations; i++) {
      cs.add(cite(quote, i));
    }
    List<Citation> closest = v == Verdict.UNKNOWN ? List.of(cite(quote, 99)) : List.of();
    return new Answer("q " + LONG, v, "answer " + LONG, 0.5, v == Verdict.UNKNOWN ? List.of() : cs, closest,
        Intent.OTHER, false);
  }

  private static void assertWithinLimits(List<LayoutBlock> blocks, int maxBlocks) {
    assertTrue(blocks.size() <= maxBlocks, "blocks: " + blocks.size());
    JsonNode tree = JSON.valueToTree(blocks);
    for (JsonNode text : tree.findValues("text")) {
      String t = text.isTextual() ? text.asText() : text.path("text").asText();
      assertTrue(t.length() <= SlackBlocks.MAX_SECTION_TEXT, "text of " + t.length() + " characters");
      assertFalse(t.matches("(?s).*&[a-z]*$"), "cut inside an escape: " + t.substring(Math.max(0, t.length() - 20)));
      assertFalse(t.contains("<b>"), "quoted markup is escaped");
    }
  }

  @ParameterizedTest
  @EnumSource(Verdict.class)
  void staysWithinLimitsForEveryVerdictWithAVeryLongQuote(Verdict v) {
    Answer a = answer(v, 60, LONG);
    assertWithinLimits(SlackBlocks.answer("0123456789abcdef0123456789abcdef", a, true, true), SlackBlocks.MAX_BLOCKS);
    assertWithinLimits(SlackBlocks.allSources(a), SlackBlocks.MAX_BLOCKS);
    assertTrue(SlackBlocks.fallback(a).length() <= 3000);
  }

  @ParameterizedTest
  @EnumSource(Verdict.class)
  void theExpertsPostStaysWithinLimitsAndEscapesWhatPeopleWrote(Verdict v) {
    Answer a = answer(v, 60, LONG);
    com.scopebot.records.Origin teams = new com.scopebot.records.Origin("teams",
        "{\"label\":\"a personal chat, asked by <!channel> <b>Eve</b>\"}");
    List<LayoutBlock> blocks = ExpertPost.blocks("0123456789abcdef0123456789abcdef", "q " + LONG, a, teams,
        "thumbs_down", LONG, "https://scopebot.example.com/answers/0123456789abcdef0123456789abcdef");
    assertWithinLimits(blocks, SlackBlocks.MAX_BLOCKS);
    String json = JSON.valueToTree(blocks).toString();
    assertFalse(json.contains("<!channel>"), "an asker's name cannot ping the experts' channel");
    assertTrue(json.contains("Teams, a personal chat, asked by &lt;!channel&gt;"), json);
    assertWithinLimits(SlackSender.blocks(new com.scopebot.service.Notice("Answer from a FastTrack expert, Ada", LONG,
        "https://scopebot.example.com/answers/0123456789abcdef0123456789abcdef")), SlackBlocks.MAX_BLOCKS);
  }

  @Test
  void aCheckedClaimLinksToTheFullDisputeView() {
    String blocks = SlackBlocks.answer("id1", answer(Verdict.OUT_OF_SCOPE, 1, "AD FS deployments are out of scope."),
        false, true, "https://scopebot.example.com/dispute.html?claim=x").toString();
    assertTrue(blocks.contains("Full dispute view") && blocks.contains("https://scopebot.example.com/dispute.html?claim=x"),
        blocks);
    assertTrue(!SlackBlocks.answer("id1", answer(Verdict.OUT_OF_SCOPE, 1, "q"), false, true).toString()
        .contains("Full dispute view"));
  }

  @Test
  void showsTheVerdictFirst() {
    List<LayoutBlock> blocks = SlackBlocks.answer("id", answer(Verdict.OUT_OF_SCOPE, 1, "Out of scope."), false, true);
    String first = JSON.valueToTree(blocks.get(0)).path("text").path("text").asText();
    assertTrue(first.startsWith("*⛔ Out of scope*"), first);
  }

  @Test
  void rendersAnAnswerWithoutCitations() {
    Answer a = new Answer("q", Verdict.UNKNOWN, "The documents don't say.", 0, List.of(), List.of(), Intent.OTHER, false);
    List<LayoutBlock> blocks = SlackBlocks.answer("id", a, true, true);
    assertWithinLimits(blocks, SlackBlocks.MAX_BLOCKS);
    assertTrue(JSON.valueToTree(blocks).toString().contains("❓ Not in the documents"));
  }

  private static String text(LayoutBlock block) {
    JsonNode tree = JSON.valueToTree(block);
    return tree.has("text") ? tree.at("/text/text").asText() : tree.at("/elements/0/text").asText();
  }

  private static Citation fastTrack(String title, List<String> section) {
    return new Citation("For all multiple forest configurations, AD FS deployments are out of scope.",
        "ems-fasttrack-responsibilities-2018-12.md", title, section, "2018-12-04", 50,
        "https://github.com/MicrosoftDocs/EMDocs/blob/abc/ems-fasttrack-responsibilities-2018-12.md#L50", "microsoft", true);
  }

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource(delimiter = '|', value = {
      "FastTrack responsibilities|FastTrack responsibilities;Enable phase|FastTrack responsibilities › Enable phase",
      "FastTrack responsibilities (2017)|FastTrack responsibilities;Enable phase|FastTrack responsibilities (2017) › Enable phase",
      "Your responsibilities|Your responsibilities|Your responsibilities",
      "Your responsibilities|Your responsibilities overview;General|Your responsibilities › Your responsibilities overview › General",
      "''|FastTrack responsibilities;Enable phase|ems-fasttrack-responsibilities-2018-12.md › FastTrack responsibilities › Enable phase"})
  void namesTheDocumentByItsTitleOnceAndKeepsTheFileInTheLink(String title, String section, String trail) {
    Answer a = new Answer("q", Verdict.OUT_OF_SCOPE, "No.", 0.9, List.of(fastTrack(title, List.of(section.split(";")))),
        List.of(), Intent.OTHER, false);
    List<LayoutBlock> blocks = SlackBlocks.answer("id", a, false, true);
    assertEquals(trail + " · 2018-12-04 · <https://github.com/MicrosoftDocs/EMDocs/blob/abc/"
        + "ems-fasttrack-responsibilities-2018-12.md#L50|open in document>", text(blocks.get(2)));
  }

  @Test
  void rendersEachQuoteAsABlockQuoteWithSlacksEscapes() {
    Citation c = new Citation("Use <b>A</b> & B > C\nsecond line", "d.md", "Title", List.of("Title"), "2018-12-04", 1, "",
        "none", true);
    Answer a = new Answer("q", Verdict.INFO, "short", 0.5, List.of(c, cite("Plain.", 2)), List.of(), Intent.OTHER, false);
    List<LayoutBlock> blocks = SlackBlocks.answer("id", a, false, true);
    // Slack reads ">" as a quote only at the start of a line
    assertEquals(">*1.* Use &lt;b&gt;A&lt;/b&gt; &amp; B &gt; C\n>second line", text(blocks.get(1)));
    assertEquals(">*2.* Plain.", text(blocks.get(3)));
  }

  @Test
  void aSharedAnswerSaysWhoAskedWhat() {
    Answer a = new Answer("Is <AD FS> covered for multiple forests?", Verdict.OUT_OF_SCOPE, "No.", 0.9,
        List.of(fastTrack("FastTrack responsibilities", List.of("FastTrack responsibilities"))), List.of(), Intent.OTHER,
        false);
    List<LayoutBlock> blocks = SlackBlocks.shared("UA8RXUSPL", "id", a);
    assertEquals("<@UA8RXUSPL> asked: “Is &lt;AD FS&gt; covered for multiple forests?”", text(blocks.get(0)));
    assertTrue(text(blocks.get(1)).startsWith("*⛔ Out of scope*"), text(blocks.get(1)));
    assertTrue(SlackBlocks.sharedFallback("UA8RXUSPL", a).startsWith("<@UA8RXUSPL> asked: “Is &lt;AD FS&gt;"));
    assertEquals("Someone asked: “Is &lt;AD FS&gt; covered for multiple forests?”",
        text(SlackBlocks.shared("<!channel>", "id", a).get(0)), "only a user id becomes a mention");
  }

  @Test
  void cutsLongQuotesAtAWordWithAnEllipsis() {
    String cut = SlackBlocks.mrkdwn("alpha beta gamma delta epsilon", 14);
    assertEquals("alpha beta…", cut);
    assertEquals("a &amp; b", SlackBlocks.mrkdwn("a & b", 100));
    assertEquals("a…", SlackBlocks.mrkdwn("a & b", 5), "never ends inside &amp;");
  }

  @Test
  void offersMoreSourcesOnlyBeyondThree() {
    String three = JSON.valueToTree(SlackBlocks.answer("id", answer(Verdict.IN_SCOPE, 3, "q."), false, true)).toString();
    String five = JSON.valueToTree(SlackBlocks.answer("id", answer(Verdict.IN_SCOPE, 5, "q."), false, true)).toString();
    assertFalse(three.contains("more_sources"));
    assertTrue(five.contains("More sources (2)"), five);
  }

  @Test
  void anAnswerWithoutARecordSaysSoAndOffersNoButtonsThatNeedOne() {
    String blocks = JSON.valueToTree(SlackBlocks.answer(null, answer(Verdict.IN_SCOPE, 5, "q."), true, true,
        "https://scopebot.example.com/dispute.html?claim=q")).toString();
    assertTrue(blocks.contains(com.scopebot.service.AnswerService.NOT_RECORDED), blocks);
    for (String needsARecord : List.of(SlackBlocks.UP, SlackBlocks.DOWN, SlackBlocks.SHARE, SlackBlocks.MORE)) {
      assertFalse(blocks.contains("\"" + needsARecord + "\""), needsARecord + " in " + blocks);
    }
    assertTrue(blocks.contains("Full dispute view"), "the dispute view needs only the question");
  }

  @Test
  void keepsTheHomeTabWithinItsLimit() {
    List<com.scopebot.corpus.Document> docs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      docs.add(new com.scopebot.corpus.Document("d" + i + ".md", "T " + LONG, "2018-01-01", "", "", "", "d", true));
    }
    var view = SlackBlocks.home(docs, "/scope");
    assertWithinLimits(view.getBlocks(), SlackBlocks.MAX_HOME_BLOCKS);
  }
}
