package com.scopebot.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes the records older than a cutoff in small transactions (a batch at a time, so writers wait at most one
 * batch): each record's feedback, re-answering rows, origin and hand-off, the record, then the answer contents no
 * record points at any more.
 */
final class Purge {

  static final int BATCH = 500;

  private Purge() {}

  /** Deletes one batch of records created before {@code cutoff} (ISO instant); how many were deleted. */
  static int batch(Connection c, String cutoff) throws SQLException {
    List<String> ids = new ArrayList<>();
    Set<String> contents = new LinkedHashSet<>();
    try (PreparedStatement q = c.prepareStatement(
        "SELECT id, content_id FROM answer_record WHERE created_at < ? ORDER BY created_at LIMIT " + BATCH)) {
      q.setString(1, cutoff);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
          contents.add(rs.getString(2));
        }
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    try {
      return delete(c, ids, contents);
    } catch (SQLException e) {
      if (!IN_USE.equals(e.getSQLState())) {
        throw e;
      }
      // a content a record still being written points at (PostgreSQL's foreign key): that record has committed by
      // now, so a second try sees it and leaves the content
      return delete(c, ids, contents);
    }
  }

  /** foreign_key_violation: a deleted content is in use by a record committed meanwhile. */
  private static final String IN_USE = "23503";

  private static int delete(Connection c, List<String> ids, Set<String> contents) throws SQLException {
    c.setAutoCommit(false);
    try {
      delete(c, "DELETE FROM answer_feedback WHERE answer_id IN ", ids, "");
      // what re-answering kept of them holds the question too: it goes with its record
      delete(c, "DELETE FROM reanswer_item WHERE old_id IN ", ids, "");
      delete(c, "DELETE FROM answer_origin WHERE answer_id IN ", ids, "");
      delete(c, "DELETE FROM answer_reply WHERE answer_id IN ", ids, "");
      delete(c, "DELETE FROM answer_handoff WHERE answer_id IN ", ids, "");
      delete(c, "DELETE FROM answer_record WHERE id IN ", ids, "");
      delete(c, "DELETE FROM answer_content WHERE content_id IN ", new ArrayList<>(contents),
          " AND NOT EXISTS (SELECT 1 FROM answer_record r WHERE r.content_id = answer_content.content_id)");
      c.commit();
      return ids.size();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static void delete(Connection c, String head, List<String> keys, String tail) throws SQLException {
    String marks = String.join(", ", Collections.nCopies(keys.size(), "?"));
    try (PreparedStatement d = c.prepareStatement(head + "(" + marks + ")" + tail)) {
      for (int i = 0; i < keys.size(); i++) {
        d.setString(i + 1, keys.get(i));
      }
      d.executeUpdate();
    }
  }
}
