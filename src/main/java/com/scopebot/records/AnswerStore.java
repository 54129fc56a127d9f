package com.scopebot.records;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answer records and their feedback, in any JDBC database: an embedded SQLite file by default, PostgreSQL when several
 * replicas share records.
 *
 * <p>The API: {@link #open(StoreSettings)}, {@link #saveAll} (idempotent), {@link #find}, {@link #addFeedback},
 * {@link #gaps}, {@link #purgeOlderThan}, {@link #isUp()} / {@link #check()}, {@link #hashUser}, {@link #newId()},
 * {@link #close()}.
 * Every call takes a connection from a pool (HikariCP) and gives up after the store's timeout; no Java lock is held
 * across a database call, so a slow or hung database delays only the calls that use it.
 *
 * <p>Thread-safe.
 */
public final class AnswerStore implements AutoCloseable {

  /** Most feedback one answer takes; reading a record returns at most this many, so a record stays small. */
  public static final int MAX_FEEDBACK = 200;

  private static final Logger LOG = LoggerFactory.getLogger(AnswerStore.class);

  private final HikariDataSource pool;
  private final StoreSettings settings;
  private final byte[] salt;
  /** What the last check or write found; see {@link #isUp()}. */
  private volatile boolean up = true;
  /** False while the tables could not be created yet (the database was away at start); the check creates them. */
  private volatile boolean migrated = true;
  /** When the running {@link #check()} began ({@link System#nanoTime()}), 0 when none runs. */
  private volatile long checkStarted;

  private AnswerStore(HikariDataSource pool, StoreSettings settings) {
    this.pool = pool;
    this.settings = settings;
    this.salt = settings.userSalt().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Opens a store and creates its tables when missing.
   *
   * @throws SQLException when the database cannot be reached within the timeout (the message says why)
   */
  public static AnswerStore open(StoreSettings settings) throws SQLException {
    if (settings.sqlite()) {
      Path file = Path.of(settings.jdbcUrl().substring("jdbc:sqlite:".length()));
      try {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
      } catch (java.io.IOException e) {
        throw new SQLException("cannot create data folder " + file.getParent() + ": " + e.getMessage(), e);
      }
    }
    HikariDataSource pool = Pools.open(settings);
    try (Connection c = pool.getConnection()) {
      Schema.migrate(c);
    } catch (SQLException e) {
      if (settings.sqlite()) {
        pool.close(); // a file of our own that cannot be opened is a setting to fix, not an outage to wait out
        throw e;
      }
      // a shared database that is away (restarting, say) must not keep replicas from answering: start with the store
      // down; the background check creates the tables once it answers, and records flow from then on
      LOG.warn("the answer store cannot be reached at start ({}): answering without records until it can",
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
      AnswerStore away = new AnswerStore(pool, settings);
      away.up = false;
      away.migrated = false;
      return away;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new AnswerStore(pool, settings);
  }

  /** The embedded store in a data folder, with a given salt (tests; the server reads its settings from Config). */
  public static AnswerStore sqlite(Path dataDir, String userSalt) throws SQLException {
    return open(StoreSettings.embedded(dataDir, 4, 2000, userSalt));
  }

  /** The JDBC URL without credentials (for logs). */
  public String location() {
    return settings.location();
  }

  /** The store's timeout in milliseconds. */
  public int timeoutMillis() {
    return settings.timeoutMillis();
  }

  /**
   * Whether the database answered the last check and took the last write. A check still waiting after the timeout
   * counts as down at once, so a hung database is reported while the check hangs. Never touches the database.
   */
  public boolean isUp() {
    if (!migrated) {
      return false;
    }
    long started = checkStarted;
    if (started != 0 && System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis())) {
      return false;
    }
    return up;
  }

  /**
   * Asks the database {@code SELECT 1} (within the timeout) and remembers the outcome for {@link #isUp()}; for a store
   * that started while its database was away, creates the tables first.
   */
  public boolean check() {
    checkStarted = System.nanoTime() | 1; // never 0, which means "none runs"
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(timeoutSeconds());
      if (!migrated) {
        Schema.migrate(c);
        migrated = true;
        LOG.info("the answer store answers again: tables ready, answers are recorded from now on");
      }
      s.execute("SELECT 1");
      up = true;
    } catch (SQLException e) {
      up = false;
    } finally {
      checkStarted = 0;
    }
    return up;
  }

  /** A connection from the pool; a failure to get one marks the store down. */
  Connection connection() throws SQLException {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      up = false;
      throw e;
    }
  }

  /** True for the embedded SQLite file, which this process alone uses. */
  boolean embedded() {
    return settings.sqlite();
  }

  int timeoutSeconds() {
    return (settings.timeoutMillis() + 999) / 1000;
  }

  /** A user's id on a channel, hashed with the configured salt; empty for anonymous use. */
  public String hashUser(String channel, String userId) {
    if (userId == null || userId.isEmpty()) {
      return "";
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update((channel + ":" + userId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /**
   * A new answer id, 32 hex digits: 48 bits of the time in milliseconds first (as in a UUIDv7, without its version
   * bits), then 80 random bits, unguessable, since an id is all it takes to read a record. An id tells when its record
   * was made, which the record says anyway. Each thread has its own generator: the shared one behind
   * {@code UUID.randomUUID()} is a point of contention under load.
   */
  public static String newId() {
    byte[] bits = new byte[16];
    RANDOM.get().nextBytes(bits);
    // the first 48 bits are the time in milliseconds: ids made one after another sort one after another, so the
    // index of ids grows at its end instead of taking each new id somewhere in its middle (a page written for every
    // record of a commit)
    long now = System.currentTimeMillis();
    for (int i = 0; i < 6; i++) {
      bits[i] = (byte) (now >>> (8 * (5 - i)));
    }
    return HexFormat.of().formatHex(bits);
  }

  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
    try {
      return SecureRandom.getInstance("DRBG"); // own state per instance, unlike NativePRNG's process-wide lock
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  });

  /**
   * Stores records, in one transaction when all of them can be stored. Inserting a record (or an answer's content)
   * that is already stored changes nothing, so a batch may be retried, and replicas may store the same answer at once.
   * When the batch fails on a bad row, each record is stored on its own, so one bad row costs only itself.
   *
   * @return the ids of the records that could not be stored (empty when all were)
   * @throws SQLException when the database cannot be reached or failed the batch for another reason than its rows
   */
  public Set<String> saveAll(List<AnswerRecord> records) throws SQLException {
    if (records.isEmpty()) {
      return Set.of();
    }
    try {
      insert(records);
      return Set.of();
    } catch (SQLException e) {
      if (SqlFailures.lostConnection(e)) {
        // a connection that died with a database restart; the pool drops it, and the retry gets a fresh one
        try {
          insert(records);
          return Set.of();
        } catch (SQLException again) {
          e = again;
        }
      }
      if (!SqlFailures.badRow(e)) {
        up = false;
        throw e;
      }
    }
    Set<String> failed = new LinkedHashSet<>();
    for (AnswerRecord r : records) {
      try {
        insert(List.of(r));
      } catch (SQLException e) {
        if (!SqlFailures.badRow(e)) {
          up = false;
          throw e;
        }
        failed.add(r.id());
      }
    }
    return failed;
  }

  private void insert(List<AnswerRecord> records) throws SQLException {
    try (Connection c = connection()) {
      c.setAutoCommit(false);
      try {
        insertRows(c, records, timeoutSeconds());
        c.commit();
        up = true;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * Inserts records and their contents on a connection, leaving the commit to the caller. A content that records of
   * the batch share goes in once. Contents go in id order: two transactions that hold the same contents (a batch
   * written again after a failure, say) wait for each other's commit instead of locking rows in opposite orders,
   * which PostgreSQL breaks as a deadlock after a second by failing one of them.
   */
  static void insertRows(Connection c, List<AnswerRecord> records, int timeoutSeconds) throws SQLException {
    try (PreparedStatement content = c.prepareStatement(
            "INSERT INTO answer_content (content_id, answer_json) VALUES (?, ?) ON CONFLICT DO NOTHING");
        PreparedStatement ins = c.prepareStatement(
            "INSERT INTO answer_record (id, created_at, channel, user_hash, question, verdict, content_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      content.setQueryTimeout(timeoutSeconds);
      ins.setQueryTimeout(timeoutSeconds);
      Map<String, String> contents = new TreeMap<>();
      records.forEach(r -> contents.putIfAbsent(r.contentId(), r.answer()));
      for (Map.Entry<String, String> e : contents.entrySet()) {
        content.setString(1, e.getKey());
        content.setString(2, e.getValue());
        content.addBatch();
      }
      for (AnswerRecord r : records) {
        ins.setString(1, r.id());
        ins.setString(2, r.createdAt());
        ins.setString(3, r.channel());
        ins.setString(4, r.user());
        ins.setString(5, r.question());
        ins.setString(6, r.verdict());
        ins.setString(7, r.contentId());
        ins.addBatch();
      }
      content.executeBatch();
      ins.executeBatch();
    }
    insertOrigins(c, records, timeoutSeconds);
  }

  /** The origins of the records that have one, in the records' transaction. */
  private static void insertOrigins(Connection c, List<AnswerRecord> records, int timeoutSeconds) throws SQLException {
    if (records.stream().noneMatch(r -> r.origin() != null)) {
      return;
    }
    try (PreparedStatement ins = c.prepareStatement(
        "INSERT INTO answer_origin (answer_id, kind, reference) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      ins.setQueryTimeout(timeoutSeconds);
      for (AnswerRecord r : records) {
        if (r.origin() != null) {
          ins.setString(1, r.id());
          ins.setString(2, r.origin().kind());
          ins.setString(3, r.origin().reference());
          ins.addBatch();
        }
      }
      ins.executeBatch();
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the pool drops it and the transaction with it
    }
  }

  /**
   * Attaches feedback to a record. A named user's later feedback on the same answer replaces their earlier one (a
   * change of mind); beyond {@link #MAX_FEEDBACK} entries an answer takes no more.
   */
  public FeedbackOutcome addFeedback(String answerId, Feedback f) throws SQLException {
    try (Connection c = connection()) {
      return FeedbackTable.add(c, answerId, f, timeoutSeconds());
    }
  }

  /** The record with an id, with (at most {@link #MAX_FEEDBACK} of) its feedback, oldest first, and its origin. */
  public Optional<AnswerRecord> find(String id) throws SQLException {
    try (Connection c = connection();
        PreparedStatement q = c.prepareStatement(
            "SELECT r.id, r.created_at, r.channel, r.user_hash, r.question, r.verdict, c.answer_json, r.content_id,"
                + " o.kind, o.reference FROM answer_record r JOIN answer_content c ON c.content_id = r.content_id"
                + " LEFT JOIN answer_origin o ON o.answer_id = r.id WHERE r.id = ?")) {
      q.setQueryTimeout(timeoutSeconds());
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new AnswerRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), FeedbackTable.of(c, id, timeoutSeconds()),
            rs.getString(8), rs.getString(9) == null ? null : new Origin(rs.getString(9), rs.getString(10))));
      }
    }
  }

  /**
   * Hands over the gaps each source holds for a query (see {@link GapSources}), each source's newest first and at most
   * {@link GapQuery#limit()} of them, in one read-only transaction.
   *
   * @return how many each source handed over
   */
  public Map<GapOutcome, Integer> gaps(GapQuery query, List<GapSource> sources, Consumer<GapEvent> each)
      throws SQLException {
    Map<GapOutcome, Integer> read = new java.util.EnumMap<>(GapOutcome.class);
    try (Connection c = connection()) {
      c.setAutoCommit(false); // so that PostgreSQL's driver fetches rows a batch at a time
      try {
        for (GapSource source : sources) {
          read.merge(source.outcome(), source.read(c, query, timeoutSeconds(), each), Integer::sum);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return read;
  }

  /**
   * Deletes the records created before {@code cutoff}, with their feedback and the answer contents no record points at
   * any more, a small batch per transaction.
   *
   * @return how many records were deleted
   */
  public int purgeOlderThan(Instant cutoff) throws SQLException {
    int total = 0;
    try (Connection c = connection()) {
      int n;
      do {
        n = Purge.batch(c, cutoff.toString());
        total += n;
      } while (n == Purge.BATCH);
    }
    return total;
  }

  /** Closes every connection. */
  @Override
  public void close() {
    pool.close();
  }
}
