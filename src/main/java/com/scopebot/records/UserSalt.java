package com.scopebot.records;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where the salt of hashed user ids comes from. A configured one wins; an embedded store without one gets a random
 * salt, made once and kept in {@code <dataDir>/user-salt} (owner-only). Replicas must share one salt to hash the same
 * user alike, and none of them may make it up, so a shared store without a configured salt is refused.
 *
 * <p>The salt lives outside the database: a copy of the records alone cannot be used to test guessed user ids.
 */
public final class UserSalt {

  static final String FILE = "user-salt";

  private UserSalt() {}

  /** The configured salt, else the embedded store's file (made on first use). */
  public static String forEmbedded(String configured, Path dataDir) throws IOException {
    if (configured != null) {
      return configured;
    }
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      byte[] bits = new byte[32];
      new SecureRandom().nextBytes(bits);
      Files.createDirectories(dataDir);
      try {
        // created owner-only from the start, so there is no moment when others may read it
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, HexFormat.of().formatHex(bits) + "\n");
      } catch (FileAlreadyExistsException raced) {
        // another process made it first: use theirs
      } catch (UnsupportedOperationException notPosix) {
        Files.writeString(file, HexFormat.of().formatHex(bits) + "\n");
      }
    }
    String salt = Files.readString(file).strip();
    if (salt.isEmpty()) {
      throw new IOException(file + " is empty: delete it to make a new salt (users hashed before then will hash"
          + " differently), or set SCOPEBOT_USER_SALT");
    }
    return salt;
  }

  /** The configured salt of a shared store; refused when there is none. */
  public static String forShared(String configured) {
    if (configured == null) {
      throw new IllegalStateException("SCOPEBOT_JDBC_URL is set but no user-id salt is: set SCOPEBOT_USER_SALT or"
          + " SCOPEBOT_USER_SALT_FILE to the same secret on every replica");
    }
    return configured;
  }
}
