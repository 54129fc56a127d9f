package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.records.AnswerStore;
import com.scopebot.records.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the salt of hashed user ids comes from: never the database. */
class UserSaltTest {

  @TempDir Path data;

  private Config config(Map<String, String> more) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("SCOPEBOT_DATA_DIR", data.toString()));
    env.putAll(more);
    return Config.fromEnv(env);
  }

  @Test
  void theSaltFromTheEnvironmentIsUsedAndNoFileIsMade() throws Exception {
    StoreSettings s = ScopeServer.storeSettings(config(Map.of("SCOPEBOT_USER_SALT", "from-env-4f1c")));
    assertEquals("from-env-4f1c", s.userSalt());
    assertFalse(Files.exists(data.resolve("user-salt")));
  }

  @Test
  void theSaltFileNamedInTheEnvironmentIsRead() throws Exception {
    Path file = data.resolve("secret-salt");
    Files.writeString(file, "from-file-9a2b\n");
    StoreSettings s = ScopeServer.storeSettings(config(Map.of("SCOPEBOT_USER_SALT_FILE", file.toString())));
    assertEquals("from-file-9a2b", s.userSalt());
  }

  @Test
  void withoutASaltTheEmbeddedStoreMakesOneOnceOwnerOnly() throws Exception {
    String first = ScopeServer.storeSettings(config(Map.of())).userSalt();
    Path file = data.resolve("user-salt");
    assertTrue(first.matches("[0-9a-f]{64}"), first);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first, ScopeServer.storeSettings(config(Map.of())).userSalt(), "kept across restarts");
  }

  @Test
  void theSameUserHashesAlikeWithOneSaltAndDifferentlyWithAnother() throws Exception {
    try (AnswerStore a = AnswerStore.sqlite(data.resolve("a"), "salt-one");
        AnswerStore again = AnswerStore.sqlite(data.resolve("b"), "salt-one");
        AnswerStore other = AnswerStore.sqlite(data.resolve("c"), "salt-two")) {
      assertEquals(a.hashUser("slack", "U123"), again.hashUser("slack", "U123"));
      assertNotEquals(a.hashUser("slack", "U123"), other.hashUser("slack", "U123"));
    }
  }

  @Test
  void aSharedStoreWithoutASaltIsRefusedSayingWhatToSet() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScopeServer.create(
        config(Map.of("SCOPEBOT_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/scopebot"))));
    assertEquals("SCOPEBOT_JDBC_URL is set but no user-id salt is: set SCOPEBOT_USER_SALT or SCOPEBOT_USER_SALT_FILE"
        + " to the same secret on every replica", e.getMessage());
  }
}
