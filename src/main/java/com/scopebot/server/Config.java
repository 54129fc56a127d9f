package com.scopebot.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * The server's settings, from environment variables (an empty value counts as unset).
 *
 * <p>{@link #toString()} never shows a secret, so a Config can be logged.
 *
 * @param host address to listen on ({@code SCOPEBOT_HOST}, default all interfaces)
 * @param port TCP port ({@code SCOPEBOT_PORT}, default 3978; 0 picks a free one)
 * @param corpus corpus folder ({@code SCOPEBOT_CORPUS}), or null for the default: {@code index-data/corpus} when the
 *     working directory has one, else the copy in the jar
 * @param dataDir folder of the embedded answer-record database ({@code SCOPEBOT_DATA_DIR})
 * @param jdbcUrl answer-record database instead of the embedded one ({@code SCOPEBOT_JDBC_URL}), or null
 * @param dbUser database user ({@code SCOPEBOT_DB_USER}), or null
 * @param dbPassword database password ({@code SCOPEBOT_DB_PASSWORD}), or null; secret
 * @param adminToken bearer token for {@code POST /admin/reindex} ({@code SCOPEBOT_ADMIN_TOKEN}); null disables it; secret
 * @param slackSigningSecret {@code SLACK_SIGNING_SECRET}, or null; secret
 * @param slackBotToken {@code SLACK_BOT_TOKEN}, or null; secret
 * @param microsoftAppId {@code MICROSOFT_APP_ID}, or null (Teams emulator mode)
 * @param microsoftAppPassword {@code MICROSOFT_APP_PASSWORD}, or null; secret
 * @param microsoftTenantId {@code MICROSOFT_APP_TENANT_ID}, or null
 * @param slackApiUrl Slack's Web API base ({@code SCOPEBOT_SLACK_API_URL}, default {@code https://slack.com/api/}); a
 *     proxy, or a fake in tests
 * @param escalation where to ask a person when the documents don't say ({@code SCOPEBOT_ESCALATION}: a channel, a URL
 *     or an e-mail address), or null
 * @param publicUrl the bot's public address ({@code SCOPEBOT_PUBLIC_URL}, e.g. {@code https://scopebot.example.com}), for
 *     links people open from Slack and Teams (the dispute view); null when unknown: no such links
 * @param httpThreads most threads serving requests ({@code SCOPEBOT_HTTP_THREADS}); answering is CPU-bound and
 *     quick, so a few threads per core serve more, and more evenly, than hundreds (see docs/performance.md, HTTP)
 * @param dbPoolSize most connections to the answer-record database ({@code SCOPEBOT_DB_POOL_SIZE}, default 4)
 * @param dbTimeoutMillis connect, socket and statement timeout for the answer-record database
 *     ({@code SCOPEBOT_DB_TIMEOUT_MS}, default 2000): a hung database costs a request at most this long
 * @param recordWaitMillis how long an answer waits for its record's commit before it is given as not recorded
 *     ({@code SCOPEBOT_RECORD_WAIT_MS}, default 1000)
 * @param retentionDays answer records older than this many days are purged ({@code SCOPEBOT_RETENTION_DAYS}, default
 *     365; 0 keeps them forever)
 * @param userSalt salt of the hashed user ids ({@code SCOPEBOT_USER_SALT}, or the contents of the file named by
 *     {@code SCOPEBOT_USER_SALT_FILE}), or null: then a random one is kept in {@code user-salt} in the data folder;
 *     secret
 * @param maxCorpusBytes a corpus larger than this in total is refused by reindex ({@code SCOPEBOT_MAX_CORPUS_MB});
 *     {@link Long#MAX_VALUE} when unset, leaving the limit to the heap (see {@link CorpusLimit})
 * @param bodyTimeoutMillis most time a client may take to send a request body ({@code SCOPEBOT_BODY_TIMEOUT_MS},
 *     default 5000)
 * @param maxConnections most connections open at once on the main port ({@code SCOPEBOT_MAX_CONNECTIONS}, default
 *     half the process's file-descriptor limit, at most 10,000); beyond it, connections wait to be accepted and idle
 *     ones are closed sooner
 * @param managementPort a second port that serves health and metrics with connections of its own
 *     ({@code SCOPEBOT_MANAGEMENT_PORT}; 0 picks a free one), so probes are answered while the main port is flooded;
 *     -1 (unset) for none
 * @param notifyChanged whether a conversation is told when a new revision changes an answer given in it
 *     ({@code SCOPEBOT_NOTIFY_CHANGED}, default false)
 * @param reanswerCap most stored answers answered again after one new corpus ({@code SCOPEBOT_REANSWER_MAX}, default
 *     2000); the others a revision changed are counted and left as they are
 * @param expertsChannel the Slack channel id questions are handed to for a FastTrack expert
 *     ({@code SCOPEBOT_EXPERTS_CHANNEL}, e.g. {@code C0123456789}), or null: no "Ask a FastTrack expert"
 */
public record Config(
    String host,
    int port,
    Path corpus,
    Path dataDir,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    String adminToken,
    String slackSigningSecret,
    String slackBotToken,
    String microsoftAppId,
    String microsoftAppPassword,
    String microsoftTenantId,
    String slackApiUrl,
    int httpThreads,
    String escalation,
    String publicUrl,
    int dbPoolSize,
    int dbTimeoutMillis,
    int recordWaitMillis,
    int retentionDays,
    String userSalt,
    long maxCorpusBytes,
    int bodyTimeoutMillis,
    int maxConnections,
    int managementPort,
    boolean notifyChanged,
    int reanswerCap,
    String expertsChannel) {

  public static final int DEFAULT_PORT = 3978;

  public Config {
    if (publicUrl != null && !publicUrl.matches("https?://[^\\s]+")) {
      throw new IllegalArgumentException("SCOPEBOT_PUBLIC_URL must be an http(s) address, got " + publicUrl);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, got " + port);
    }
    if (httpThreads < 8) {
      throw new IllegalArgumentException("httpThreads must be at least 8 (Jetty's acceptors and selectors need some), got "
          + httpThreads);
    }
    positive("SCOPEBOT_DB_POOL_SIZE", dbPoolSize);
    positive("SCOPEBOT_DB_TIMEOUT_MS", dbTimeoutMillis);
    positive("SCOPEBOT_RECORD_WAIT_MS", recordWaitMillis);
    positive("SCOPEBOT_MAX_CORPUS_MB", maxCorpusBytes);
    positive("SCOPEBOT_BODY_TIMEOUT_MS", bodyTimeoutMillis);
    positive("SCOPEBOT_MAX_CONNECTIONS", maxConnections);
    positive("SCOPEBOT_REANSWER_MAX", reanswerCap);
    if (managementPort < -1 || managementPort > 65535) {
      throw new IllegalArgumentException("SCOPEBOT_MANAGEMENT_PORT must be within 0..65535, got " + managementPort);
    }
    if (expertsChannel != null && !expertsChannel.matches("[CG][A-Z0-9]{2,30}")) {
      throw new IllegalArgumentException("SCOPEBOT_EXPERTS_CHANNEL must be a Slack channel id (C… or G…), got "
          + expertsChannel);
    }
    if (retentionDays < 0) {
      throw new IllegalArgumentException("SCOPEBOT_RETENTION_DAYS must be 0 (keep forever) or more, got " + retentionDays);
    }
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Six threads a core, and never fewer than twelve. */
  static int defaultHttpThreads() {
    return Math.max(12, 6 * Runtime.getRuntime().availableProcessors());
  }

  /** Reads the settings from an environment. */
  public static Config fromEnv(Map<String, String> env) {
    int p = number(env, "SCOPEBOT_PORT", DEFAULT_PORT);
    int threads = number(env, "SCOPEBOT_HTTP_THREADS", defaultHttpThreads());
    String slackApi = value(env, "SCOPEBOT_SLACK_API_URL");
    String corpus = value(env, "SCOPEBOT_CORPUS");
    String data = value(env, "SCOPEBOT_DATA_DIR");
    String host = value(env, "SCOPEBOT_HOST");
    return new Config(host == null ? "0.0.0.0" : host, p,
        corpus == null ? null : Path.of(corpus), Path.of(data == null ? "data" : data),
        value(env, "SCOPEBOT_JDBC_URL"), value(env, "SCOPEBOT_DB_USER"), value(env, "SCOPEBOT_DB_PASSWORD"),
        value(env, "SCOPEBOT_ADMIN_TOKEN"), value(env, "SLACK_SIGNING_SECRET"), value(env, "SLACK_BOT_TOKEN"),
        value(env, "MICROSOFT_APP_ID"), value(env, "MICROSOFT_APP_PASSWORD"), value(env, "MICROSOFT_APP_TENANT_ID"),
        slackApi == null ? "https://slack.com/api/" : slackApi, threads, value(env, "SCOPEBOT_ESCALATION"),
        value(env, "SCOPEBOT_PUBLIC_URL"), number(env, "SCOPEBOT_DB_POOL_SIZE", 4),
        number(env, "SCOPEBOT_DB_TIMEOUT_MS", 2000), number(env, "SCOPEBOT_RECORD_WAIT_MS", 1000),
        number(env, "SCOPEBOT_RETENTION_DAYS", 365), userSalt(env),
        value(env, "SCOPEBOT_MAX_CORPUS_MB") == null ? Long.MAX_VALUE
            : number(env, "SCOPEBOT_MAX_CORPUS_MB", 0) * 1024L * 1024L,
        number(env, "SCOPEBOT_BODY_TIMEOUT_MS", 5000),
        number(env, "SCOPEBOT_MAX_CONNECTIONS", defaultMaxConnections()), number(env, "SCOPEBOT_MANAGEMENT_PORT", -1),
        flag(env, "SCOPEBOT_NOTIFY_CHANGED"), number(env, "SCOPEBOT_REANSWER_MAX", 2000),
        value(env, "SCOPEBOT_EXPERTS_CHANNEL") == null ? null : value(env, "SCOPEBOT_EXPERTS_CHANNEL").strip());
  }

  /**
   * Half the file descriptors the process may open (the rest are for the corpus, the database, logs and the
   * management port), at most 10,000 and at least 64.
   */
  static int defaultMaxConnections() {
    long fds = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : 20_000;
    return (int) Math.max(64, Math.min(10_000, fds / 2));
  }

  /** The salt from {@code SCOPEBOT_USER_SALT}, else from the file {@code SCOPEBOT_USER_SALT_FILE} names, else null. */
  private static String userSalt(Map<String, String> env) {
    String salt = value(env, "SCOPEBOT_USER_SALT");
    String file = value(env, "SCOPEBOT_USER_SALT_FILE");
    if (salt != null || file == null) {
      return salt;
    }
    try {
      String read = java.nio.file.Files.readString(Path.of(file)).strip();
      if (read.isEmpty()) {
        throw new IllegalArgumentException("SCOPEBOT_USER_SALT_FILE " + file + " is empty");
      }
      return read;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("SCOPEBOT_USER_SALT_FILE " + file + " cannot be read: " + e.getMessage());
    }
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String v = value(env, name);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got " + v);
    }
  }

  /** true or false (any case); unset is false. */
  private static boolean flag(Map<String, String> env, String name) {
    String v = value(env, name);
    if (v == null || v.strip().equalsIgnoreCase("false")) {
      return false;
    }
    if (v.strip().equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException(name + " must be true or false, got " + v);
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  public Config withPort(int newPort) {
    return new Config(host, newPort, corpus, dataDir, jdbcUrl, dbUser, dbPassword, adminToken, slackSigningSecret,
        slackBotToken, microsoftAppId, microsoftAppPassword, microsoftTenantId, slackApiUrl, httpThreads, escalation,
        publicUrl, dbPoolSize, dbTimeoutMillis, recordWaitMillis, retentionDays, userSalt, maxCorpusBytes,
        bodyTimeoutMillis, maxConnections, managementPort, notifyChanged, reanswerCap, expertsChannel);
  }

  public Config withCorpus(Path newCorpus) {
    return new Config(host, port, newCorpus, dataDir, jdbcUrl, dbUser, dbPassword, adminToken, slackSigningSecret,
        slackBotToken, microsoftAppId, microsoftAppPassword, microsoftTenantId, slackApiUrl, httpThreads, escalation,
        publicUrl, dbPoolSize, dbTimeoutMillis, recordWaitMillis, retentionDays, userSalt, maxCorpusBytes,
        bodyTimeoutMillis, maxConnections, managementPort, notifyChanged, reanswerCap, expertsChannel);
  }

  public Config withHost(String newHost) {
    return new Config(newHost, port, corpus, dataDir, jdbcUrl, dbUser, dbPassword, adminToken, slackSigningSecret,
        slackBotToken, microsoftAppId, microsoftAppPassword, microsoftTenantId, slackApiUrl, httpThreads, escalation,
        publicUrl, dbPoolSize, dbTimeoutMillis, recordWaitMillis, retentionDays, userSalt, maxCorpusBytes,
        bodyTimeoutMillis, maxConnections, managementPort, notifyChanged, reanswerCap, expertsChannel);
  }

  /** Every setting, each secret shown only as {@code (set)} or {@code (unset)}: what the server logs at start. */
  @Override
  public String toString() {
    return "Config[host=" + host + ", port=" + port + ", corpus=" + (corpus == null ? "(default)" : corpus)
        + ", dataDir=" + dataDir
        + ", jdbcUrl=" + (jdbcUrl == null ? "(embedded SQLite)" : jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=***"))
        + ", dbUser=" + shown(dbUser) + ", dbPassword=" + set(dbPassword)
        + ", adminToken=" + set(adminToken)
        + ", slackSigningSecret=" + set(slackSigningSecret) + ", slackBotToken=" + set(slackBotToken)
        + ", slackApiUrl=" + slackApiUrl
        + ", microsoftAppId=" + shown(microsoftAppId) + ", microsoftAppPassword=" + set(microsoftAppPassword)
        + ", microsoftTenantId=" + shown(microsoftTenantId) + ", httpThreads=" + httpThreads
        + ", escalation=" + shown(escalation) + ", publicUrl=" + shown(publicUrl)
        + ", dbPoolSize=" + dbPoolSize + ", dbTimeoutMillis=" + dbTimeoutMillis + ", recordWaitMillis=" + recordWaitMillis
        + ", retentionDays=" + retentionDays + ", userSalt=" + set(userSalt) + ", maxCorpusBytes=" + maxCorpusBytes
        + ", bodyTimeoutMillis=" + bodyTimeoutMillis + ", maxConnections=" + maxConnections
        + ", managementPort=" + (managementPort < 0 ? "(none)" : managementPort)
        + ", notifyChanged=" + notifyChanged + ", reanswerCap=" + reanswerCap + ", expertsChannel=" + shown(expertsChannel) + "]";
  }

  private static String shown(String value) {
    return value == null ? "(unset)" : value;
  }

  private static String set(String secret) {
    return secret == null ? "(unset)" : "(set)";
  }
}
