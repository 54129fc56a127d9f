package com.scopebot.channel.teams;

import com.auth0.jwk.InvalidPublicKeyException;
import com.auth0.jwk.Jwk;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * One fetch of the Bot Framework's signing keys: the OpenID metadata document, then the JWKS its {@code jwks_uri}
 * names, both within one deadline, each body capped.
 *
 * <p>This replaces the fetch in the SDK's {@code CachingOpenIdMetadata.refreshCache} (bot-connector 4.14.3), which
 * reads the metadata with {@code ObjectMapper.readValue(URL)} and the keys with auth0's {@code UrlJwkProvider}: both
 * plain {@code URLConnection}s with no connect or read timeout, so a slow Microsoft holds the caller for as long as it
 * likes. Keys are parsed with the same auth0 {@link Jwk} the SDK uses, into the SDK's {@link OpenIdMetadataKey}.
 * Thread-safe; the HTTP client is shared.
 */
final class OpenIdFetch {

  /** A connection to login.botframework.com takes milliseconds; one that takes seconds is not worth waiting for. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Microsoft's metadata is ~1 KB and its key set ~10 KB. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private final URI metadataUrl;

  OpenIdFetch(String metadataUrl) {
    this.metadataUrl = URI.create(metadataUrl);
  }

  /**
   * The keys by key id. Fails (never hangs) when either document is slow, not 200, too large or unreadable, or when no
   * usable RSA key is listed; the deadline covers both requests.
   */
  CompletableFuture<Map<String, OpenIdMetadataKey>> keys(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    return get(metadataUrl, end)
        .thenCompose(metadata -> get(jwksUri(metadata), end))
        .thenApply(OpenIdFetch::parseKeys)
        .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static CompletableFuture<byte[]> get(URI uri, long endNanos) {
    long left = endNanos - System.nanoTime();
    if (left <= 0) {
      return CompletableFuture.failedFuture(new IOException("no time left to fetch " + uri));
    }
    // the request timeout covers the wait for the response's headers; keys()'s orTimeout covers a trickling body
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left))
        .header("Accept", "application/json").GET().build();
    CompletableFuture<HttpResponse<byte[]>> sent = CLIENT.sendAsync(request, info -> new CappedBody(MAX_BODY_BYTES));
    return sent.thenApply(r -> {
      if (r.statusCode() != 200) {
        throw new UncheckedIOException(new IOException(uri + " answered " + r.statusCode()));
      }
      return r.body();
    }).whenComplete((body, e) -> {
      if (e != null) {
        sent.cancel(true); // let go of a connection still trickling
      }
    });
  }

  /** The metadata's {@code jwks_uri}: https, or http on this machine only (a test's fake). */
  static URI jwksUri(byte[] metadata) {
    JsonNode uri;
    try {
      uri = JSON.readTree(metadata).path("jwks_uri");
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("OpenID metadata is not JSON"));
    }
    String text = uri.asText("");
    if (!text.startsWith("https://") && !Loopback.isLoopbackUrl(text)) {
      throw new UncheckedIOException(new IOException("OpenID metadata has no https jwks_uri"));
    }
    return URI.create(text);
  }

  /** The RSA keys of a JWKS, with their endorsements (the channels each may sign for); others are skipped. */
  @SuppressWarnings("unchecked")
  static Map<String, OpenIdMetadataKey> parseKeys(byte[] jwks) {
    List<Map<String, Object>> listed;
    try {
      listed = (List<Map<String, Object>>) JSON.readValue(jwks, new TypeReference<Map<String, Object>>() {})
          .getOrDefault("keys", List.of());
    } catch (IOException | ClassCastException e) {
      throw new UncheckedIOException(new IOException("the key set is not a JWKS"));
    }
    Map<String, OpenIdMetadataKey> keys = new HashMap<>();
    for (Object entry : listed) {
      try {
        Jwk jwk = Jwk.fromValues((Map<String, Object>) entry);
        if (jwk.getId() == null || !(jwk.getPublicKey() instanceof RSAPublicKey rsa)) {
          continue;
        }
        OpenIdMetadataKey key = new OpenIdMetadataKey();
        key.key = rsa;
        key.endorsements = strings(jwk.getAdditionalAttributes().get("endorsements"));
        key.certificateChain = jwk.getCertificateChain();
        keys.put(jwk.getId(), key);
      } catch (InvalidPublicKeyException | RuntimeException e) {
        // one malformed entry does not cost the others; an empty result fails below
      }
    }
    if (keys.isEmpty()) {
      throw new UncheckedIOException(new IOException("the key set lists no usable RSA key"));
    }
    return Map.copyOf(keys);
  }

  /** A JSON array of strings, or null (as the SDK has it: no endorsements listed means none are checked). */
  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    return list.stream().map(String::valueOf).toList();
  }

  /** Collects a body up to a limit; a longer one fails the response rather than filling memory. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int limit;
    private Flow.Subscription subscription;

    CappedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (result.isDone()) {
          return;
        }
        if (bytes.size() + b.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new IOException("response body over " + limit + " bytes"));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
