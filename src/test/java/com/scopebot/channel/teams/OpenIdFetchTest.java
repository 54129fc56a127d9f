package com.scopebot.channel.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One fetch of the signing keys from a fake on loopback: what it reads, and what makes it give up. */
class OpenIdFetchTest {

  @Test
  void readsTheKeysTheMetadataNamesWithTheirEndorsements() throws Exception {
    try (FakeOpenId openId = new FakeOpenId()) {
      Map<String, OpenIdMetadataKey> keys = new OpenIdFetch(openId.metadataUrl()).keys(Duration.ofSeconds(2)).join();
      assertEquals(List.of(FakeOpenId.KEY_ID), List.copyOf(keys.keySet()));
      assertEquals(List.of("msteams", "emulator"), keys.get(FakeOpenId.KEY_ID).endorsements);
      assertEquals(openId.trusted().getPublic(), keys.get(FakeOpenId.KEY_ID).key);
      assertEquals(1, openId.metadataFetches());
      assertEquals(1, openId.keyFetches());
    }
  }

  @Test
  void givesUpOnASlowEndpointAtTheDeadline() throws Exception {
    try (FakeOpenId openId = new FakeOpenId()) {
      openId.delay(Duration.ofSeconds(10));
      long start = System.nanoTime();
      CompletionException e = assertThrows(CompletionException.class,
          () -> new OpenIdFetch(openId.metadataUrl()).keys(Duration.ofMillis(500)).join());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 1500, "gave up after " + millis + " ms for a 500 ms deadline: " + e.getCause());
    }
  }

  @Test
  void refusesABodyOverTheCap() throws Exception {
    HttpServer big = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] huge = ("{\"jwks_uri\":\"" + "x".repeat(OpenIdFetch.MAX_BODY_BYTES) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    big.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked: no length declared up front
      try (exchange) {
        exchange.getResponseBody().write(huge);
      } catch (java.io.IOException e) {
        // the fetch hung up once it had enough
      }
    });
    big.start();
    try {
      CompletionException e = assertThrows(CompletionException.class, () -> new OpenIdFetch(
          "http://127.0.0.1:" + big.getAddress().getPort() + "/metadata").keys(Duration.ofSeconds(2)).join());
      assertEquals("response body over 262144 bytes", rootCause(e).getMessage());
    } finally {
      big.stop(0);
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "https://login.botframework.com/v1/.well-known/keys|true",
      "http://127.0.0.1:8080/keys|true",
      "http://login.botframework.com/v1/.well-known/keys|false",
      "ftp://login.botframework.com/keys|false",
      "''|false"})
  void takesKeysOnlyFromHttpsOrThisMachine(String uri, boolean taken) {
    byte[] metadata = ("{\"jwks_uri\":\"" + uri + "\"}").getBytes(StandardCharsets.UTF_8);
    if (taken) {
      assertEquals(uri, OpenIdFetch.jwksUri(metadata).toString());
    } else {
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> OpenIdFetch.jwksUri(metadata));
      assertEquals("OpenID metadata has no https jwks_uri", e.getCause().getMessage());
    }
  }

  @Test
  void skipsKeysItCannotUseAndFailsWhenNoneIsLeft() {
    String rsa = "{\"kty\":\"RSA\",\"kid\":\"good\",\"n\":\"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1Wl"
        + "UzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exS"
        + "ZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZ"
        + "LuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw\",\"e\":\"AQAB\"}";
    String ec = "{\"kty\":\"EC\",\"kid\":\"ec\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}";
    String noKid = "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}";
    Map<String, OpenIdMetadataKey> keys = OpenIdFetch.parseKeys(
        ("{\"keys\":[" + ec + "," + noKid + "," + rsa + ",42]}").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("good"), List.copyOf(keys.keySet()));
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> OpenIdFetch.parseKeys(("{\"keys\":[" + ec + "]}").getBytes(StandardCharsets.UTF_8)));
    assertEquals("the key set lists no usable RSA key", e.getCause().getMessage());
    e = assertThrows(UncheckedIOException.class,
        () -> OpenIdFetch.parseKeys("<html>".getBytes(StandardCharsets.UTF_8)));
    assertEquals("the key set is not a JWKS", e.getCause().getMessage());
  }
}
