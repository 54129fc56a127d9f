package com.scopebot.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Answer records and their feedback, in any JDBC database: an embedded SQLite file by default, PostgreSQL when several
 * replicas share records. The schema uses only types both understand.
 *
 * <p>Thread-safe: one connection, used under this object's lock (SQLite allows one writer at a time anyway).
 */
public final class AnswerStore implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final String url;
  private final byte[] salt;

  private AnswerStore(Connection connection, String url) throws SQLException {
    this.connection = connection;
    this.url = url;
    migrate();
    this.salt = loadSalt();
  }

  /** The default store: {@code answers.db} in the data folder, created on first start. */
  public static AnswerStore sqlite(Path dataDir) throws SQLException {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create data folder " + dataDir + ": " + e.getMessage(), e);
    }
    return open("jdbc:sqlite:" + dataDir.resolve("answers.db"), null, null);
  }

  /** A store at a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}). */
  public static AnswerStore open(String jdbcUrl, String user, String password) throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    Connection c = DriverManager.getConnection(jdbcUrl, props);
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      try (Statement s = c.createStatement()) {
        // WAL: readers never block the writer; NORMAL: a commit survives a crash of the process, not of the machine
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
      }
    }
    return new AnswerStore(c, jdbcUrl);
  }

  /** The JDBC URL without credentials (for logs). */
  public String location() {
    return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
  }

  private synchronized void migrate() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS scopebot_meta (name VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS answer_record (id VARCHAR(64) PRIMARY KEY, created_at VARCHAR(40) NOT NULL,"
          + " channel VARCHAR(16) NOT NULL, user_hash VARCHAR(64) NOT NULL, question TEXT NOT NULL,"
          + " verdict VARCHAR(16) NOT NULL, answer_json TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS answer_feedback (id VARCHAR(64) PRIMARY KEY, answer_id VARCHAR(64) NOT NULL,"
          + " created_at VARCHAR(40) NOT NULL, helpful INTEGER NOT NULL, reason TEXT NOT NULL,"
          + " channel VARCHAR(16) NOT NULL, user_hash VARCHAR(64) NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS answer_feedback_answer ON answer_feedback (answer_id)");
    }
  }

  /** A random salt kept in the database, so hashed user ids cannot be reversed by hashing known ids. */
  private synchronized byte[] loadSalt() throws SQLException {
    try (PreparedStatement q = connection.prepareStatement("SELECT value FROM scopebot_meta WHERE name = 'user_salt'")) {
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return HexFormat.of().parseHex(rs.getString(1));
        }
      }
    }
    byte[] fresh = new byte[16];
    new SecureRandom().nextBytes(fresh);
    try (PreparedStatement ins = connection.prepareStatement("INSERT INTO scopebot_meta (name, value) VALUES ('user_salt', ?)")) {
      ins.setString(1, HexFormat.of().formatHex(fresh));
      ins.executeUpdate();
    } catch (SQLException raced) {
      return loadSalt(); // another replica wrote it first
    }
    return fresh;
  }

  /** A user's id on a channel, hashed with this store's salt; empty for anonymous use. */
  public String hashUser(String channel, String userId) {
    if (userId == null || userId.isEmpty()) {
      return "";
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update((channel + ":" + userId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** A new answer id. */
  public static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Stores a record. */
  public synchronized void save(AnswerRecord r) throws SQLException {
    try (PreparedStatement ins = connection.prepareStatement(
        "INSERT INTO answer_record (id, created_at, channel, user_hash, question, verdict, answer_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ins.setString(1, r.id());
      ins.setString(2, r.createdAt());
      ins.setString(3, r.channel());
      ins.setString(4, r.user());
      ins.setString(5, r.question());
      ins.setString(6, r.verdict());
      ins.setString(7, toJson(r.answer()));
      ins.executeUpdate();
    }
  }

  /**
   * Attaches feedback to a record.
   *
   * @return false when there is no record with that id
   */
  public synchronized boolean addFeedback(String answerId, Feedback f) throws SQLException {
    if (find(answerId).isEmpty()) {
      return false;
    }
    try (PreparedStatement ins = connection.prepareStatement(
        "INSERT INTO answer_feedback (id, answer_id, created_at, helpful, reason, channel, user_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ins.setString(1, newId());
      ins.setString(2, answerId);
      ins.setString(3, f.createdAt());
      ins.setInt(4, f.helpful() ? 1 : 0);
      ins.setString(5, f.reason());
      ins.setString(6, f.channel());
      ins.setString(7, f.user());
      ins.executeUpdate();
    }
    return true;
  }

  /** The record with an id, with its feedback. */
  public synchronized Optional<AnswerRecord> find(String id) throws SQLException {
    try (PreparedStatement q = connection.prepareStatement(
        "SELECT id, created_at, channel, user_hash, question, verdict, answer_json FROM answer_record WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new AnswerRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), fromJson(rs.getString(7)), feedbackOf(id)));
      }
    }
  }

  private List<Feedback> feedbackOf(String id) throws SQLException {
    List<Feedback> out = new ArrayList<>();
    try (PreparedStatement q = connection.prepareStatement(
        "SELECT helpful, reason, channel, user_hash, created_at FROM answer_feedback WHERE answer_id = ?"
            + " ORDER BY created_at, id")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new Feedback(rs.getInt(1) == 1, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
      }
    }
    return out;
  }

  private static String toJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("answer is not JSON", e);
    }
  }

  private static JsonNode fromJson(String text) throws SQLException {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored answer is not JSON", e);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }
}
