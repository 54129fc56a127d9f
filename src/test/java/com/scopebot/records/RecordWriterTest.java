package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordWriterTest {

  @TempDir Path data;

  @Test
  void everyCommittedRecordIsReadableAtOnceAndManyShareACommit() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "salt")) {
      RecordWriter writer = new RecordWriter(store, 5_000);
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<String>> ids = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 2_000; i++) {
        int n = i;
        ids.add(pool.submit(() -> {
          AnswerRecord r = AnswerStoreTest.record("{\"answer\":" + (n % 40) + "}");
          return writer.record(r) == RecordWriter.Outcome.COMMITTED ? r.id() : null;
        }));
      }
      int found = 0;
      for (Future<String> f : ids) {
        String id = f.get();
        found += id != null && store.find(id).isPresent() ? 1 : 0;
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      pool.shutdown();
      writer.close();
      assertEquals(2_000, found, "committed and readable of 2,000 (" + ms + " ms)");
    }
  }

  @Test
  void aFullQueueRefusesAtOnceAndAStuckWriteTimesOutAtTheWait() throws Exception {
    try (AnswerStore store = AnswerStore.open(StoreSettings.embedded(data, 2, 3_000, "salt"));
        Connection lock = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answers.db"));
        Statement s = lock.createStatement()) {
      RecordWriter writer = new RecordWriter(store, 600, 4);
      s.execute("BEGIN EXCLUSIVE"); // another process holds the write lock: the writer's commit waits on it
      ExecutorService pool = Executors.newFixedThreadPool(33);
      // one record first, alone: the writer takes it and waits on the lock, so the queue below starts empty
      Future<RecordWriter.Outcome> stuck = pool.submit(() -> writer.record(AnswerStoreTest.record("{\"answer\":0}")));
      Thread.sleep(100);
      while (writer.queued() > 0) {
        Thread.sleep(1);
      }
      Map<RecordWriter.Outcome, List<Long>> millis = new ConcurrentHashMap<>();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        done.add(pool.submit(() -> {
          long t = System.nanoTime();
          RecordWriter.Outcome o = writer.record(AnswerStoreTest.record("{\"answer\":1}"));
          millis.computeIfAbsent(o, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
              .add((System.nanoTime() - t) / 1_000_000);
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      s.execute("ROLLBACK");
      pool.shutdown();
      List<Long> full = millis.getOrDefault(RecordWriter.Outcome.QUEUE_FULL, List.of());
      List<Long> timedOut = millis.getOrDefault(RecordWriter.Outcome.TIMED_OUT, List.of());
      // 4 wait in the queue behind the stuck one: the other 28 are refused
      assertEquals(RecordWriter.Outcome.TIMED_OUT, stuck.get());
      assertTrue(full.size() == 28, "refused at once: " + full.size() + " of 32, outcomes " + millis.keySet());
      assertEquals(32, full.size() + timedOut.size(), "outcomes " + millis.keySet());
      long slowestRefusal = full.stream().mapToLong(Long::longValue).max().orElse(0);
      assertTrue(slowestRefusal < 300, "a refusal took " + slowestRefusal + " ms; the wait is 600 ms");
      for (long ms : timedOut) {
        assertTrue(ms >= 550 && ms < 2_000, "a stuck record gave up after " + ms + " ms; the wait is 600 ms");
      }
      writer.close();
    }
  }
}
