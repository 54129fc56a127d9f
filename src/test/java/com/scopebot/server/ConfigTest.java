package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void readsDefaultsFromAnEmptyEnvironment() {
    Config c = Config.fromEnv(Map.of());
    assertEquals(3978, c.port());
    assertEquals("0.0.0.0", c.host());
    assertNull(c.corpus(), "unset: the server takes index-data/corpus, else the copy in the jar");
    assertEquals(Path.of("data"), c.dataDir());
    assertNull(c.adminToken());
    assertNull(c.slackSigningSecret());
    assertTrue(c.httpThreads() >= 12);
  }

  @Test
  void countsAnEmptyValueAsUnset() {
    Config c = Config.fromEnv(Map.of("SCOPEBOT_ADMIN_TOKEN", "", "SLACK_BOT_TOKEN", "  ", "SCOPEBOT_PORT", ""));
    assertNull(c.adminToken(), "an empty token must disable reindex, never match an empty bearer");
    assertNull(c.slackBotToken());
    assertEquals(3978, c.port());
  }

  @Test
  void takesTheExpertsChannelAsASlackChannelIdOnly() {
    assertEquals("C0123ABCD", Config.fromEnv(Map.of("SCOPEBOT_EXPERTS_CHANNEL", " C0123ABCD ")).expertsChannel());
    assertNull(Config.fromEnv(Map.of("SCOPEBOT_EXPERTS_CHANNEL", "")).expertsChannel(), "unset: no hand-off");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("SCOPEBOT_EXPERTS_CHANNEL", "#fasttrack-experts")));
    assertEquals("SCOPEBOT_EXPERTS_CHANNEL must be a Slack channel id (C… or G…), got #fasttrack-experts",
        e.getMessage());
  }

  @Test
  void neverShowsASecret() {
    Config c = Config.fromEnv(Map.of("SCOPEBOT_ADMIN_TOKEN", "admin-s3cret", "SLACK_SIGNING_SECRET", "slack-s3cret",
        "SLACK_BOT_TOKEN", "xoxb-s3cret", "MICROSOFT_APP_PASSWORD", "ms-s3cret", "SCOPEBOT_DB_PASSWORD", "db-s3cret",
        "SCOPEBOT_JDBC_URL", "jdbc:postgresql://db/scopebot?user=u&password=url-s3cret"));
    String shown = c.toString();
    assertFalse(shown.contains("s3cret"), shown);
    assertTrue(shown.contains("adminToken=(set)"), shown);
  }

  @Test
  void namesEverySettingAndSaysWhetherEachSecretIsSet() {
    Config c = Config.fromEnv(Map.of("SCOPEBOT_ADMIN_TOKEN", "admin-s3cret", "SCOPEBOT_DB_USER", "scopebot",
        "MICROSOFT_APP_ID", "00000000-0000-0000-0000-000000000001", "MICROSOFT_APP_TENANT_ID", "contoso"));
    String shown = c.toString();
    for (String setting : List.of("host=0.0.0.0", "port=3978", "corpus=(default)", "dataDir=data",
        "jdbcUrl=(embedded SQLite)", "dbUser=scopebot", "dbPassword=(unset)", "adminToken=(set)",
        "slackSigningSecret=(unset)", "slackBotToken=(unset)", "slackApiUrl=https://slack.com/api/",
        "microsoftAppId=00000000-0000-0000-0000-000000000001", "microsoftAppPassword=(unset)",
        "microsoftTenantId=contoso", "httpThreads=")) {
      assertTrue(shown.contains(setting), setting + " missing from " + shown);
    }
  }

  @Test
  void readsWhereToAskAPerson() {
    assertEquals("#fasttrack-scope", Config.fromEnv(Map.of("SCOPEBOT_ESCALATION", "#fasttrack-scope")).escalation());
    assertEquals(null, Config.fromEnv(Map.of("SCOPEBOT_ESCALATION", " ")).escalation());
    assertTrue(Config.fromEnv(Map.of("SCOPEBOT_ESCALATION", "scope@example.com")).toString()
        .contains("escalation=scope@example.com"));
  }

  @Test
  void readsThePublicAddressAndRefusesOneThatIsNotAWebAddress() {
    assertEquals("https://scopebot.example.com",
        Config.fromEnv(Map.of("SCOPEBOT_PUBLIC_URL", "https://scopebot.example.com")).publicUrl());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("SCOPEBOT_PUBLIC_URL", "scopebot.example.com")));
    assertTrue(e.getMessage().contains("scopebot.example.com"), e.getMessage());
  }

  @Test
  void rejectsANonNumericPortWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("SCOPEBOT_PORT", "http")));
    assertEquals("SCOPEBOT_PORT must be a number, got http", e.getMessage());
  }

  @Test
  void readsWhetherToTellConversationsOfChangedAnswersAndRefusesAnythingButTrueOrFalse() {
    assertTrue(Config.fromEnv(Map.of("SCOPEBOT_NOTIFY_CHANGED", "TRUE")).notifyChanged());
    assertFalse(Config.fromEnv(Map.of()).notifyChanged());
    assertEquals(2000, Config.fromEnv(Map.of()).reanswerCap());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnv(Map.of("SCOPEBOT_NOTIFY_CHANGED", "yes")));
    assertEquals("SCOPEBOT_NOTIFY_CHANGED must be true or false, got yes", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Config.fromEnv(Map.of("SCOPEBOT_REANSWER_MAX", "0")));
  }
}
