package com.scopebot.service;

import com.scopebot.records.Deliveries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last question of each conversation (a web session, a Slack thread, a Teams conversation, a command-line chat), so
 * that a follow-up ("and for a single forest?") can be read against it.
 *
 * <p>Bounded in size (least recently used conversations go first) and in time (a conversation idle for longer than
 * the time to live is forgotten). Conversation ids are kept only as SHA-256 hashes; nothing here is written anywhere,
 * so a restart forgets every conversation. Thread-safe.
 */
public final class Conversations {

  /** The conversations kept at most. */
  public static final int MAX_CONVERSATIONS = 10_000;
  /** How long a conversation is remembered after its last question. */
  public static final Duration TIME_TO_LIVE = Duration.ofMinutes(30);
  /** What conversations are kept as among the shared deliveries. */
  static final String KIND = "conversation";

  private record Turn(String question, long atMillis) {}

  private final Clock clock;
  private final Map<String, Turn> turns = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Turn> eldest) {
      return size() > MAX_CONVERSATIONS;
    }
  };

  /** Where replicas share conversations (the answer store's deliveries), or null: this process's memory only. */
  private volatile Deliveries shared;

  public Conversations(Clock clock) {
    this.clock = clock;
  }

  /**
   * Keeps conversations where replicas sharing a store see them too, so a follow-up that reaches another replica is
   * read against the question asked of this one (with the same time to live; the store answers from memory while it
   * is down).
   */
  public Conversations share(Deliveries deliveries) {
    this.shared = deliveries;
    return this;
  }

  /** The conversation's last question, unless it has been forgotten. */
  public Optional<String> previous(String channel, String conversation) {
    Deliveries store = shared;
    String key = key(channel, conversation);
    return store != null ? store.recall(KIND, key) : remembered(key);
  }

  private synchronized Optional<String> remembered(String key) {
    Turn t = turns.get(key);
    if (t == null) {
      return Optional.empty();
    }
    if (clock.millis() - t.atMillis() > TIME_TO_LIVE.toMillis()) {
      turns.remove(key);
      return Optional.empty();
    }
    return Optional.of(t.question());
  }

  /** Remembers the question a conversation last asked (as read, when it was a follow-up). */
  public void remember(String channel, String conversation, String question) {
    String key = key(channel, conversation);
    synchronized (this) {
      turns.put(key, new Turn(question, clock.millis()));
    }
    Deliveries store = shared;
    if (store != null) {
      store.remember(KIND, key, question, TIME_TO_LIVE);
    }
  }

  /** How many conversations are remembered. */
  public synchronized int size() {
    return turns.size();
  }

  private static String key(String channel, String conversation) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest((channel + "\u0000" + conversation).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
