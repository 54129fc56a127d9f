package com.scopebot.service;

import static com.scopebot.service.GapsFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.GapQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The gaps report over a store of 290 recorded answers (see {@link GapsFixture}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapsTest {

  private static final List<String> SENTINEL = List.of("sentinel");
  private static final List<String> LOTUS = List.of("lotu", "mail", "migrat", "note");
  private static final List<String> ADFS = List.of("adf", "multiforest");

  @TempDir static Path data;
  private AnswerStore store;

  /** The store the report reads: the embedded SQLite file here. */
  AnswerStore open(Path dir) throws Exception {
    return AnswerStore.sqlite(dir, "gaps-test-salt");
  }

  @BeforeAll
  void fill() throws Exception {
    store = open(data);
    GapsFixture.fill(store, Fixtures.bundled());
  }

  @AfterAll
  void close() {
    store.close();
  }

  private GapsReport report(LocalDate from, LocalDate to, String channel, int limit) throws Exception {
    return new Gaps(store).report(new GapQuery(from, to, channel, limit), Fixtures.bundled());
  }

  private static GapsReport.Group topic(GapsReport r, List<String> terms) {
    return r.byTopic().stream().filter(g -> g.topic().equals(terms)).findFirst()
        .orElseThrow(() -> new AssertionError("no group " + terms + " in " + r.byTopic()));
  }

  @Test
  void groupsUnknownsAndThumbsDownByTopicWithCountsAndFirstAndLastSeen() throws Exception {
    GapsReport r = report(null, null, null, Gaps.DEFAULT_LIMIT);
    assertEquals(Map.of("unknown", 200, "thumbs_down", 40, "handoff", GapsFixture.HANDOFFS), r.totals(),
        "greetings, 👍 and the bot's own asking again are not gaps");
    assertEquals(List.of("handoff", "thumbs_down", "unknown"), r.sources().stream().sorted().toList());
    assertFalse(r.truncated());
    assertEquals(List.of(SENTINEL, LOTUS, ADFS), r.byTopic().stream().map(GapsReport.Group::topic).toList(),
        "largest first");
    GapsReport.Group sentinel = topic(r, SENTINEL);
    assertEquals(120, sentinel.count());
    assertEquals(Map.of("unknown", 120), sentinel.outcomes());
    assertEquals(at(0, 0).toString(), sentinel.firstSeen());
    assertEquals(at(0, 119).toString(), sentinel.lastSeen());
    GapsReport.Group adfs = topic(r, ADFS);
    assertEquals(Map.of("thumbs_down", 40, "handoff", GapsFixture.HANDOFFS), adfs.outcomes(),
        "hand-offs posted, not the one only claimed");
    assertEquals(at(400, 0).plus(Duration.ofMinutes(10)).toString(), adfs.firstSeen(),
        "the 👎's time, not the answer's");
    assertEquals(at(400, 39).plus(Duration.ofMinutes(10)).toString(), adfs.lastSeen());
    assertEquals(0, r.topicsLeftOut());
  }

  @Test
  void showsTheNewestExamplesWithTheirReasonsAndHashedUsers() throws Exception {
    GapsReport.Group adfs = topic(report(null, null, null, Gaps.DEFAULT_LIMIT), ADFS);
    assertEquals(Gaps.EXAMPLES, adfs.examples().size());
    GapsReport.Example newest = adfs.examples().get(0);
    assertEquals(at(400, 39).plus(Duration.ofMinutes(10)).toString(), newest.at());
    assertEquals("", newest.reason(), "the 40th 👎 came without a reason");
    assertEquals(GapsFixture.REASON, adfs.examples().get(1).reason());
    assertEquals(GapsFixture.ADFS, newest.question());
    assertEquals(store.hashUser("teams", "user-39"), newest.user());
    assertTrue(newest.user().matches("[0-9a-f]{32}"), newest.user());
    assertTrue(store.find(newest.answerId()).isPresent(), "an example names a record that exists");
  }

  @Test
  void groupsByTheNearestDocumentSection() throws Exception {
    GapsReport r = report(null, null, null, Gaps.DEFAULT_LIMIT);
    GapsReport.Group none = r.bySection().stream().filter(g -> g.document() == null).findFirst().orElseThrow();
    assertEquals(120, none.count(), "nothing in the documents is near Sentinel");
    assertEquals("(no passage near)", none.label());
    GapsReport.Group enable = r.bySection().stream()
        .filter(g -> "ems-fasttrack-responsibilities-2018-12.md".equals(g.document())).findFirst().orElseThrow();
    assertEquals(List.of("FastTrack responsibilities", "Enable phase"), enable.section());
    assertEquals(40 + GapsFixture.HANDOFFS, enable.count());
    assertEquals("FastTrack responsibilities › Enable phase", enable.label());
    assertEquals(240 + GapsFixture.HANDOFFS, r.bySection().stream().mapToInt(GapsReport.Group::count).sum());
  }

  @Test
  void filtersByPeriodAndChannel() throws Exception {
    GapsReport twoDays = report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), null, Gaps.DEFAULT_LIMIT);
    assertEquals(Map.of("unknown", 48, "thumbs_down", 0, "handoff", 0), twoDays.totals(), "hours 0..47, the last day included");
    assertEquals(at(0, 47).toString(), topic(twoDays, SENTINEL).lastSeen());
    assertEquals("2026-11-01", twoDays.from());
    GapsReport web = report(null, null, "web", Gaps.DEFAULT_LIMIT);
    assertEquals(List.of(SENTINEL), web.byTopic().stream().map(GapsReport.Group::topic).toList());
    assertEquals(60, web.byTopic().get(0).count());
    assertEquals("web", web.byTopic().get(0).examples().get(0).channel());
  }

  @Test
  void readsAtMostTheLimitNewestFirstAndSaysSo() throws Exception {
    GapsReport r = report(null, null, null, 50);
    assertTrue(r.truncated());
    assertEquals(40, r.totals().get("thumbs_down"));
    // the newest 50 unknown answers: the 30 greetings (left out) and the last 20 about Lotus Notes
    assertEquals(20, r.totals().get("unknown"));
    assertEquals(at(200, 60).toString(), topic(r, LOTUS).firstSeen());
  }

  @Test
  void readsTheTopicAsTheAnswerReadTheQuestion(@TempDir Path other) throws Exception {
    try (AnswerStore own = AnswerStore.sqlite(other, "salt")) {
      // an explained answer carries the topic it was read with; a follow-up is read as the question it stood for
      String explained = "{\"question\":\"Is Sentinel in scope?\",\"verdict\":\"unknown\",\"citations\":[],"
          + "\"explain\":{\"topic\":{\"siem\":1.0,\"sentinel\":1.0,\"scope\":0.5}}}";
      String followUp = "{\"question\":\"and on Lotus Notes?\",\"verdict\":\"unknown\",\"citations\":[],"
          + "\"readAs\":\"Do you migrate Lotus Notes mail?\"}";
      own.saveAll(List.of(
          new AnswerRecord(AnswerStore.newId(), at(0, 0).toString(), "web", "", "Is Sentinel in scope?", "unknown",
              explained, List.of(), AnswerStore.newId()),
          new AnswerRecord(AnswerStore.newId(), at(0, 1).toString(), "web", "", "and on Lotus Notes?", "unknown",
              followUp, List.of(), AnswerStore.newId())));
      GapsReport r = new Gaps(own).report(new GapQuery(null, null, null, 10), Fixtures.bundled());
      assertEquals(List.of(LOTUS, List.of("sentinel", "siem")),
          r.byTopic().stream().map(GapsReport.Group::topic).toList());
      assertEquals("and on Lotus Notes?", r.byTopic().get(0).examples().get(0).question(), "shown as asked");
    }
  }
}
