package com.scopebot.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress of answering stored answers again after a new revision, kept in the answer store so that it survives a
 * restart and replicas sharing the store split the work: a job per corpus ({@code reanswer_job}, its scan of the
 * records resumed from a cursor), a row per outdated answer ({@code reanswer_item}, claimed by one worker at a time
 * for a lease), and a row per notice sent ({@code reanswer_notice}). Every decision that two replicas could both take
 * is a conditional write only one of them wins: an insert under a primary key or an update guarded by the row's state.
 *
 * <p>Thread-safe; every call gives up after the store's timeout.
 */
public final class Reanswers {

  /** A scan of the records for a corpus: the records created up to {@code createdAt}, in id order, from {@code cursor}. */
  public record Job(String id, String createdAt, String cursor, boolean scanned) {}

  private static final String COLUMNS = "job_id, old_id, new_id, question, old_verdict, new_verdict, kind,"
      + " before_text, after_text, document, changed_on";

  private final AnswerStore store;

  public Reanswers(AnswerStore store) {
    this.store = store;
  }

  /** True when this process alone uses the store (the embedded SQLite file), so no claim can be another's. */
  public boolean alone() {
    return store.embedded();
  }

  /** Starts the job of a corpus unless it was started before (here or by another replica); true when started now. */
  public boolean startJob(String id, String createdAt) throws SQLException {
    return update("INSERT INTO reanswer_job (job_id, created_at, scan_cursor, scanned, over_cap, done)"
        + " VALUES (?, ?, '', 0, 0, 0) ON CONFLICT DO NOTHING", id, createdAt) == 1;
  }

