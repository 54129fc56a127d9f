package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
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
    String log = startLog(config);
    String line = log.lines().filter(l -> l.contains("INFO ScopeServer - configuration: ")).findFirst()
        .orElseThrow(() -> new AssertionError("no configuration in the log:\n" + log));
    assertTrue(line.contains("adminToken=(set)"), line);
    assertTrue(line.contains("dbPassword=(set)"), line);
    assertTrue(line.contains("slackSigningSecret=(unset)"), line);
    assertTrue(line.contains("dataDir=" + data), line);
    assertFalse(log.contains("s3cret"), log);
  }

  @Test
  void logsTheUserAgentTeamsRepliesWithAndTheBotFrameworkSdksVersionInIt() throws Exception {
    Config config = Config.fromEnv(Map.of("SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0",
        "SCOPEBOT_DATA_DIR", data.toString())).withCorpus(Fixtures.fixtureCorpus());
    String log = startLog(config);
    // the SDK's version as its own jar records it (Maven writes this file at its build)
    Properties sdk = new Properties();
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/maven/com.microsoft.bot/bot-connector/pom.properties")) {
      sdk.load(in);
    }
    String line = log.lines().filter(l -> l.contains("INFO TeamsChannel - Teams replies as ")).findFirst()
        .orElseThrow(() -> new AssertionError("no user agent in the log:\n" + log));
    assertTrue(line.contains("Teams replies as BotBuilder/" + sdk.getProperty("version") + " (JVM "), line);
    assertFalse(log.contains("${"), log);
  }

  /** What a server logs while it starts (and stops again). */
  private static String startLog(Config config) throws Exception {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (ScopeServer server = ScopeServer.create(config).start()) {
      // started: everything it logs at start is in
    } finally {
      System.setErr(saved);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
