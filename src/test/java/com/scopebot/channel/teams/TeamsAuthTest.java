package com.scopebot.channel.teams;

import static com.scopebot.channel.teams.TeamsFixtures.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.scopebot.Fixtures;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.ScopeMetrics;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an app id, every request's JWT is checked by the SDK against signing keys from OpenID metadata; here the
 * metadata and keys are served by a fake on loopback, so the authenticated path runs offline. The SDK keeps the
 * metadata URL in a static field: it is set for this class and restored after it (tests run one class at a time).
 */
class TeamsAuthTest {

  private static final String APP_ID = "3c1f9e0a-5d7b-4c1e-9a2f-0123456789ab";
  private static final String KEY_ID = "test-signing-key";

  @TempDir static Path data;
  private static HttpServer openId;
  private static KeyPair trusted;
  private static KeyPair stranger;
  private static FakeConnector connector;
  private static Server jetty;
  private static URI endpoint;
  private static final List<String> scopesAsked = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    trusted = rsa.generateKeyPair();
    stranger = rsa.generateKeyPair();

    openId = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + openId.getAddress().getPort();
    RSAPublicKey pub = (RSAPublicKey) trusted.getPublic();
    ObjectNode jwks = JSON.createObjectNode();
    // as login.botframework.com publishes them: each key lists the channels it may sign for
    jwks.putArray("keys").addObject().put("kty", "RSA").put("use", "sig").put("kid", KEY_ID)
        .put("n", base64url(pub.getModulus())).put("e", base64url(pub.getPublicExponent()))
        .putArray("endorsements").add("msteams").add("emulator");
    serve(openId, "/v1/.well-known/openidconfiguration", JSON.createObjectNode()
        .put("issuer", "https://api.botframework.com").put("jwks_uri", base + "/v1/.well-known/keys")
        .put("authorization_endpoint", "https://invalid.example/").toString());
    serve(openId, "/v1/.well-known/keys", jwks.toString());
    openId.start();
    ChannelValidation.setOpenIdMetaDataUrl(base + "/v1/.well-known/openidconfiguration");

    connector = new FakeConnector();
    AnswerService service = new AnswerService(LiveIndex.of(Fixtures.bundled()), null, new ScopeMetrics(),
        Clock.systemUTC());
    TokenSource fakeTokens = (appId, scope) -> {
      scopesAsked.add(scope);
      return CompletableFuture.completedFuture("fake-token-for-" + appId);
    };
    jetty = new Server();
    ServerConnector http = new ServerConnector(jetty);
    http.setHost("127.0.0.1");
    http.setPort(0);
    jetty.addConnector(http);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(TeamsChannel.servlet(new TeamsSettings(APP_ID, null, null, fakeTokens),
        service)), "/api/messages");
    jetty.setHandler(context);
    jetty.start();
    endpoint = URI.create("http://127.0.0.1:" + http.getLocalPort() + "/api/messages");
  }

  @AfterAll
  static void stop() throws Exception {
    ChannelValidation.setOpenIdMetaDataUrl(AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
    jetty.stop();
    openId.stop(0);
    connector.close();
  }

  @BeforeEach
  void clear() {
    connector.clear();
  }

  private static void serve(HttpServer server, String path, String json) {
    server.createContext(path, exchange -> {
      byte[] out = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
  }

  private static String base64url(BigInteger n) {
    byte[] bytes = n.toByteArray();
    if (bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned, as JWK wants
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A token as the Bot Framework issues it for a request to this bot. */
  private static String token(KeyPair key, String keyId, String audience, String serviceUrl) {
    Instant now = Instant.now();
    return JWT.create().withKeyId(keyId).withIssuer("https://api.botframework.com").withAudience(audience)
        .withClaim("serviceurl", serviceUrl).withNotBefore(Date.from(now.minusSeconds(60)))
        .withIssuedAt(Date.from(now.minusSeconds(60))).withExpiresAt(Date.from(now.plusSeconds(600)))
        .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
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
}
