package com.scopebot.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-offs to the experts and the people's replies, in the answer store. Every step that must happen once (posting a
 * question, passing a reply on) is an insert under a unique key that only one replica, and only one of Slack's
 * retries, can win; nothing of it is kept in memory. Thread-safe; every call gives up after the store's timeout.
 */
public final class Handoffs {

  /** Longest reply kept (Slack's messages are at most 40,000 characters; a person's answer is a few lines). */
  public static final int MAX_REPLY_CHARS = 4000;
  /** Most replies a record shows. */
  static final int MAX_REPLIES = 50;

  /** Far longer than a post to Slack takes (its client gives up well before). */
  static final Duration STALE_CLAIM = Duration.ofMinutes(2);

  private final AnswerStore store;

  public Handoffs(AnswerStore store) {
    this.store = store;
  }

  /**
   * Claims the hand-off of an answer: true for the first claim only (whichever replica, whichever retry), which then
   * posts it and calls {@link #posted}, or {@link #release} when posting failed. A claim still {@code posting} after
   * {@link #STALE_CLAIM} (its replica died between claim and post) may be taken again, by one caller.
   */
  public boolean claim(String answerId, String cause, Instant now) throws SQLException {
    if (update("INSERT INTO answer_handoff (answer_id, created_at, cause, status, experts_channel, experts_ts,"
        + " assignee) SELECT ?, ?, ?, 'posting', '', '', '' WHERE EXISTS (SELECT 1 FROM answer_record WHERE id = ?)"
        + " ON CONFLICT DO NOTHING", answerId, now.toString(), cause, answerId) == 1) {
      return true;
    }
    return update("UPDATE answer_handoff SET created_at = ?, cause = ? WHERE answer_id = ? AND status = 'posting'"
        + " AND created_at < ?", now.toString(), cause, answerId, now.minus(STALE_CLAIM).toString()) == 1;
  }

  /** The experts' post is out: its thread is where replies come. */
  public void posted(String answerId, String channel, String ts) throws SQLException {
    update("UPDATE answer_handoff SET status = 'open', experts_channel = ?, experts_ts = ? WHERE answer_id = ?",
        channel, ts, answerId);
  }

  /** Posting failed: the claim is dropped, so the next request may try again. */
  public void release(String answerId) throws SQLException {
    update("DELETE FROM answer_handoff WHERE answer_id = ? AND status = 'posting'", answerId);
  }

  /** Sets the status ({@code answered}, {@code not_in_scope}). */
  public void status(String answerId, String status) throws SQLException {
    update("UPDATE answer_handoff SET status = ? WHERE answer_id = ?", status, answerId);
  }

  /** Names the expert who took the question; true when it changed. */
  public boolean assign(String answerId, String assignee) throws SQLException {
    return update("UPDATE answer_handoff SET assignee = ? WHERE answer_id = ? AND assignee <> ?", assignee, answerId,
        assignee) == 1;
  }

  /**
   * Adds a person's reply: true the first time its id is seen, and only then may it be passed on to the asker.
   *
   * @param id the reply's identity ({@code slack:<channel>:<ts>} for a thread message), at most 200 characters
   */
  public boolean reply(String id, String answerId, String createdAt, String author, String text) throws SQLException {
    return update("INSERT INTO answer_reply (id, answer_id, created_at, author, text, delivery)"
        + " VALUES (?, ?, ?, ?, ?, 'pending') ON CONFLICT DO NOTHING", id, answerId, createdAt, author,
        kept(text)) == 1;
  }

  /**
   * What is kept of a reply, at most {@link #MAX_REPLY_CHARS} (never half a surrogate pair): the asker is sent
   * exactly this, so the record shows what they got.
   */
  public static String kept(String text) {
    if (text.length() <= MAX_REPLY_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_REPLY_CHARS - 1)) ? MAX_REPLY_CHARS - 1 : MAX_REPLY_CHARS;
    return text.substring(0, end);
  }

  /** A reply kept but never passed on: the process that kept it stopped before it could. */
  public record Pending(String id, String answerId, String author, String text) {}

  /**
   * Replies still pending that were kept before a time (a live process passes its own on within seconds), oldest
   * first, at most {@code most}.
   */
  public List<Pending> pending(Instant keptBefore, int most) throws SQLException {
    List<Pending> out = new ArrayList<>();
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement("SELECT id, answer_id, author, text FROM answer_reply"
            + " WHERE delivery = 'pending' AND created_at < ? ORDER BY created_at LIMIT " + Math.max(0, most))) {
      q.setQueryTimeout(store.timeoutSeconds());
      q.setString(1, keptBefore.toString());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  /** Takes a pending reply to pass on: true for the one caller, of every replica, that does. */
  public boolean takePending(String replyId) throws SQLException {
    return update("UPDATE answer_reply SET delivery = 'resending' WHERE id = ? AND delivery = 'pending'", replyId) == 1;
  }

  /** How a reply reached the asker (see {@link Handoff.Reply#delivery()}). */
  public void delivered(String replyId, String delivery) throws SQLException {
    update("UPDATE answer_reply SET delivery = ? WHERE id = ?", delivery, replyId);
  }

  /** The hand-off of an answer, with its replies. */
  public Optional<Handoff> of(String answerId) throws SQLException {
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement("SELECT created_at, cause, status, experts_channel, experts_ts,"
            + " assignee FROM answer_handoff WHERE answer_id = ?")) {
      q.setQueryTimeout(store.timeoutSeconds());
      q.setString(1, answerId);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Handoff(answerId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), replies(c, answerId)));
      }
    }
  }

  /** The answer whose experts' post started a thread. */
  public Optional<String> answerOfThread(String channel, String ts) throws SQLException {
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement(
            "SELECT answer_id FROM answer_handoff WHERE experts_channel = ? AND experts_ts = ?")) {
      q.setQueryTimeout(store.timeoutSeconds());
      q.setString(1, channel);
      q.setString(2, ts);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private List<Handoff.Reply> replies(Connection c, String answerId) throws SQLException {
    List<Handoff.Reply> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("SELECT id, created_at, author, text, delivery FROM answer_reply"
        + " WHERE answer_id = ? ORDER BY created_at, id LIMIT " + MAX_REPLIES)) {
      q.setQueryTimeout(store.timeoutSeconds());
      q.setString(1, answerId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new Handoff.Reply(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5)));
        }
      }
    }
    return out;
  }

  private int update(String sql, String... values) throws SQLException {
    try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setQueryTimeout(store.timeoutSeconds());
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      return s.executeUpdate();
    }
  }
}
