package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMaintenanceTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path data;

  @Test
  void purgesRecordsOlderThanTheRetentionAndKeepsTheRest() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "salt")) {
      AnswerRecord old = AnswerStoreTest.record("{\"a\":1}", NOW.minus(Duration.ofDays(31)).toString());
      AnswerRecord young = AnswerStoreTest.record("{\"a\":2}", NOW.minus(Duration.ofDays(29)).toString());
      store.saveAll(List.of(old, young));
      new StoreMaintenance(store, 30, CLOCK, null).purge();
      assertFalse(store.find(old.id()).isPresent(), "31 days old, retention 30: purged");
      assertTrue(store.find(young.id()).isPresent(), "29 days old: kept");
    }
  }

  @Test
  void aRetentionOfZeroKeepsRecordsForever() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "salt")) {
      AnswerRecord ancient = AnswerStoreTest.record("{\"a\":1}", "2001-01-01T00:00:00Z");
      store.saveAll(List.of(ancient));
      new StoreMaintenance(store, 0, CLOCK, null).purge();
      assertTrue(store.find(ancient.id()).isPresent());
    }
  }

  @Test
  void purgesExpiredDeliveriesOnly() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "salt")) {
      Clock earlier = Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC);
      StoreDeliveries then = new StoreDeliveries(store, new MemoryDeliveries(100, earlier), earlier);
      then.claim("slack-event", "Ev1", Duration.ofHours(1)); // expired by NOW
      then.claim("slack-event", "Ev2", Duration.ofHours(3)); // still in its window at NOW
      StoreDeliveries now = new StoreDeliveries(store, new MemoryDeliveries(100, CLOCK), CLOCK);
      assertEquals(1, now.purgeExpired());
      assertTrue(now.claim("slack-event", "Ev1", Duration.ofHours(1)), "an expired delivery may be claimed again");
      assertFalse(now.claim("slack-event", "Ev2", Duration.ofHours(1)), "a claim within its window holds");
    }
  }

  @Test
  void theBackgroundCheckReportsAStoreThatWentAwayWithinTwoSeconds() throws Exception {
    AnswerStore store = AnswerStore.sqlite(data, "salt");
    try (StoreMaintenance m = new StoreMaintenance(store, 0, CLOCK, null).start()) {
      assertTrue(store.isUp());
      store.close();
      long start = System.nanoTime();
      while (store.isUp() && System.nanoTime() - start < 5_000_000_000L) {
        Thread.sleep(20);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertFalse(store.isUp());
      assertTrue(ms < 2_000, "reported down after " + ms + " ms (checks run every second)");
    }
  }
}
