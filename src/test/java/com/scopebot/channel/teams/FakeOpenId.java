package com.scopebot.channel.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Bot Framework's OpenID metadata and signing keys, faked on loopback: counts every fetch and can be made slow.
 * {@link #install} points the SDK's static metadata URL at it (bots built afterwards use it); {@link #close} points it
 * back at Microsoft.
 */
final class FakeOpenId implements AutoCloseable {

  static final String KEY_ID = "test-signing-key";
  static final String METADATA_PATH = "/v1/.well-known/openidconfiguration";
  static final String KEYS_PATH = "/v1/.well-known/keys";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeyPair trusted;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger metadataFetches = new AtomicInteger();
  private final AtomicInteger keyFetches = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;

  FakeOpenId() throws IOException {
    trusted = newKeyPair();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // one thread per request: a slow answer must not queue the next fetch behind it
    server.setExecutor(threads);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    String metadata = JSON.createObjectNode().put("issuer", "https://api.botframework.com")
        .put("jwks_uri", base + KEYS_PATH).put("authorization_endpoint", "https://invalid.example/").toString();
    RSAPublicKey pub = (RSAPublicKey) trusted.getPublic();
    ObjectNode jwks = JSON.createObjectNode();
    // as login.botframework.com publishes them: each key lists the channels it may sign for
    jwks.putArray("keys").addObject().put("kty", "RSA").put("use", "sig").put("kid", KEY_ID)
        .put("n", base64url(pub.getModulus())).put("e", base64url(pub.getPublicExponent()))
        .putArray("endorsements").add("msteams").add("emulator");
    server.createContext(METADATA_PATH, exchange -> answer(exchange, metadataFetches, metadata));
    server.createContext(KEYS_PATH, exchange -> answer(exchange, keyFetches, jwks.toString()));
    server.start();
  }

  /** A fake serving, with the SDK's metadata URL pointing at it. */
  static FakeOpenId install() throws IOException {
    FakeOpenId fake = new FakeOpenId();
    ChannelValidation.setOpenIdMetaDataUrl(fake.metadataUrl());
    return fake;
  }

  String metadataUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + METADATA_PATH;
  }

  /** Makes every answer wait this long first (zero: answer at once). */
  void delay(Duration d) {
    delay = d;
  }

  int metadataFetches() {
    return metadataFetches.get();
  }

  int keyFetches() {
    return keyFetches.get();
  }

  KeyPair trusted() {
    return trusted;
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      return rsa.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token as the Bot Framework issues it for a request to a bot, signed with the given key. */
  static String token(KeyPair key, String keyId, String audience, String serviceUrl) {
    return token(key, keyId, AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER, audience, serviceUrl);
  }

  /** The same from another issuer. */
  static String token(KeyPair key, String keyId, String issuer, String audience, String serviceUrl) {
    Instant now = Instant.now();
    return JWT.create().withKeyId(keyId).withIssuer(issuer).withAudience(audience)
        .withClaim("serviceurl", serviceUrl).withNotBefore(Date.from(now.minusSeconds(60)))
        .withIssuedAt(Date.from(now.minusSeconds(60))).withExpiresAt(Date.from(now.plusSeconds(600)))
        .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
  }

  private void answer(HttpExchange exchange, AtomicInteger counter, String json) throws IOException {
    counter.incrementAndGet();
    try (exchange) {
      Thread.sleep(delay.toMillis());
      byte[] out = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
    } catch (IOException e) {
      // the bot gave up waiting and closed the connection: what a slow Microsoft sees too
    }
  }

  private static String base64url(BigInteger n) {
    byte[] bytes = n.toByteArray();
    if (bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned, as JWK wants
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() {
    ChannelValidation.setOpenIdMetaDataUrl(AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
    server.stop(0);
    threads.shutdownNow();
  }
}
