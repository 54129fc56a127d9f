package com.scopebot.channel.teams;

import static com.scopebot.channel.teams.TeamsFixtures.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.Fixtures;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.ScopeMetrics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an app id, every request's JWT is checked against signing keys from OpenID metadata; here the metadata and
 * keys are served by a fake on loopback, so the authenticated path runs offline. The SDK keeps the metadata URL in a
 * static field: it is set for this class and restored after it (tests run one class at a time).
 */
class TeamsAuthTest {

  private static final String APP_ID = "3c1f9e0a-5d7b-4c1e-9a2f-0123456789ab";
  private static final String KEY_ID = FakeOpenId.KEY_ID;

  @TempDir static Path data;
  private static FakeOpenId openId;
  private static KeyPair trusted;
  private static KeyPair stranger;
  private static FakeConnector connector;
  private static Server jetty;
  private static URI endpoint;
  private static final List<String> scopesAsked = new CopyOnWriteArrayList<>();
  private static AnswerService service;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    openId = FakeOpenId.install();
    trusted = openId.trusted();
    stranger = FakeOpenId.newKeyPair();

    connector = new FakeConnector();
    service = new AnswerService(LiveIndex.of(Fixtures.bundled()), null, new ScopeMetrics(),
        Clock.systemUTC());
    TokenSource fakeTokens = (appId, scope) -> {
      scopesAsked.add(scope);
      return CompletableFuture.completedFuture("fake-token-for-" + appId);
    };
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(TeamsChannel.servlet(new TeamsSettings(APP_ID, null, null, fakeTokens),
        service)), "/api/messages");
    TeamsFixtures.Loopback served = TeamsFixtures.serve(context);
    jetty = served.server();
    endpoint = served.base().resolve("api/messages");
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.stop();
    openId.close();
    connector.close();
  }

  @BeforeEach
  void clear() {
    connector.clear();
  }

  private static String token(KeyPair key, String keyId, String audience, String serviceUrl) {
    return FakeOpenId.token(key, keyId, audience, serviceUrl);
  }

  private HttpResponse<String> post(URI uri, JsonNode activity, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ObjectNode question() {
    return TeamsFixtures.message("Who is responsible for SSL certificates?", connector.serviceUrl());
  }

  /** The origin of a question asked in a conversation, as its answer record keeps it. */
  private static com.scopebot.records.Origin originOf(String conversation) throws Exception {
    ObjectNode asked = question();
    ((ObjectNode) asked.get("conversation")).put("id", conversation);
    return TeamsSender.origin(new ActivityJson(new com.microsoft.bot.restclient.serializer.JacksonAdapter())
        .read(asked.toString()));
  }

  @Test
  void sendsAnExpertsAnswerAsAProactiveMessageWithTheAppsToken() throws Exception {
    com.scopebot.service.Notice notice = new com.scopebot.service.Notice("👤 Answer from a FastTrack expert, Ada Lovelace",
        "The customer provides them.", "https://scopebot.example.com/answers/0123");
    assertEquals(com.scopebot.service.OriginSender.Delivery.DELIVERED,
        service.senders().send(originOf("a:1personal-conversation"), notice));
    FakeConnector.Call sent = connector.awaitCall(1);
    assertEquals("Bearer fake-token-for-" + APP_ID, sent.authorization(), "the app's own credentials");
    assertTrue(sent.path().startsWith("/v3/conversations/a:1personal-conversation/activities"), sent.path());
    assertEquals("👤 Answer from a FastTrack expert, Ada Lovelace",
        sent.body().at("/attachments/0/content/body/0/text").asText(), sent.body().toString());

    connector.gone("a:1removed-conversation");
    assertEquals(com.scopebot.service.OriginSender.Delivery.GONE,
        service.senders().send(originOf("a:1removed-conversation"), notice), "404 from the connector: gone");
  }

  @Test
  void refusesARequestWithoutAToken() throws Exception {
    HttpResponse<String> r = post(endpoint, question(), null);
    assertEquals(401, r.statusCode());
    assertEquals("unauthorized", JSON.readTree(r.body()).get("error").asText());
  }

  @Test
  void refusesATokenSignedByAnUnknownKey() throws Exception {
    assertEquals(401, post(endpoint, question(), token(stranger, KEY_ID, APP_ID, connector.serviceUrl())).statusCode());
    assertEquals(401, post(endpoint, question(), token(stranger, "another-key", APP_ID, connector.serviceUrl()))
        .statusCode());
  }

  @Test
  void refusesATokenForAnotherBot() throws Exception {
    String forOther = token(trusted, KEY_ID, "0f0f0f0f-0000-4000-8000-000000000000", connector.serviceUrl());
    assertEquals(401, post(endpoint, question(), forOther).statusCode());
  }

  @Test
  void refusesATokenIssuedForAnotherServiceUrl() throws Exception {
    String elsewhere = token(trusted, KEY_ID, APP_ID, "https://smba.trafficmanager.net/amer/");
    assertEquals(401, post(endpoint, question(), elsewhere).statusCode());
  }

  @Test
  void refusesGarbageInsteadOfAToken() throws Exception {
    HttpResponse<String> r = post(endpoint, question(), "not.a.jwt");
    assertEquals(401, r.statusCode());
    assertTrue(!r.body().contains("Exception"), r.body());
  }

  @Test
  void refusesAnEndorsementForAnotherChannel() throws Exception {
    ObjectNode slackish = question();
    slackish.put("channelId", "slack");
    assertEquals(401, post(endpoint, slackish, token(trusted, KEY_ID, APP_ID, connector.serviceUrl())).statusCode());
  }

  @Test
  void answersAnAuthenticatedRequestAndRepliesWithTheAppToken() throws Exception {
    HttpResponse<String> r = post(endpoint, question(), token(trusted, KEY_ID, APP_ID, connector.serviceUrl()));
    assertEquals(202, r.statusCode(), r.body());
    FakeConnector.Call reply = connector.awaitCall(1);
    assertEquals("/v3/conversations/a:1personal-conversation/activities/1700000000001", reply.path());
    assertEquals("Bearer fake-token-for-" + APP_ID, reply.authorization());
    assertTrue(scopesAsked.contains("https://api.botframework.com/.default"), scopesAsked.toString());
    assertTrue(reply.body().toString().contains("Provide and configure any public Secure Sockets Layer (SSL) certificates."));
  }

  @Test
  void acceptsAnAuthenticatedExpectRepliesRequest() throws Exception {
    ObjectNode ask = question();
    ask.put("deliveryMode", "expectReplies");
    HttpResponse<String> r = post(endpoint, ask, token(trusted, KEY_ID, APP_ID, connector.serviceUrl()));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("👤 Customer's responsibility",
        JSON.readTree(r.body()).at("/activities/0/attachments/0/content/body/0/text").asText());
  }

  @Test
  void theServerRequiresTokensOnceAnAppIdIsSet() throws Exception {
    Config config = Config.fromEnv(Map.of("SCOPEBOT_HOST", "127.0.0.1", "SCOPEBOT_PORT", "0",
        "SCOPEBOT_DATA_DIR", data.toString(), "MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", "not-used-offline"))
        .withCorpus(Fixtures.fixtureCorpus());
    ScopeServer server = ScopeServer.create(config).start();
    try {
      URI uri = server.uri().resolve("/api/messages");
      assertEquals(401, post(uri, question(), null).statusCode());
      // an activity naming a connector elsewhere is not refused as in emulator mode: the token decides
      ObjectNode elsewhere = question();
      elsewhere.put("serviceUrl", "https://example.invalid/");
      assertEquals(401, post(uri, elsewhere, null).statusCode());
      ObjectNode ask = question();
      ask.put("deliveryMode", "expectReplies");
      assertEquals(200, post(uri, ask, token(trusted, KEY_ID, APP_ID, connector.serviceUrl())).statusCode());
    } finally {
      server.stop();
    }
  }

  /** The promptness asked of a refusal that needs no body: the server answers in milliseconds; the rest is margin. */
  private static final int PROMPT_MILLIS = 1000;

  /** Sends a request's headers, declaring a body that is never sent. */
  private static Socket headersOnly(String authorization, long contentLength) throws Exception {
    Socket socket = new Socket("127.0.0.1", endpoint.getPort());
    StringBuilder head = new StringBuilder("POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .append("Content-Type: application/json\r\nContent-Length: ").append(contentLength).append("\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    OutputStream out = socket.getOutputStream();
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** The response's status line, read within the given time (a SocketTimeoutException otherwise). */
  private static String statusLine(Socket socket, int millis) throws Exception {
    socket.setSoTimeout(millis);
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
  }

  @Test
  void refusesAMissingOrGarbledTokenWithoutWaitingForTheBody() throws Exception {
    String forAnotherBot = token(trusted, KEY_ID, "0f0f0f0f-0000-4000-8000-000000000000", connector.serviceUrl());
    String[] headers = {null, "", "Basic dXNlcjpwYXNzd29yZA==", "Bearer not-a-jwt", "Bearer a.b", "Bearer a.b.c",
        "Bearer  " + forAnotherBot, "Bearer " + forAnotherBot};
    for (String authorization : headers) {
      long start = System.nanoTime();
      try (Socket socket = headersOnly(authorization, 4096)) {
        String status = statusLine(socket, 5000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String shown = authorization == null ? "no header"
            : authorization.substring(0, Math.min(30, authorization.length()));
        assertEquals("HTTP/1.1 401 Unauthorized", status, shown);
        assertTrue(millis < PROMPT_MILLIS, shown + " took " + millis + " ms");
      }
    }
  }

  @Test
  void waitsForTheBodyOfAWellFormedRequest() throws Exception {
    // the contrast to the refusals above: with a valid token the body is read, so the answer waits for it
    ObjectNode ask = question();
    ask.put("deliveryMode", "expectReplies");
    byte[] body = ask.toString().getBytes(StandardCharsets.UTF_8);
    try (Socket socket = headersOnly("Bearer " + token(trusted, KEY_ID, APP_ID, connector.serviceUrl()), body.length)) {
      assertThrows(SocketTimeoutException.class, () -> statusLine(socket, 500));
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      assertEquals("HTTP/1.1 200 OK", statusLine(socket, 10_000));
    }
  }

  @Test
  void refusesAnOversizedBodyByItsDeclaredLengthWithoutReadingIt() throws Exception {
    long start = System.nanoTime();
    try (Socket socket = headersOnly("Bearer " + token(trusted, KEY_ID, APP_ID, connector.serviceUrl()), 50_000_000)) {
      String status = statusLine(socket, 5000);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals("HTTP/1.1 413 Payload Too Large", status);
      assertTrue(millis < PROMPT_MILLIS, "took " + millis + " ms");
    }
  }
}
