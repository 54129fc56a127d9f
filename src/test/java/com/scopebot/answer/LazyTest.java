package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A lazy value is worked out once, on first use, however many threads ask at once. */
class LazyTest {

  @Test
  void manyThreadsAskingAtOnceWorkItOutOnce() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    Lazy<String> lazy = new Lazy<>(() -> "value " + computed.incrementAndGet());
    assertEquals(0, computed.get(), "nothing is worked out before it is asked for");
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 16; i++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        seen.add(lazy.get());
      });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertEquals(1, computed.get());
    assertEquals(16, seen.size());
    assertEquals(1, seen.stream().distinct().count());
  }
}
