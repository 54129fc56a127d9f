package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A memo works a value out once while it keeps it, and drops everything when it fills up. */
class MemoTest {

  @Test
  void worksAValueOutOnceWhileItIsKept() {
    Memo<String, Integer> memo = Memo.of(3);
    AtomicInteger computed = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      assertEquals(4, memo.get("word", w -> {
        computed.incrementAndGet();
        return w.length();
      }));
    }
    assertEquals(1, computed.get());
  }

  @Test
  void dropsEveryValueWhenItIsFull() {
    Memo<String, Integer> memo = Memo.of(3);
    memo.put("a", 1);
    memo.put("b", 2);
    memo.put("c", 3);
    memo.put("d", 4); // full: a, b and c go
    assertNull(memo.get("a"));
    assertNull(memo.get("c"));
    assertEquals(4, memo.get("d"));
  }

  @Test
  void byIdentityTellsEqualKeysApart() {
    Memo<String, String> memo = Memo.byIdentity(10);
    String key = new String("same");
    memo.put(key, "kept");
    assertSame("kept", memo.get(key));
    assertNull(memo.get(new String("same")));
  }
}
