package dev.jwtauth.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import dev.jwtauth.verify.MovableClock;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keys of a remote issuer, against a real HTTP server on 127.0.0.1 serving a JWKS: fetched,
 * revalidated with the ETag, refetched for an unknown kid at most once per interval, kept when a
 * fetch fails.
 */
class RemoteJwksTest {

  private static final String ISSUER = "https://issuer.test";
  private static final Duration MIN_REFETCH = Duration.ofSeconds(10);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T12:00:00Z"));
  private final AtomicReference<List<JWK>> published = new AtomicReference<>();
  private final AtomicReference<String> cacheControl = new AtomicReference<>("max-age=300");
  private final AtomicInteger failWith = new AtomicInteger();
  private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ScheduledExecutorService executor;
  private RemoteJwks remote;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          ifNoneMatch.add(String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")));
          JWKSet set = new JWKSet(published.get());
          String etag = "\"" + Integer.toHexString(set.toString(true).hashCode()) + "\"";
          exchange.getResponseHeaders().set("Cache-Control", cacheControl.get());
          if (failWith.get() != 0) {
            exchange.sendResponseHeaders(failWith.get(), -1);
          } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
          } else {
            byte[] body = set.toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
    executor = Executors.newSingleThreadScheduledExecutor();
    remote =
        new RemoteJwks(
            ISSUER,
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"),
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
            MIN_REFETCH,
            Duration.ofMinutes(5),
            HttpClient.newHttpClient(),
            executor,
            clock);
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
    server.stop(0);
  }

  @Test
  void theKeysAreFetchedForTheirIssuerOnlyAndRevalidatedWithTheEtag() throws Exception {
    RSAKey key = rsa("k1");
    published.set(List.of(key));
    remote.fetchNow();
    assertTrue(remote.find(ISSUER, "k1").isPresent());
    assertTrue(remote.find("https://other.test", "k1").isEmpty(), "never another issuer's token");
    assertEquals("null", ifNoneMatch.get(0));

    remote.fetchNow();
    assertEquals(2, ifNoneMatch.size());
    assertTrue(ifNoneMatch.get(1).startsWith("\""), "revalidated: " + ifNoneMatch);
    assertTrue(remote.find(ISSUER, "k1").isPresent(), "a 304 keeps the keys");
  }

  @Test
  void aFloodOfUnknownKidsCausesAtMostOneFetchPerInterval() throws Exception {
    published.set(List.of(rsa("k1")));
    remote.fetchNow();
    for (int i = 0; i < 1000; i++) {
      assertTrue(remote.find(ISSUER, UUID.randomUUID().toString()).isEmpty());
    }
    awaitFetches(2);
    Thread.sleep(200); // nothing more comes
    assertEquals(2, remote.fetches(), "the first unknown kid asked once; the 999 others waited");

    published.set(List.of(rsa("k1"), rsa("k2")));
    assertTrue(remote.find(ISSUER, "k2").isEmpty(), "within the interval: not fetched");
    clock.advance(MIN_REFETCH);
    assertTrue(remote.find(ISSUER, "k2").isEmpty(), "this token is refused; it asks for a fetch");
    awaitFetches(3);
    assertTrue(remote.find(ISSUER, "k2").isPresent(), "the next token of the new key passes");
  }

  /** Without a JWKS URI the issuer's discovery document names it; another issuer's is refused. */
  @Test
  void theKeysAreFoundThroughTheIssuersDiscoveryDocument() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    AtomicReference<String> namedIssuer = new AtomicReference<>(base);
    server.createContext(
        "/.well-known/openid-configuration",
        exchange -> {
          byte[] body =
              ("{\"issuer\":\"" + namedIssuer.get() + "\",\"jwks_uri\":\"" + base + "/jwks\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    published.set(List.of(rsa("k1")));
    RemoteJwks discovered = remoteOf(base, null);
    discovered.fetchNow();
    assertTrue(discovered.find(base, "k1").isPresent());

    namedIssuer.set("https://impostor.test");
    RemoteJwks misled = remoteOf(base, null);
    misled.fetchNow();
    assertEquals(0, misled.size(), "a discovery document of another issuer is not followed");
  }

  @Test
  void aFailedFetchKeepsTheKeysThereAre() {
    published.set(List.of(rsa("k1")));
    remote.fetchNow();
    failWith.set(503);
    assertEquals(MIN_REFETCH, remote.fetchNow(), "tried again after the minimum interval");
    assertTrue(remote.find(ISSUER, "k1").isPresent());
  }

  @Test
  void onlySigningKeysOfAnAcceptedAlgorithmAreKept() throws Exception {
    JWK encryption = new RSAKeyGenerator(2048).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate();
    JWK rs512 = new RSAKeyGenerator(2048).keyID("rs512").algorithm(JWSAlgorithm.RS512).generate();
    JWK ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate(); // no alg: ES256 by curve
    JWK mismatched =
        new ECKeyGenerator(Curve.P_256).keyID("ec-as-rsa").algorithm(JWSAlgorithm.RS256).generate();
    published.set(
        List.of(
            encryption.toPublicJWK(),
            rs512.toPublicJWK(),
            ec.toPublicJWK(),
            mismatched.toPublicJWK()));
    remote.fetchNow();
    assertEquals(1, remote.size());
    assertEquals(JWSAlgorithm.ES256, remote.find(ISSUER, "ec").orElseThrow().algorithm());
  }

  @Test
  void maxAgeIsHonouredWithinItsBounds() {
    assertEquals(Duration.ofSeconds(120), remote.maxAge("public, max-age=120"));
    assertEquals(MIN_REFETCH, remote.maxAge("max-age=1"), "never more often than the interval");
    assertEquals(MIN_REFETCH, remote.maxAge("no-store"));
    assertEquals(Duration.ofMinutes(5), remote.maxAge(null), "no header: the default");
    assertEquals(RemoteJwks.MAX_CACHE, remote.maxAge("max-age=999999"));
    assertEquals(Duration.ofMinutes(5), remote.maxAge("s-max-age=60x"));
  }

  private RemoteJwks remoteOf(String issuer, URI jwksUri) {
    return new RemoteJwks(
        issuer,
        jwksUri,
        Set.of(JWSAlgorithm.RS256),
        MIN_REFETCH,
        Duration.ofMinutes(5),
        HttpClient.newHttpClient(),
        executor,
        clock);
  }

  private static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate().toPublicJWK();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitFetches(long count) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (remote.fetches() < count && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertEquals(count, remote.fetches());
  }
}