  /** The jobs not finished yet, oldest first. */
  public List<Job> openJobs() throws SQLException {
    List<Job> jobs = new ArrayList<>();
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement("SELECT job_id, created_at, scan_cursor, scanned FROM reanswer_job"
            + " WHERE done = 0 ORDER BY created_at")) {
      q.setQueryTimeout(store.timeoutSeconds());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          jobs.add(new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1));
        }
      }
    }
    return jobs;
  }

  /**
   * The next records of a job's scan: created up to the job's start, after its cursor, and not found outdated by any
   * job before (an answer again stands for those), feedback left out.
   */
  public List<AnswerRecord> nextRecords(Job job, int limit) throws SQLException {
    List<AnswerRecord> records = new ArrayList<>();
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement("SELECT r.id, r.created_at, r.channel, r.user_hash, r.question,"
            + " r.verdict, c.answer_json, r.content_id FROM answer_record r"
            + " JOIN answer_content c ON c.content_id = r.content_id"
            + " WHERE r.id > ? AND r.created_at <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM reanswer_item i WHERE i.old_id = r.id) ORDER BY r.id LIMIT ?")) {
      q.setQueryTimeout(store.timeoutSeconds());
      q.setString(1, job.cursor());
      q.setString(2, job.createdAt());
      q.setInt(3, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          records.add(new AnswerRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), List.of(), rs.getString(8)));
        }
      }
    }
    return records;
  }

  /**
   * Moves a job's scan on from {@code from} to {@code to}, with the outdated answers found in between, in one
   * transaction; beyond {@code cap} answers a job, the rest are only counted. Another worker that moved the same scan
   * on first wins: then nothing is written and this returns false.
   *
   * @param finished true when the scan reached the last record
   */
  public boolean advance(Job job, String to, List<Reanswer> found, boolean finished, int cap) throws SQLException {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      try {
        int room = cap - count(c, "SELECT COUNT(*) FROM reanswer_item WHERE job_id = ?", job.id());
        List<Reanswer> kept = found.subList(0, Math.max(0, Math.min(room, found.size())));
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO reanswer_item (" + COLUMNS
            + ", state, claimed_until) VALUES (?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?, 'pending', 0)"
            + " ON CONFLICT DO NOTHING")) {
          ins.setQueryTimeout(store.timeoutSeconds());
          for (Reanswer r : kept) {
            ins.setString(1, job.id());
            ins.setString(2, r.oldId());
            ins.setString(3, r.question());
            ins.setString(4, r.oldVerdict());
            ins.setString(5, r.kind());
            ins.setString(6, r.before());
            ins.setString(7, r.after());
            ins.setString(8, r.document());
            ins.setString(9, r.changedOn());
            ins.addBatch();
          }
          ins.executeBatch();
        }
        boolean moved;
        try (PreparedStatement up = c.prepareStatement("UPDATE reanswer_job SET scan_cursor = ?, scanned = ?,"
            + " over_cap = over_cap + ? WHERE job_id = ? AND scan_cursor = ?")) {
          up.setQueryTimeout(store.timeoutSeconds());
          up.setString(1, to);
          up.setInt(2, finished ? 1 : 0);
          up.setInt(3, found.size() - kept.size());
          up.setString(4, job.id());
          up.setString(5, job.cursor());
          moved = up.executeUpdate() == 1;
        }
        if (moved) {
          c.commit();
        } else {
          c.rollback();
        }
        return moved;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * Claims up to {@code n} outdated answers waiting to be answered again, or whose claim lapsed (its worker died),
   * each for {@code leaseMillis}; an answer another worker claimed first is left to it.
   */
  public List<Reanswer> claim(int n, long now, long leaseMillis) throws SQLException {
    List<Reanswer> claimed = new ArrayList<>();
    try (Connection c = store.connection()) {
      List<Reanswer> candidates = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM reanswer_item"
          + " WHERE state = 'pending' OR (state = 'claimed' AND claimed_until < ?) ORDER BY job_id, old_id LIMIT ?")) {
        q.setQueryTimeout(store.timeoutSeconds());
        q.setLong(1, now);
        q.setInt(2, n);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            candidates.add(row(rs));
          }
        }
      }
      try (PreparedStatement up = c.prepareStatement("UPDATE reanswer_item SET state = 'claimed', claimed_until = ?"
          + " WHERE job_id = ? AND old_id = ? AND (state = 'pending' OR (state = 'claimed' AND claimed_until < ?))")) {
        up.setQueryTimeout(store.timeoutSeconds());
        for (Reanswer r : candidates) {
          up.setLong(1, now + leaseMillis);
          up.setString(2, r.job());
          up.setString(3, r.oldId());
          up.setLong(4, now);
          if (up.executeUpdate() == 1) {
            claimed.add(r);
          }
        }
      }
    }
    return claimed;
  }

  /** Gives every claim back (at start, for a store no other process uses: its claims were a killed process's). */
  public int releaseClaims() throws SQLException {
    return update("UPDATE reanswer_item SET state = 'pending', claimed_until = 0 WHERE state = 'claimed'");
  }

  /**
   * The id of an outdated answer's answer again: the one reserved before (by a worker that died before finishing it),
   * else {@code candidate}. Reserved before the record is written, so a resumed answer is written under the same id
   * and a record is never made twice.
   */
  public String reserveNewId(Reanswer r, String candidate) throws SQLException {
    try (Connection c = store.connection()) {
      try (PreparedStatement up = c.prepareStatement("UPDATE reanswer_item SET new_id = ?"
          + " WHERE job_id = ? AND old_id = ? AND new_id IS NULL")) {
        up.setQueryTimeout(store.timeoutSeconds());
        up.setString(1, candidate);
        up.setString(2, r.job());
        up.setString(3, r.oldId());
        up.executeUpdate();
      }
      try (PreparedStatement q = c.prepareStatement("SELECT new_id FROM reanswer_item WHERE job_id = ? AND old_id = ?")) {
        q.setQueryTimeout(store.timeoutSeconds());
        q.setString(1, r.job());
        q.setString(2, r.oldId());
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException("no outdated answer " + r.oldId() + " in job " + r.job());
          }
          return rs.getString(1);
        }
      }
    }
  }

  /** Marks an outdated answer answered again, with the new verdict. */
  public void finish(Reanswer r, String newVerdict, String doneAt) throws SQLException {
    setState(r, "done", newVerdict, doneAt);
  }

  /** Marks an outdated answer that cannot be answered again (its record was purged meanwhile). */
  public void drop(Reanswer r, String doneAt) throws SQLException {
    setState(r, "dropped", null, doneAt);
  }

  private void setState(Reanswer r, String state, String newVerdict, String doneAt) throws SQLException {
    update("UPDATE reanswer_item SET state = ?, new_verdict = ?, done_at = ? WHERE job_id = ? AND old_id = ?", state,
        newVerdict, doneAt, r.job(), r.oldId());
  }

  /**
   * Claims the one notice of a job to a conversation; true for the first claim only, here or on any replica. The
   * conversation's key is stored hashed: it may be long, and it names a person's chat.
   */
  public boolean claimNotice(String job, String conversation, String at) throws SQLException {
    return update("INSERT INTO reanswer_notice (job_id, conversation, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        job, sha256(conversation), at) == 1;
  }

  /** Closes the jobs whose scan is over and whose outdated answers have all been answered again (or dropped). */
  public int closeFinishedJobs() throws SQLException {
    return update("UPDATE reanswer_job SET done = 1 WHERE done = 0 AND scanned = 1 AND NOT EXISTS (SELECT 1"
        + " FROM reanswer_item i WHERE i.job_id = reanswer_job.job_id AND i.state IN ('pending', 'claimed'))");
  }

  /**
   * The outdated answers answered again, newest revision first, at most {@code limit}: only those whose old and new
   * records both still exist (retention purges records), so every id listed names a record.
   */
  public List<Reanswer> answeredAgain(int limit) throws SQLException {
    List<Reanswer> done = new ArrayList<>();
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement("SELECT " + prefixed() + " FROM reanswer_item i"
            + " JOIN answer_record o ON o.id = i.old_id JOIN answer_record n ON n.id = i.new_id"
            + " WHERE i.state = 'done' ORDER BY i.changed_on DESC, i.done_at DESC, i.old_id LIMIT ?")) {
      q.setQueryTimeout(store.timeoutSeconds());
      q.setInt(1, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          done.add(row(rs));
        }
      }
    }
    return done;
  }

  /**
   * How many outdated answers are in each state ({@code pending}, {@code claimed}, {@code done}, {@code dropped}), and
   * under {@code over_cap} how many were found beyond the cap and left as they are.
   */
  public Map<String, Integer> progress() throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Connection c = store.connection()) {
      try (PreparedStatement q = c.prepareStatement("SELECT state, COUNT(*) FROM reanswer_item GROUP BY state")) {
        q.setQueryTimeout(store.timeoutSeconds());
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            counts.put(rs.getString(1), rs.getInt(2));
          }
        }
      }
      counts.put("over_cap", count(c, "SELECT COALESCE(SUM(over_cap), 0) FROM reanswer_job"));
    }
    return counts;
  }

  /** The record an outdated answer was answered again in, if it was. */
  public Optional<String> answeredAgainIn(String oldId) throws SQLException {
    try (Connection c = store.connection();
        PreparedStatement q = c.prepareStatement("SELECT new_id FROM reanswer_item WHERE old_id = ? AND state = 'done'"
            + " ORDER BY done_at DESC LIMIT 1")) {
      q.setQueryTimeout(store.timeoutSeconds());
      q.setString(1, oldId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** One statement on a connection of its own; how many rows it changed. */
  private int update(String sql, String... args) throws SQLException {
    try (Connection c = store.connection(); PreparedStatement up = c.prepareStatement(sql)) {
      up.setQueryTimeout(store.timeoutSeconds());
      for (int i = 0; i < args.length; i++) {
        up.setString(i + 1, args[i]);
      }
      return up.executeUpdate();
    }
  }

  private int count(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setQueryTimeout(store.timeoutSeconds());
      for (int i = 0; i < args.length; i++) {
        q.setString(i + 1, args[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static String prefixed() {
    return "i." + COLUMNS.replace(", ", ", i.");
  }

  private static Reanswer row(ResultSet rs) throws SQLException {
    return new Reanswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
