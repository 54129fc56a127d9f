package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The answer store on a real PostgreSQL server (the replicas' shared store), not the embedded SQLite file. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostgresStoreTest {

  private static final String ANSWER = "{\"verdict\":\"customer\",\"citations\":[]}";

  private String url;

  @BeforeEach
  void freshDatabase() {
    PostgresCluster pg = PostgresCluster.shared();
    url = pg.jdbcUrl(pg.createDatabase());
  }

  private AnswerStore open() throws Exception {
    return AnswerStore.open(new StoreSettings(url, null, null, 4, 2000, "test-salt"));
  }

  static AnswerRecord record(String id, String question, String answerJson) {
    return new AnswerRecord(id, "2026-11-29T12:00:00Z", "api", "", question, "customer", answerJson, List.of(),
        AnswerStoreTest.contentId(answerJson));
  }

  @Test
  void findsASavedRecordWithItsFeedback() throws Exception {
    try (AnswerStore store = open()) {
      String id = AnswerStore.newId();
      assertEquals(Set.of(), store.saveAll(List.of(record(id, "Who renews SSL certificates?", ANSWER))));
      assertEquals(FeedbackOutcome.ADDED,
          store.addFeedback(id, new Feedback(false, "cites the wrong row", "web", "", "2026-11-29T12:01:00Z")));

      AnswerRecord found = store.find(id).orElseThrow();
      assertEquals("Who renews SSL certificates?", found.question());
      assertEquals(ANSWER, found.answer());
      assertEquals(1, found.feedback().size());
      assertEquals("cites the wrong row", found.feedback().get(0).reason());
      assertFalse(found.feedback().get(0).helpful());
    }
  }

  @Test
  void refusesFeedbackOnAnUnknownAnswer() throws Exception {
    try (AnswerStore store = open()) {
      assertEquals(FeedbackOutcome.NO_SUCH_ANSWER,
          store.addFeedback(AnswerStore.newId(), new Feedback(true, "", "web", "", "2026-11-29T12:01:00Z")));
    }
  }

  @Test
  void recordsSurviveReopeningTheStore() throws Exception {
    String id = AnswerStore.newId();
    try (AnswerStore first = open()) {
      first.saveAll(List.of(record(id, "Who configures MFA?", ANSWER)));
    }
    try (AnswerStore second = open()) {
      assertEquals("Who configures MFA?", second.find(id).orElseThrow().question());
    }
  }

  /**
   * Two replicas giving the same answer at the same moment both store its content: neither's insert may fail on the
   * other's row (a duplicate key would roll back every record of that batch).
   */
  @Test
  void twoStoresSavingTheSameAnswerAtOnceLoseNoRecord() throws Exception {
    int rounds = 200;
    try (AnswerStore a = open(); AnswerStore b = open()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<String> ids = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      try {
        for (int i = 0; i < rounds; i++) {
          // a new answer each round, so its content is new to both stores and both insert it
          String json = "{\"verdict\":\"customer\",\"round\":" + i + "}";
          String idA = AnswerStore.newId();
          String idB = AnswerStore.newId();
          ids.add(idA);
          ids.add(idB);
          CountDownLatch go = new CountDownLatch(1);
          Future<?> fa = pool.submit(saveAfter(go, a, record(idA, "question " + i, json)));
          Future<?> fb = pool.submit(saveAfter(go, b, record(idB, "question " + i, json)));
          go.countDown();
          for (Future<?> f : List.of(fa, fb)) {
            try {
              f.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
              failures.add(e.getCause().toString());
            }
          }
        }
      } finally {
        pool.shutdownNow();
      }
      long missing = ids.stream().filter(id -> !exists(a, id)).count();
      assertEquals(List.of(), failures.subList(0, Math.min(3, failures.size())),
          failures.size() + " of " + ids.size() + " saves failed");
      assertEquals(0, missing, missing + " of " + ids.size() + " records missing");
      assertEquals(rounds, count("SELECT COUNT(*) FROM answer_content"), "each answer's content stored once");
    }
  }

  /**
   * Two replicas' batches holding the same new answers in another order: taken in arrival order, each batch would
   * lock a content row the other one waits for, and PostgreSQL would break the deadlock after a second by failing one.
   */
  @Test
  void twoStoresSavingTheSameAnswersInOppositeOrderAtOnceNeitherDeadlockNorFail() throws Exception {
    int rounds = 5;
    int answers = 300;
    try (AnswerStore a = open(); AnswerStore b = open()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < rounds; round++) {
          List<AnswerRecord> forward = new ArrayList<>();
          List<AnswerRecord> backward = new ArrayList<>();
          for (int i = 0; i < answers; i++) {
            String json = "{\"verdict\":\"customer\",\"round\":" + round + ",\"answer\":" + i + "}";
            forward.add(record(AnswerStore.newId(), "question " + i, json));
            backward.add(0, record(AnswerStore.newId(), "question " + i, json));
          }
          CountDownLatch go = new CountDownLatch(1);
          List<Future<Set<String>>> saves = List.of(pool.submit(saveAllAfter(go, a, forward)),
              pool.submit(saveAllAfter(go, b, backward)));
          long start = System.nanoTime();
          go.countDown();
          List<String> outcomes = new ArrayList<>();
          for (Future<Set<String>> f : saves) {
            try {
              outcomes.add(f.get(20, TimeUnit.SECONDS).isEmpty() ? "stored" : "rows failed");
            } catch (java.util.concurrent.ExecutionException e) {
              outcomes.add(e.getCause().toString());
            }
          }
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          assertEquals(List.of("stored", "stored"), outcomes, "round " + round + ", after " + millis + " ms;"
              + " deadlocks: " + count("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"));
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(2L * rounds * answers, count("SELECT COUNT(*) FROM answer_record"));
      assertEquals((long) rounds * answers, count("SELECT COUNT(*) FROM answer_content"));
    }
  }

  @Test
  void savingTheSameRecordTwiceKeepsOneCopy() throws Exception {
    try (AnswerStore store = open()) {
      AnswerRecord r = record(AnswerStore.newId(), "Who migrates mailboxes?", ANSWER);
      store.saveAll(List.of(r));
      // a retry after a timeout that had in fact committed
      assertEquals(Set.of(), store.saveAll(List.of(r)), "a retried record is not an error");
      assertEquals(1, count("SELECT COUNT(*) FROM answer_record"));
      assertEquals("Who migrates mailboxes?", store.find(r.id()).orElseThrow().question());
    }
  }

  private static Callable<Set<String>> saveAllAfter(CountDownLatch go, AnswerStore store, List<AnswerRecord> rs) {
    return () -> {
      go.await();
      return store.saveAll(rs);
    };
  }

  private static Callable<Void> saveAfter(CountDownLatch go, AnswerStore store, AnswerRecord r) {
    return () -> {
      go.await();
      Set<String> failed = store.saveAll(List.of(r));
      if (!failed.isEmpty()) {
        throw new IllegalStateException("not stored: " + failed);
      }
      return null;
    };
  }

  private static boolean exists(AnswerStore store, String id) {
    try {
      return store.find(id).isPresent();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String contentId(String answerJson) {
    return AnswerStoreTest.contentId(answerJson);
  }

  /** Saves a record made in 2020, long past any retention: its id. */
  private static String savedIn2020(AnswerStore store) throws Exception {
    String id = AnswerStore.newId();
    assertEquals(Set.of(), store.saveAll(List.of(new AnswerRecord(id, "2020-01-01T00:00:00Z", "api", "",
        "Who renews SSL certificates?", "customer", ANSWER, List.of(), contentId(ANSWER)))));
    return id;
  }

  /**
   * Another replica gives an answer whose content only an old record used, while this one purges that old record: the
   * purge waits for the other replica's commit and leaves the content, so the new record's id still names a record.
   */
  @Test
  void aPurgeNeverDeletesTheContentOfARecordBeingWritten() throws Exception {
    try (AnswerStore store = open()) {
      String old = savedIn2020(store);
      String fresh = AnswerStore.newId();
      ExecutorService purger = Executors.newSingleThreadExecutor();
      try (Connection replica = DriverManager.getConnection(url)) {
        replica.setAutoCommit(false);
        // what the record writer runs, left uncommitted: the content is there already, the record is new
        AnswerStore.insertRows(replica, List.of(new AnswerRecord(fresh, Instant.now().toString(), "api", "",
            "who renews ssl certs?", "customer", ANSWER, List.of(), contentId(ANSWER))), 5);
        Future<Integer> purged = purger.submit(() -> store.purgeOlderThan(Instant.parse("2021-01-01T00:00:00Z")));
        Thread.sleep(500);
        assertFalse(purged.isDone(), "the purge waited for the record being written");
        replica.commit();
        assertEquals(1, purged.get(10, TimeUnit.SECONDS));
      } finally {
        purger.shutdownNow();
      }
      assertTrue(store.find(old).isEmpty(), "the old record is purged");
      AnswerRecord kept = store.find(fresh).orElseThrow(() -> new AssertionError("the new record lost its content"));
      assertEquals(ANSWER, kept.answer());
    }
  }

  @Test
  void aRecordWhoseContentWasPurgedMeanwhileIsStoredWithItsContentAgain() throws Exception {
    try (AnswerStore store = open()) {
      String old = savedIn2020(store);
      assertEquals(1, store.purgeOlderThan(Instant.parse("2021-01-01T00:00:00Z")));
      String again = AnswerStore.newId();
      // the same answer, given after the purge took its content: the record brings the content back
      assertEquals(Set.of(), store.saveAll(List.of(record(again, "who renews ssl certs?", ANSWER))));
      assertEquals(ANSWER, store.find(again).orElseThrow().answer());
    }
  }
}
