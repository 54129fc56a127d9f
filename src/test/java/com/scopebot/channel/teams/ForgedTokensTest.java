package com.scopebot.channel.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.Fixtures;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with an app id while Microsoft's OpenID endpoint (a fake on loopback) takes 10 s to answer: forged tokens
 * naming made-up signing keys are refused within the fetch deadline, cost Microsoft one fetch, and leave the server
 * answering {@code /healthz}; once Microsoft answers again, real tokens are accepted.
 */
class ForgedTokensTest {

  private static final String APP_ID = "3c1f9e0a-5d7b-4c1e-9a2f-0123456789ab";
  private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";
  private static final Duration MICROSOFT_DELAY = Duration.ofSeconds(10);
  /** The figure: the fetch deadline (2.5 s) and a margin. */
  private static final long REFUSED_WITHIN_MILLIS = 3500;
  private static final long HEALTH_WITHIN_MILLIS = 100;
  private static final int FLOOD = 50;

  @TempDir Path data;
  private FakeOpenId openId;
  private ScopeServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    openId = FakeOpenId.install();
    openId.delay(MICROSOFT_DELAY);
    Config config = Config.fromEnv(Map.of("SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0",
            "SCOPEBOT_DATA_DIR", data.toString(), "MICROSOFT_APP_ID", APP_ID,
            "MICROSOFT_APP_PASSWORD", "not-used-offline"))
        .withCorpus(Fixtures.fixtureCorpus());
    server = ScopeServer.create(config).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    openId.close();
  }

  private HttpRequest question(String token) {
    ObjectNode ask = TeamsFixtures.message("Who is responsible for SSL certificates?", SERVICE_URL);
    ask.put("deliveryMode", "expectReplies"); // the answer comes back in the response: no connector needed
    return HttpRequest.newBuilder(server.uri().resolve("/api/messages")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(ask.toString())).build();
  }

  /** Status and time taken of each request, all sent at once. */
  private List<long[]> sendAtOnce(List<HttpRequest> requests) {
    List<CompletableFuture<long[]>> sent = new ArrayList<>();
    for (HttpRequest r : requests) {
      long start = System.nanoTime();
      sent.add(client.sendAsync(r, HttpResponse.BodyHandlers.discarding())
          .thenApply(resp -> new long[] {resp.statusCode(), (System.nanoTime() - start) / 1_000_000}));
    }
    return sent.stream().map(CompletableFuture::join).toList();
  }

  /** Polls {@code /healthz} on its own connection until stopped; the slowest answer, or MAX_VALUE on a failure. */
  private CompletableFuture<Long> watchHealth(AtomicBoolean stop, AtomicLong probes) {
    HttpClient own = HttpClient.newHttpClient();
    URI health = server.uri().resolve("/healthz");
    return CompletableFuture.supplyAsync(() -> {
      long slowest = 0;
      while (!stop.get()) {
        long start = System.nanoTime();
        try {
          int status = own.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode();
          slowest = Math.max(slowest, status == 200 ? (System.nanoTime() - start) / 1_000_000 : Long.MAX_VALUE);
          probes.incrementAndGet();
          Thread.sleep(20);
        } catch (Exception e) {
          return Long.MAX_VALUE;
        }
      }
      return slowest;
    });
  }

  /**
   * The first requests of a fresh JVM are slow for reasons of their own (class loading, compiling): the health path
   * and the token checks run a few times first, with tokens from another issuer, which never cause a fetch.
   */
  private void warmUp() throws Exception {
    String notBotFramework =
        FakeOpenId.token(FakeOpenId.newKeyPair(), "k", "https://example.invalid", APP_ID, SERVICE_URL);
    for (int i = 0; i < 20; i++) {
      client.send(HttpRequest.newBuilder(server.uri().resolve("/healthz")).build(),
          HttpResponse.BodyHandlers.discarding());
      assertEquals(401, client.send(question(notBotFramework), HttpResponse.BodyHandlers.discarding()).statusCode());
    }
    assertEquals(0, openId.metadataFetches());
  }

  @Test
  void refusesAFloodOfForgedTokensWithinTheDeadlineAndOneFetchWhileHealthStaysFast() throws Exception {
    KeyPair forger = FakeOpenId.newKeyPair();
    List<HttpRequest> flood = new ArrayList<>();
    for (int i = 0; i < FLOOD; i++) {
      flood.add(question(FakeOpenId.token(forger, UUID.randomUUID().toString(), APP_ID, SERVICE_URL)));
    }
    warmUp();

    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong probes = new AtomicLong();
    CompletableFuture<Long> slowestHealth = watchHealth(stop, probes);
    List<long[]> answers = sendAtOnce(flood);
    // a second flood right after: the failed fetch is not retried for it
    List<long[]> again = sendAtOnce(flood);
    stop.set(true);

    long slowest = 0;
    for (long[] a : answers) {
      assertEquals(401, a[0]);
      slowest = Math.max(slowest, a[1]);
    }
    assertTrue(slowest <= REFUSED_WITHIN_MILLIS, "slowest refusal took " + slowest + " ms");
    long slowestAgain = 0;
    for (long[] a : again) {
      assertEquals(401, a[0]);
      slowestAgain = Math.max(slowestAgain, a[1]);
    }
    assertTrue(slowestAgain <= 1000, "slowest refusal of the second flood took " + slowestAgain + " ms");
    assertTrue(openId.metadataFetches() <= 2, openId.metadataFetches() + " fetches for " + 2 * FLOOD + " tokens");
    assertEquals(0, openId.keyFetches(), "the key set is never reached while the metadata hangs");
    long health = slowestHealth.get();
    assertTrue(probes.get() >= 10, "only " + probes.get() + " health probes ran");
    assertTrue(health < HEALTH_WITHIN_MILLIS, "/healthz took " + health + " ms during the flood");
    System.out.printf("forged flood: slowest 401 %d ms (second flood %d ms), %d metadata fetches, "
        + "slowest /healthz %d ms over %d probes%n", slowest, slowestAgain, openId.metadataFetches(), health,
        probes.get());
  }

  @Test
  void acceptsARealTokenOnceMicrosoftAnswersAgain() throws Exception {
    warmUp();
    String real = FakeOpenId.token(openId.trusted(), FakeOpenId.KEY_ID, APP_ID, SERVICE_URL);
    long start = System.nanoTime();
    HttpResponse<String> whileSlow = client.send(question(real), HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(401, whileSlow.statusCode(), "no keys can be had while Microsoft hangs");
    assertTrue(millis <= REFUSED_WITHIN_MILLIS, "took " + millis + " ms");

    openId.delay(Duration.ZERO);
    long recovered = System.nanoTime();
    int status = 0;
    while (status != 200 && System.nanoTime() - recovered < Duration.ofSeconds(20).toNanos()) {
      Thread.sleep(250);
      status = client.send(question(real), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
    long after = (System.nanoTime() - recovered) / 1_000_000;
    assertEquals(200, status, "a real token after Microsoft recovered");
    // the pause after a failed fetch is 5 s (requests in it are refused without asking Microsoft again); the rest is
    // the first answer of a fresh JVM on a loaded machine
    assertTrue(after <= 10_000, "accepted " + after + " ms after Microsoft recovered");
    assertEquals(2, openId.metadataFetches(), "one failed fetch, one after the pause");
    System.out.printf("recovery: accepted %d ms after Microsoft answered again, %d metadata fetches%n", after,
        openId.metadataFetches());
  }
}
