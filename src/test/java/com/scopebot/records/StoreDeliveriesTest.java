package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreDeliveriesTest {

  @TempDir Path data;

  private static StoreDeliveries replica(AnswerStore store) {
    return new StoreDeliveries(store, new MemoryDeliveries(1_000, Clock.systemUTC()), Clock.systemUTC());
  }

  @Test
  void aDeliveryRetriedOnAnotherReplicaIsClaimedOnce() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "salt")) {
      StoreDeliveries a = replica(store);
      StoreDeliveries b = replica(store);
      assertTrue(a.claim("slack-event", "Ev42", Duration.ofMinutes(10)));
      assertFalse(b.claim("slack-event", "Ev42", Duration.ofMinutes(10)), "the retry reached the other replica");
      assertFalse(a.claim("slack-event", "Ev42", Duration.ofMinutes(10)));
      assertTrue(b.claim("slack-request", "Ev42", Duration.ofMinutes(10)), "another kind is another key");
    }
  }

  @Test
  void aValueRememberedByOneReplicaIsRecalledByAnother() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "salt")) {
      replica(store).remember("teams-reply", "msg-1", "0123abcd", Duration.ofHours(1));
      replica(store).remember("teams-reply", "msg-1", "4567ef01", Duration.ofHours(1)); // remembered again: replaced
      assertEquals(Optional.of("4567ef01"), replica(store).recall("teams-reply", "msg-1"));
      assertEquals(Optional.empty(), replica(store).recall("teams-reply", "msg-2"));
    }
  }

  @Test
  void aStoreThatIsDownFallsBackToThisProcessesMemoryWithoutThrowing() throws Exception {
    AnswerStore store = AnswerStore.sqlite(data, "salt");
    StoreDeliveries d = replica(store);
    d.remember("teams-reply", "msg-1", "0123abcd", Duration.ofHours(1));
    store.close();
    long start = System.nanoTime();
    assertTrue(d.claim("slack-event", "Ev1", Duration.ofMinutes(10)), "answered rather than dropped");
    assertFalse(d.claim("slack-event", "Ev1", Duration.ofMinutes(10)), "memory still answers a repeat once");
    assertEquals(Optional.of("0123abcd"), d.recall("teams-reply", "msg-1"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < 2_000, "three calls on a closed store took " + ms + " ms");
  }
}
