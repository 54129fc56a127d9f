package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerStoreTest {

  @TempDir Path data;
  private AnswerStore store;

  @BeforeEach
  void open() throws Exception {
    store = AnswerStore.sqlite(data, "test-salt");
  }

  @AfterEach
  void close() {
    store.close();
  }

  static AnswerRecord record(String answerJson, String createdAt) {
    return new AnswerRecord(AnswerStore.newId(), createdAt, "api", "", "Who configures DNS?", "customer", answerJson,
        List.of(), contentId(answerJson));
  }

  /**
   * A content id that is the same for the same JSON, so that records made here of one answer share its stored copy as
   * the records of one cached answer do in the service (which gives each answer object a new id instead).
   */
  static String contentId(String answerJson) {
    return UUID.nameUUIDFromBytes(answerJson.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
  }

  static AnswerRecord record(String answerJson) {
    return record(answerJson, Instant.now().toString());
  }

  private long count(String table) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answers.db"));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void storingTheSameRecordTwiceKeepsOneAndFailsNothing() throws Exception {
    AnswerRecord r = record("{\"answer\":\"the customer\"}");
    assertEquals(Set.of(), store.saveAll(List.of(r)));
    assertEquals(Set.of(), store.saveAll(List.of(r)), "a retried batch is not an error");
    assertEquals(1, count("answer_record"));
    assertEquals("{\"answer\":\"the customer\"}", store.find(r.id()).orElseThrow().answer());
  }

  @Test
  void recordsOfTheSameAnswerShareOneStoredContent() throws Exception {
    List<AnswerRecord> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      batch.add(record("{\"answer\":\"the same\"}"));
    }
    store.saveAll(batch.subList(0, 25));
    store.saveAll(batch.subList(25, 50)); // the content again, in another transaction
    assertEquals(50, count("answer_record"));
    assertEquals(1, count("answer_content"));
    for (AnswerRecord r : batch) {
      assertTrue(store.find(r.id()).isPresent(), r.id());
    }
  }

  @Test
  void aBadRowCostsOnlyItselfNotTheRestOfItsBatch() throws Exception {
    List<AnswerRecord> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(record("{\"answer\":" + i + "}"));
    }
    // no verdict: the database refuses this row (NOT NULL)
    AnswerRecord bad = new AnswerRecord(AnswerStore.newId(), Instant.now().toString(), "api", "", "q", null,
        "{\"answer\":\"bad\"}", List.of(), contentId("{\"answer\":\"bad\"}"));
    batch.add(10, bad);
    assertEquals(Set.of(bad.id()), store.saveAll(batch), "only the bad row is reported");
    assertEquals(20, count("answer_record"), "the 20 good records of the 21 are stored");
    assertFalse(store.find(bad.id()).isPresent());
    assertTrue(store.isUp(), "a bad row says nothing about the database");
  }

  @Test
  void aLaterFeedbackFromTheSameUserReplacesTheirEarlierOne() throws Exception {
    AnswerRecord r = record("{\"answer\":\"x\"}");
    store.saveAll(List.of(r));
    String ana = store.hashUser("slack", "U123");
    assertEquals(FeedbackOutcome.ADDED, store.addFeedback(r.id(), new Feedback(true, "", "slack", ana, "2026-01-01T00:00:00Z")));
    assertEquals(FeedbackOutcome.REPLACED,
        store.addFeedback(r.id(), new Feedback(false, "wrong forest", "slack", ana, "2026-01-01T00:01:00Z")));
    assertEquals(FeedbackOutcome.ADDED, store.addFeedback(r.id(),
        new Feedback(true, "", "slack", store.hashUser("slack", "U456"), "2026-01-01T00:02:00Z")));
    List<Feedback> fb = store.find(r.id()).orElseThrow().feedback();
    assertEquals(2, fb.size(), "one entry per person");
    assertFalse(fb.get(0).helpful(), "the change of mind is what counts");
    assertEquals("wrong forest", fb.get(0).reason());
  }

  @Test
  void anAnswerTakesAtMostTwoHundredFeedbacksAndItsRecordStaysSmall() throws Exception {
    AnswerRecord r = record("{\"answer\":\"x\"}");
    store.saveAll(List.of(r));
    String reason = "r".repeat(Feedback.MAX_REASON);
    int added = 0;
    int full = 0;
    for (int i = 0; i < 300; i++) {
      FeedbackOutcome o = store.addFeedback(r.id(), new Feedback(false, reason, "api", "", Instant.now().toString()));
      added += o == FeedbackOutcome.ADDED ? 1 : 0;
      full += o == FeedbackOutcome.FULL ? 1 : 0;
    }
    assertEquals(AnswerStore.MAX_FEEDBACK, added);
    assertEquals(100, full, "the 100 beyond the cap are refused");
    String named = store.hashUser("web", "someone");
    assertEquals(FeedbackOutcome.FULL, store.addFeedback(r.id(), new Feedback(true, "", "web", named, Instant.now().toString())));
    AnswerRecord read = store.find(r.id()).orElseThrow();
    assertEquals(200, read.feedback().size());
    int bytes = new ObjectMapper().writeValueAsBytes(read).length;
    // 200 entries with the longest reason: about 1.1 KB each; 12,663 unbounded feedbacks made a 13.9 MB record
    assertTrue(bytes < 260_000, "record of " + bytes + " bytes");
    assertEquals(FeedbackOutcome.NO_SUCH_ANSWER,
        store.addFeedback(AnswerStore.newId(), new Feedback(true, "", "api", "", Instant.now().toString())));
  }

  @Test
  void purgeDeletesOldRecordsWithTheirFeedbackAndOrphanedContentOnly() throws Exception {
    List<AnswerRecord> old = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) { // more than two purge batches
      old.add(record("{\"answer\":\"old " + (i % 7) + "\"}", "2025-01-01T00:00:00Z"));
    }
    store.saveAll(old.subList(0, 500));
    store.saveAll(old.subList(500, 1_000));
    store.saveAll(old.subList(1_000, 1_200));
    AnswerRecord shared = record("{\"answer\":\"old 0\"}", "2026-06-01T00:00:00Z"); // same content as some old ones
    AnswerRecord fresh = record("{\"answer\":\"new\"}", "2026-06-01T00:00:00Z");
    store.saveAll(List.of(shared, fresh));
    store.addFeedback(old.get(0).id(), new Feedback(true, "", "api", "", "2025-01-02T00:00:00Z"));
    store.addFeedback(fresh.id(), new Feedback(true, "", "api", "", "2026-06-02T00:00:00Z"));

    assertEquals(1_200, store.purgeOlderThan(Instant.parse("2026-01-01T00:00:00Z")));
    assertEquals(2, count("answer_record"));
    assertEquals(1, count("answer_feedback"));
    assertEquals(2, count("answer_content"), "'old 0' stays: a fresh record points at it");
    assertEquals("{\"answer\":\"old 0\"}", store.find(shared.id()).orElseThrow().answer());
    assertEquals(0, store.purgeOlderThan(Instant.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void theSaltAnEarlierVersionKeptBesideTheRecordsIsDeleted() throws Exception {
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answers.db"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE scopebot_meta (name VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("INSERT INTO scopebot_meta VALUES ('user_salt', '00112233445566778899aabbccddeeff')");
    }
    store = AnswerStore.sqlite(data, "test-salt");
    assertEquals(0, count("scopebot_meta"));
  }

  @Test
  void aClosedStoreIsReportedDownByItsCheck() {
    assertTrue(store.check());
    assertTrue(store.isUp());
    store.close();
    assertFalse(store.check());
    assertFalse(store.isUp());
  }
}
