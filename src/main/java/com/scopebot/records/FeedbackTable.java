package com.scopebot.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback rows. A named user's feedback on an answer has the id answer id + user hash (64 characters), so their
 * next one replaces it; anonymous feedback gets a random id (32 characters), so the two never collide.
 */
final class FeedbackTable {

  private FeedbackTable() {}

  static FeedbackOutcome add(Connection c, String answerId, Feedback f, int timeoutSeconds) throws SQLException {
    boolean named = !f.user().isEmpty();
    String id = named ? answerId + f.user() : AnswerStore.newId();
    if (named && replace(c, id, f, timeoutSeconds)) {
      return FeedbackOutcome.REPLACED;
    }
    // inserted only while the record exists and holds fewer than the cap; a full answer still takes changes of mind
    try (PreparedStatement ins = c.prepareStatement(
        "INSERT INTO answer_feedback (id, answer_id, created_at, helpful, reason, channel, user_hash)"
            + " SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM answer_record WHERE id = ?)"
            + " AND (SELECT COUNT(*) FROM answer_feedback WHERE answer_id = ?) < ? ON CONFLICT DO NOTHING")) {
      ins.setQueryTimeout(timeoutSeconds);
      ins.setString(1, id);
      ins.setString(2, answerId);
      ins.setString(3, f.createdAt());
      ins.setInt(4, f.helpful() ? 1 : 0);
      ins.setString(5, f.reason());
      ins.setString(6, f.channel());
      ins.setString(7, f.user());
      ins.setString(8, answerId);
      ins.setString(9, answerId);
      ins.setInt(10, AnswerStore.MAX_FEEDBACK);
      if (ins.executeUpdate() == 1) {
        return FeedbackOutcome.ADDED;
      }
    }
    if (named && replace(c, id, f, timeoutSeconds)) {
      return FeedbackOutcome.REPLACED; // the same person's other click got in between
    }
    try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM answer_record WHERE id = ?")) {
      q.setQueryTimeout(timeoutSeconds);
      q.setString(1, answerId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? FeedbackOutcome.FULL : FeedbackOutcome.NO_SUCH_ANSWER;
      }
    }
  }

  private static boolean replace(Connection c, String id, Feedback f, int timeoutSeconds) throws SQLException {
    try (PreparedStatement up = c.prepareStatement(
        "UPDATE answer_feedback SET created_at = ?, helpful = ?, reason = ?, channel = ? WHERE id = ?")) {
      up.setQueryTimeout(timeoutSeconds);
      up.setString(1, f.createdAt());
      up.setInt(2, f.helpful() ? 1 : 0);
      up.setString(3, f.reason());
      up.setString(4, f.channel());
      up.setString(5, id);
      return up.executeUpdate() == 1;
    }
  }

  /** An answer's feedback, oldest first, at most {@link AnswerStore#MAX_FEEDBACK} entries. */
  static List<Feedback> of(Connection c, String answerId, int timeoutSeconds) throws SQLException {
    List<Feedback> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(
        "SELECT helpful, reason, channel, user_hash, created_at FROM answer_feedback WHERE answer_id = ?"
            + " ORDER BY created_at, id LIMIT " + AnswerStore.MAX_FEEDBACK)) {
      q.setQueryTimeout(timeoutSeconds);
      q.setString(1, answerId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new Feedback(rs.getInt(1) == 1, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
      }
    }
    return out;
  }
}
