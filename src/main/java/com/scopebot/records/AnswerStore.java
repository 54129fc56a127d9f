package com.scopebot.records;

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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Answer records and their feedback, in any JDBC database: an embedded SQLite file by default, PostgreSQL when several
 * replicas share records. The schema uses only types both understand.
 *
 * <p>Thread-safe: one connection, used under this object's lock (SQLite allows one writer at a time anyway).
 */
public final class AnswerStore implements AutoCloseable {

  /** Content ids known to be stored (bounded), so a popular answer's JSON is not sent to the database again. */
  private final Set<String> storedContent = new HashSet<>();
  private static final int MAX_KNOWN_CONTENT = 10_000;

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
      // an answer's JSON is stored once however many times it was given; records point at it by its SHA-256
      s.execute("CREATE TABLE IF NOT EXISTS answer_content (content_id VARCHAR(64) PRIMARY KEY, answer_json TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS answer_record (id VARCHAR(64) PRIMARY KEY, created_at VARCHAR(40) NOT NULL,"
          + " channel VARCHAR(16) NOT NULL, user_hash VARCHAR(64) NOT NULL, question TEXT NOT NULL,"
          + " verdict VARCHAR(16) NOT NULL, content_id VARCHAR(64) NOT NULL)");
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

  /**
   * A new answer id: 128 random bits, unguessable, since an id is all it takes to read a record. Each thread has its
   * own generator: the shared one behind {@code UUID.randomUUID()} is a point of contention under load.
   */
  public static String newId() {
    byte[] bits = new byte[16];
    RANDOM.get().nextBytes(bits);
    return HexFormat.of().formatHex(bits);
  }

  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
    try {
      return SecureRandom.getInstance("DRBG"); // own state per instance, unlike NativePRNG's process-wide lock
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  });

  /** Stores a record. */
  public void save(AnswerRecord r) throws SQLException {
    saveAll(List.of(r));
  }

  /** Stores records in one transaction: all or none. */
  public synchronized void saveAll(List<AnswerRecord> records) throws SQLException {
    boolean auto = connection.getAutoCommit();
    connection.setAutoCommit(false);
    List<String> added = new ArrayList<>();
    try (PreparedStatement content = connection.prepareStatement(
            // portable "insert unless present" (SQLite and PostgreSQL alike)
            "INSERT INTO answer_content (content_id, answer_json) SELECT ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM answer_content WHERE content_id = ?)");
        PreparedStatement ins = connection.prepareStatement(
            "INSERT INTO answer_record (id, created_at, channel, user_hash, question, verdict, content_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (AnswerRecord r : records) {
        if (!storedContent.contains(r.contentId()) && !added.contains(r.contentId())) {
          content.setString(1, r.contentId());
          content.setString(2, r.answer());
          content.setString(3, r.contentId());
          content.executeUpdate();
          added.add(r.contentId());
        }
        ins.setString(1, r.id());
        ins.setString(2, r.createdAt());
        ins.setString(3, r.channel());
        ins.setString(4, r.user());
        ins.setString(5, r.question());
        ins.setString(6, r.verdict());
        ins.setString(7, r.contentId());
        ins.addBatch();
      }
      ins.executeBatch();
      connection.commit();
      if (storedContent.size() + added.size() > MAX_KNOWN_CONTENT) {
        storedContent.clear();
      }
      storedContent.addAll(added);
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(auto);
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
        "SELECT r.id, r.created_at, r.channel, r.user_hash, r.question, r.verdict, c.answer_json, r.content_id"
            + " FROM answer_record r JOIN answer_content c ON c.content_id = r.content_id WHERE r.id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new AnswerRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), feedbackOf(id), rs.getString(8)));
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

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }
}
