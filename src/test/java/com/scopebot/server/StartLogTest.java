package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a starting server tells whoever reads its log (slf4j-simple writes to standard error). */
class StartLogTest {

  @TempDir Path data;

  @Test
  void logsItsConfigurationWithSecretsOnlyAsSetOrUnset() throws Exception {
    Config config = Config.fromEnv(Map.of("SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0",
            "SCOPEBOT_DATA_DIR", data.toString(), "SCOPEBOT_ADMIN_TOKEN", "admin-s3cret",
            "SCOPEBOT_DB_PASSWORD", "db-s3cret"))
        .withCorpus(Fixtures.fixtureCorpus());
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (ScopeServer server = ScopeServer.create(config).start()) {
      // started: everything it logs at start is in
    } finally {
      System.setErr(saved);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    String line = log.lines().filter(l -> l.contains("INFO ScopeServer - configuration: ")).findFirst()
        .orElseThrow(() -> new AssertionError("no configuration in the log:\n" + log));
    assertTrue(line.contains("adminToken=(set)"), line);
    assertTrue(line.contains("dbPassword=(set)"), line);
    assertTrue(line.contains("slackSigningSecret=(unset)"), line);
    assertTrue(line.contains("dataDir=" + data), line);
    assertFalse(log.contains("s3cret"), log);
  }
}
