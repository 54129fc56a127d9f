package com.scopebot.records;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The answer store's tables, in types SQLite and PostgreSQL both understand; created when missing. */
final class Schema {

  private Schema() {}

  static void migrate(Connection c) throws SQLException {
    try {
      create(c);
    } catch (SQLException raced) {
      // two replicas starting at once can both try to create a table; the loser finds it made and goes on
      create(c);
    }
    if (String.valueOf(c.getMetaData().getDatabaseProductName()).contains("PostgreSQL")) {
      referContent(c);
    }
    forgetOldSalt(c);
  }

  /**
   * On PostgreSQL (shared by replicas), a record's content must exist while the record is being written: the retention
   * purge of one replica could otherwise delete an answer content that another replica's record, not yet committed,
   * points at, and that record's id would then name nothing. With this foreign key the writer's insert locks the
   * content until it commits, and the purge's delete waits for it and then finds the content in use. {@code NOT
   * VALID}: rows written before are not checked. SQLite has one writer at a time, so no race to close there.
   */
  private static void referContent(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT 1 FROM pg_constraint WHERE conname = 'answer_record_content_fk'")) {
      if (r.next()) {
        return;
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE answer_record ADD CONSTRAINT answer_record_content_fk FOREIGN KEY (content_id)"
          + " REFERENCES answer_content (content_id) NOT VALID");
    } catch (SQLException e) {
      if (!"42710".equals(e.getSQLState())) { // duplicate_object: another replica added it at the same moment
        throw e;
      }
    }
  }

  /**
   * Earlier versions kept the user-id salt in {@code scopebot_meta}; it now comes from the settings, and a copy beside
   * the records would let whoever holds a copy of them test guessed user ids, so it is deleted.
   */
  private static void forgetOldSalt(Connection c) throws SQLException {
    try (ResultSet t = c.getMetaData().getTables(null, null, "scopebot_meta", null)) {
      if (!t.next()) {
        return;
      }
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM scopebot_meta WHERE name = 'user_salt'");
    }
  }

  private static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      // an answer's JSON; the records of one answer as the service cached it share one copy, by its content id
      s.execute("CREATE TABLE IF NOT EXISTS answer_content (content_id VARCHAR(64) PRIMARY KEY,"
          + " answer_json TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS answer_record (id VARCHAR(64) PRIMARY KEY, created_at VARCHAR(40) NOT NULL,"
          + " channel VARCHAR(16) NOT NULL, user_hash VARCHAR(64) NOT NULL, question TEXT NOT NULL,"
          + " verdict VARCHAR(16) NOT NULL, content_id VARCHAR(64) NOT NULL)");
      // retention deletes the oldest first
      s.execute("CREATE INDEX IF NOT EXISTS answer_record_created ON answer_record (created_at)");
      s.execute("CREATE INDEX IF NOT EXISTS answer_record_content ON answer_record (content_id)");
      // a named user's feedback has the id answer id + user hash, so a second one from them replaces the first
      s.execute("CREATE TABLE IF NOT EXISTS answer_feedback (id VARCHAR(64) PRIMARY KEY, answer_id VARCHAR(64) NOT NULL,"
          + " created_at VARCHAR(40) NOT NULL, helpful INTEGER NOT NULL, reason TEXT NOT NULL,"
          + " channel VARCHAR(16) NOT NULL, user_hash VARCHAR(64) NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS answer_feedback_answer ON answer_feedback (answer_id)");
      // the gaps report reads the newest 👎 of a period
      s.execute("CREATE INDEX IF NOT EXISTS answer_feedback_created ON answer_feedback (created_at)");
      // what the channels remember between deliveries, shared by replicas (StoreDeliveries); expires_at in epoch ms
      s.execute("CREATE TABLE IF NOT EXISTS scopebot_delivery (kind VARCHAR(32) NOT NULL,"
          + " delivery_key VARCHAR(200) NOT NULL, value TEXT NOT NULL, expires_at BIGINT NOT NULL,"
          + " PRIMARY KEY (kind, delivery_key))");
      s.execute("CREATE INDEX IF NOT EXISTS scopebot_delivery_expires ON scopebot_delivery (expires_at)");
      // answering stored answers again after a new revision (Reanswers): a job per corpus, its scan resumed from a
      // cursor; a row per outdated answer, claimed for a lease by one worker; a row per notice, sent once
      s.execute("CREATE TABLE IF NOT EXISTS reanswer_job (job_id VARCHAR(64) PRIMARY KEY,"
          + " created_at VARCHAR(40) NOT NULL, scan_cursor VARCHAR(64) NOT NULL, scanned INTEGER NOT NULL,"
          + " over_cap INTEGER NOT NULL, done INTEGER NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS reanswer_item (job_id VARCHAR(64) NOT NULL, old_id VARCHAR(64) NOT NULL,"
          + " new_id VARCHAR(64), question TEXT NOT NULL, old_verdict VARCHAR(16) NOT NULL, new_verdict VARCHAR(16),"
          + " kind VARCHAR(16) NOT NULL, before_text TEXT NOT NULL, after_text TEXT, document TEXT NOT NULL,"
          + " changed_on VARCHAR(40) NOT NULL, state VARCHAR(16) NOT NULL, claimed_until BIGINT NOT NULL,"
          + " done_at VARCHAR(40), PRIMARY KEY (job_id, old_id))");
      s.execute("CREATE INDEX IF NOT EXISTS reanswer_item_old ON reanswer_item (old_id)");
      s.execute("CREATE INDEX IF NOT EXISTS reanswer_item_state ON reanswer_item (state)");
      s.execute("CREATE TABLE IF NOT EXISTS reanswer_notice (job_id VARCHAR(64) NOT NULL,"
          + " conversation VARCHAR(64) NOT NULL, sent_at VARCHAR(40) NOT NULL, PRIMARY KEY (job_id, conversation))");
      // where a question was asked (Origin), so a person's answer or a notice can go back there
      s.execute("CREATE TABLE IF NOT EXISTS answer_origin (answer_id VARCHAR(64) PRIMARY KEY,"
          + " kind VARCHAR(16) NOT NULL, reference TEXT NOT NULL)");
      // a question handed to the experts: one row an answer, so replicas and retries post it once (Handoffs)
      s.execute("CREATE TABLE IF NOT EXISTS answer_handoff (answer_id VARCHAR(64) PRIMARY KEY,"
          + " created_at VARCHAR(40) NOT NULL, cause VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL,"
          + " experts_channel VARCHAR(64) NOT NULL, experts_ts VARCHAR(64) NOT NULL, assignee TEXT NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS answer_handoff_thread ON answer_handoff (experts_channel, experts_ts)");
      // the gaps report reads hand-offs newest first
      s.execute("CREATE INDEX IF NOT EXISTS answer_handoff_created ON answer_handoff (created_at)");
      // a person's answers to a handed-off question; the id is the Slack message's (or modal's), so a retry is one row
      s.execute("CREATE TABLE IF NOT EXISTS answer_reply (id VARCHAR(200) PRIMARY KEY, answer_id VARCHAR(64) NOT NULL,"
          + " created_at VARCHAR(40) NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, delivery VARCHAR(32) NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS answer_reply_answer ON answer_reply (answer_id)");
    }
  }
}
