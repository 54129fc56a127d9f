package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a question was asked, kept with its record; its hand-off to the experts and their replies, once each. */
class HandoffsTest {

  @TempDir Path data;
  private AnswerStore store;
  private Handoffs handoffs;

  @BeforeEach
  void open() throws Exception {
    store = AnswerStore.sqlite(data, "test-salt");
    handoffs = new Handoffs(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private AnswerRecord saved(Origin origin, String createdAt) throws Exception {
    AnswerRecord plain = AnswerStoreTest.record("{\"answer\":\"the customer\"}", createdAt);
    AnswerRecord r = new AnswerRecord(plain.id(), plain.createdAt(), "teams", "", plain.question(), plain.verdict(),
        plain.answer(), List.of(), plain.contentId(), origin);
    assertEquals(java.util.Set.of(), store.saveAll(List.of(r)));
    return r;
  }

  @Test
  void keepsWhereAQuestionWasAskedWithItsRecord() throws Exception {
    Origin teams = new Origin("teams", "{\"reference\":{\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\"}}");
    assertEquals(teams, store.find(saved(teams, Instant.now().toString()).id()).orElseThrow().origin());
    assertNull(store.find(saved(null, Instant.now().toString()).id()).orElseThrow().origin(), "the API: none");
  }

  @Test
  void refusesAnOriginOfAnotherKindOrTooLong() {
    IllegalArgumentException kind = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Origin("email", "{}"));
    assertEquals("an origin's kind is teams, slack or web, got email", kind.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Origin("web", "x".repeat(Origin.MAX_REFERENCE_CHARS + 1)));
  }

  @Test
  void claimsAHandOffOnceAndTakesAReplyOnce() throws Exception {
    String id = saved(null, Instant.now().toString()).id();
    Instant now = Instant.now();
    assertTrue(handoffs.claim(id, "button", now));
    assertFalse(handoffs.claim(id, "thumbs_down", now), "the second claim posts nothing");
    assertFalse(handoffs.claim(AnswerStore.newId(), "button", now), "no record, no hand-off");
    handoffs.posted(id, "C0EXPERTS1", "1700000000.000100");
    assertEquals(id, handoffs.answerOfThread("C0EXPERTS1", "1700000000.000100").orElseThrow());

    assertTrue(handoffs.reply("slack:C0EXPERTS1:1700000001.000001", id, now.toString(), "Ada Lovelace", "Yes."));
    assertFalse(handoffs.reply("slack:C0EXPERTS1:1700000001.000001", id, now.toString(), "Ada Lovelace", "Yes."),
        "a retried event is the same reply");
    handoffs.delivered("slack:C0EXPERTS1:1700000001.000001", "delivered");
    Handoff h = handoffs.of(id).orElseThrow();
    assertEquals("button", h.cause());
    assertEquals("open", h.status());
    assertEquals(List.of(new Handoff.Reply("slack:C0EXPERTS1:1700000001.000001", now.toString(), "Ada Lovelace",
        "Yes.", "delivered")), h.replies());
  }

  @Test
  void aClaimLeftPostingByADeadReplicaIsTakenAgainLater() throws Exception {
    String id = saved(null, Instant.now().toString()).id();
    Instant then = Instant.now().minus(Duration.ofMinutes(10));
    assertTrue(handoffs.claim(id, "button", then));
    assertTrue(handoffs.claim(id, "button", Instant.now()), "still posting ten minutes on: the poster died");
    assertFalse(handoffs.claim(id, "button", Instant.now()));
  }

  @Test
  void purgingARecordDeletesItsOriginHandOffAndReplies() throws Exception {
    String old = Instant.now().minus(Duration.ofDays(400)).toString();
    String id = saved(new Origin("web", "{\"conversation\":\"tab-1\"}"), old).id();
    assertTrue(handoffs.claim(id, "button", Instant.now()));
    assertTrue(handoffs.reply("r1", id, old, "Ada", "Yes."));
    assertEquals(1, store.purgeOlderThan(Instant.now().minus(Duration.ofDays(365))));
    assertTrue(handoffs.of(id).isEmpty());
    assertTrue(store.find(id).isEmpty());
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answers.db"));
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM answer_origin) + (SELECT COUNT(*) FROM answer_reply)")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "nothing of the record is left");
    }
  }
}
