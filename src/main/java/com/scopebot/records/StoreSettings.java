package com.scopebot.records;

import java.nio.file.Path;

/**
 * How to reach the answer store.
 *
 * @param jdbcUrl {@code jdbc:sqlite:...} (the embedded default) or {@code jdbc:postgresql://...} (shared by replicas)
 * @param user database user, or null
 * @param password database password, or null; secret, never shown by {@link #toString()}
 * @param poolSize most connections held open at once
 * @param timeoutMillis connect, socket and statement timeout, and the longest wait for a free connection: a hung
 *     database costs a caller at most about this long
 * @param userSalt salt of the hashed user ids (see {@link UserSalt}); secret
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize, int timeoutMillis,
    String userSalt) {

  public StoreSettings {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("the answer store needs a JDBC URL (jdbc:sqlite:… or jdbc:postgresql://…), got "
          + jdbcUrl);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be positive, got " + poolSize);
    }
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("timeoutMillis must be positive, got " + timeoutMillis);
    }
    if (userSalt == null || userSalt.isEmpty()) {
      throw new IllegalArgumentException("userSalt must not be empty");
    }
  }

  /** The embedded store: {@code answers.db} (SQLite) in a data folder. */
  public static StoreSettings embedded(Path dataDir, int poolSize, int timeoutMillis, String userSalt) {
    return new StoreSettings("jdbc:sqlite:" + dataDir.resolve("answers.db"), null, null, poolSize, timeoutMillis,
        userSalt);
  }

  boolean sqlite() {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }

  /** The URL without credentials, for logs. */
  public String location() {
    return jdbcUrl.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
  }

  @Override
  public String toString() {
    return "StoreSettings[" + location() + ", user=" + (user == null ? "(unset)" : user) + ", password="
        + (password == null ? "(unset)" : "(set)") + ", poolSize=" + poolSize + ", timeoutMillis=" + timeoutMillis
        + ", userSalt=(set)]";
  }
}
