package com.scopebot.server;

import com.scopebot.Fixtures;
import com.scopebot.records.AnswerStore;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.ScopeMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real server on loopback, port 0, over the fixture corpus and a fresh data folder. */
public final class TestServer implements AutoCloseable {

  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  private final ScopeServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(ScopeServer server) {
    this.server = server;
  }

  public static TestServer start(Path dataDir) throws Exception {
    return start(dataDir, Fixtures.fixtureCorpus());
  }

  public static TestServer start(Path dataDir, Path corpus) throws Exception {
    return start(dataDir, corpus, "127.0.0.1");
  }

  /** A server listening on a given address (0.0.0.0 lets a test call it from another interface of this machine). */
  public static TestServer start(Path dataDir, Path corpus, String host) throws Exception {
    return start(dataDir, corpus, Map.of("SCOPEBOT_HOST", host));
  }

  /** A server on the fixture corpus with more settings ({@code SCOPEBOT_JDBC_URL}, {@code SCOPEBOT_RECORD_WAIT_MS}, ...). */
  public static TestServer start(Path dataDir, Map<String, String> settings) throws Exception {
    return start(dataDir, Fixtures.fixtureCorpus(), settings);
  }

  /** A server with more settings (they win over the defaults here). */
  public static TestServer start(Path dataDir, Path corpus, Map<String, String> settings) throws Exception {
    return new TestServer(ScopeServer.create(config(dataDir, corpus, settings)).start());
  }

  /** A server whose index is built by a given builder: a build that fails or waits. */
  public static TestServer start(Path dataDir, Path corpus, LiveIndex.Builder builder) throws Exception {
    Config config = config(dataDir, corpus, Map.of());
    return new TestServer(ScopeServer.create(config, new LiveIndex(corpus, null, builder),
        AnswerStore.open(ScopeServer.storeSettings(config)), new ScopeMetrics()).start());
  }

  private static Config config(Path dataDir, Path corpus, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SCOPEBOT_HOST", "127.0.0.1",
        "SCOPEBOT_PORT", "0",
        "SCOPEBOT_DATA_DIR", dataDir.toString(),
        "SCOPEBOT_ADMIN_TOKEN", ADMIN_TOKEN));
    env.putAll(settings);
    return Config.fromEnv(env).withCorpus(corpus);
  }

  /** {@code POST /admin/reindex} with the admin token. */
  public HttpResponse<String> reindex() throws IOException, InterruptedException {
    return post("/admin/reindex", null, "", "Authorization", "Bearer " + ADMIN_TOKEN);
  }

  public ScopeServer server() {
    return server;
  }

  public URI uri(String path) {
    return server.uri().resolve(path);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return post(path, "application/json", json);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
