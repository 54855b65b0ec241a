package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Key lifecycle (docs/security.md): rotation on request, withdrawal, the admin key list and the
 * JWKS's caching headers. Each test leaves one key behind (the suite's other tests, and the
 * PostgreSQL suite's run.sh services on the same database, expect one).
 */
@Tag("sql")
class KeyLifecycleIT extends ServiceIT {

  String admin;
  String user;

  @BeforeEach
  void users() {
    admin = "key-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    user = "key-user-" + UUID.randomUUID();
    http.createUser(user, PASSWORD, "user");
  }

  @AfterEach
  void leaveOneKey() {
    String adminToken = http.login(admin, PASSWORD);
    boolean rs256Active =
        keys(adminToken).stream()
            .anyMatch(
                key ->
                    "active".equals(key.getString("status"))
                        && "RS256".equals(key.getString("algorithm")));
    if (!rs256Active) { // an imported ES256 key signs: the suite's other tests expect RS256
      assertEquals(200, rotate(adminToken).statusCode());
      adminToken = http.login(admin, PASSWORD);
    }
    for (JsonObject key : keys(adminToken)) {
      if (!"active".equals(key.getString("status"))) {
        assertEquals(204, withdraw(adminToken, key.getString("kid")).statusCode());
      }
    }
  }

  @Test
  void aRotationSignsWithANewKeyWhileTheOldOneKeepsVerifying() {
    String before = http.login(user, PASSWORD);
    String oldKid = Http.kid(before);
    String adminToken = http.login(admin, PASSWORD);

    HttpResponse<String> rotated = rotate(adminToken);
    assertEquals(200, rotated.statusCode(), rotated.body());
    String newKid = Http.json(rotated).getString("kid");
    assertNotEquals(oldKid, newKid);

    assertEquals(newKid, Http.kid(http.login(user, PASSWORD)), "new tokens carry the new kid");
    assertEquals(200, http.get("api/me", before).statusCode(), "the old token still verifies");
    assertEquals(List.of(oldKid, newKid), http.jwksKids(), "both published, each once");

    List<JsonObject> keys = keys(adminToken);
    JsonObject retired = find(keys, oldKid);
    assertEquals("retired", retired.getString("status"));
    assertTrue(retired.containsKey("retired_at") && retired.containsKey("unpublish_at"));
    JsonObject active = find(keys, newKid);
    assertEquals("active", active.getString("status"));
    assertEquals("RS256", active.getString("algorithm"));
  }

  @Test
  void aWithdrawnKeyLeavesTheJwksAndEveryTokenItSignedIsRefused() {
    String signedByOld = http.login(user, PASSWORD);
    String oldKid = Http.kid(signedByOld);
    String adminToken = http.login(admin, PASSWORD);
    assertEquals(200, rotate(adminToken).statusCode());
    adminToken = http.login(admin, PASSWORD);

    assertEquals(204, withdraw(adminToken, oldKid).statusCode());
    HttpResponse<String> refused = http.get("api/me", signedByOld);
    assertEquals(401, refused.statusCode(), "a token signed by the withdrawn key");
    assertTrue(
        refused.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    assertFalse(http.jwksKids().contains(oldKid));
    assertEquals(404, withdraw(adminToken, oldKid).statusCode(), "already gone");
  }

  @Test
  void withdrawingTheActiveKeyPutsANewOneInItsPlace() {
    String adminToken = http.login(admin, PASSWORD);
    String activeKid = Http.kid(adminToken);

    assertEquals(204, withdraw(adminToken, activeKid).statusCode());
    assertEquals(401, http.get("api/me", adminToken).statusCode(), "its own token, too");
    String fresh = http.login(user, PASSWORD);
    assertNotEquals(activeKid, Http.kid(fresh));
    assertEquals(List.of(Http.kid(fresh)), http.jwksKids());
    assertEquals(200, http.get("api/me", fresh).statusCode());
  }

  @Test
  void anImportedPemBecomesTheNextKeyAndAnImportedJwkCanSignAtOnce() throws Exception {
    String adminToken = http.login(admin, PASSWORD);
    String activeKid = Http.kid(adminToken);

    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    HttpResponse<String> next =
        importKey(adminToken, Json.createObjectBuilder().add("pem", pem).build().toString());
    assertEquals(201, next.statusCode(), next.body());
    JsonObject nextKey = Http.json(next);
    assertEquals("next", nextKey.getString("status"));
    assertEquals("RS256", nextKey.getString("algorithm"));
    assertTrue(
        next.headers()
            .firstValue("Location")
            .orElse("")
            .endsWith("/admin/keys/" + nextKey.getString("kid")));
    assertEquals(200, http.get("admin/keys/" + nextKey.getString("kid"), adminToken).statusCode());
    assertTrue(http.jwksKids().contains(nextKey.getString("kid")), "published before it signs");
    assertEquals(activeKid, Http.kid(http.login(user, PASSWORD)), "not signing yet");

    ECKey ec =
        new ECKeyGenerator(Curve.P_256).keyID("imported-es256-" + UUID.randomUUID()).generate();
    String jwkBody = "{\"jwk\":" + ec.toJSONString() + ",\"activate\":true}";
    HttpResponse<String> active = importKey(adminToken, jwkBody);
    assertEquals(201, active.statusCode(), active.body());
    assertEquals("active", Http.json(active).getString("status"));
    String signed = http.login(user, PASSWORD);
    assertEquals(ec.getKeyID(), Http.kid(signed), "signs at once");
    assertEquals(200, http.get("api/me", signed).statusCode(), "an ES256 token verifies");
    assertFalse(
        http.jwksKids().contains(nextKey.getString("kid")), "the waiting next key is dropped");

    HttpResponse<String> again = importKey(http.login(admin, PASSWORD), jwkBody);
    assertEquals(409, again.statusCode(), again.body());
    HttpResponse<String> publicOnly =
        importKey(http.login(admin, PASSWORD), "{\"jwk\":" + ec.toPublicJWK().toJSONString() + "}");
    assertEquals(400, publicOnly.statusCode());
    assertEquals("invalid_request", Http.json(publicOnly).getString("error"));
    HttpResponse<String> both =
        importKey(http.login(admin, PASSWORD), "{\"pem\":\"x\",\"jwk\":{}}");
    assertEquals(400, both.statusCode(), both.body());
  }

  /**
   * A reload of the keys that read them before a change committed must never replace, after it, the
   * node's own reload after that change: the node would sign with the retired key until the next
   * poll (the Ed25519 test below once saw it). Brought about on purpose (PostgreSQL only): the test
   * holds a lock that stops every reload half-way, after it has read the keys and before it
   * replaces the ones in memory, while the first import's reload and the background poll read the
   * first key and the second import commits; then all go on together, in whatever order.
   */
  @Test
  void aReloadThatReadTheKeysBeforeAnImportNeverReplacesTheOneAfterIt() throws Exception {
    String dbUrl = System.getenv("AUTH_DB_URL");
    assumeTrue(dbUrl != null && dbUrl.startsWith("jdbc:postgresql:"), "runs with -Ppostgres only");
    String adminToken = http.login(admin, PASSWORD);
    for (int round = 0; round < 3; round++) {
      ECKey first = new ECKeyGenerator(Curve.P_256).keyID("first-" + UUID.randomUUID()).generate();
      ECKey second =
          new ECKeyGenerator(Curve.P_256).keyID("second-" + UUID.randomUUID()).generate();
      CompletableFuture<HttpResponse<String>> firstImport;
      CompletableFuture<HttpResponse<String>> secondImport;
      try (Connection lock = PostgresTestDatabase.connect(dbUrl);
          Statement statement = lock.createStatement()) {
        lock.setAutoCommit(false);
        // A reload reads the keys, then the server secret: it waits here, holding what it read.
        statement.execute("LOCK TABLE server_secrets IN ACCESS EXCLUSIVE MODE");
        firstImport = CompletableFuture.supplyAsync(() -> importActive(adminToken, first));
        awaitReloadsWaiting(dbUrl, 1, Duration.ofSeconds(30)); // the import's own
        // The poll's, unless reloads wait for each other before reading (then it never comes).
        awaitReloadsWaiting(dbUrl, 2, Duration.ofMillis(1500));
        secondImport = CompletableFuture.supplyAsync(() -> importActive(adminToken, second));
        Poll.until(
            "the second import committed",
            Duration.ofSeconds(30),
            Duration.ofMillis(20),
            () ->
                PostgresTestDatabase.number(
                    dbUrl,
                    "SELECT count(*) FROM signing_keys WHERE kid = '" + second.getKeyID() + "'"),
            count -> count == 1);
        awaitReloadsWaiting(dbUrl, 3, Duration.ofMillis(1500)); // its reload, read after it
        lock.commit();
      }
      assertEquals(201, firstImport.get(30, TimeUnit.SECONDS).statusCode());
      assertEquals(201, secondImport.get(30, TimeUnit.SECONDS).statusCode());
      assertEquals(second.getKeyID(), Http.kid(http.login(user, PASSWORD)), "round " + round);
    }
  }

  private HttpResponse<String> importActive(String bearer, ECKey key) {
    return importKey(bearer, "{\"jwk\":" + key.toJSONString() + ",\"activate\":true}");
  }

  /** Waits until that many reloads wait on the lock, or the bound passes (then goes on). */
  private static void awaitReloadsWaiting(String dbUrl, int reloads, Duration bound) {
    try {
      Poll.until(
          "reloads waiting",
          bound,
          Duration.ofMillis(20),
          () -> PostgresTestDatabase.waitingOnALock(dbUrl, "%server_secrets%"),
          count -> count >= reloads);
    } catch (AssertionError fewer) {
      // fewer got there: reloads that wait for each other before reading
    }
  }

  @Test
  void anImportedEd25519KeySignsEdDsaTokensThatVerify() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    HttpResponse<String> imported =
        importKey(
            http.login(admin, PASSWORD),
            Json.createObjectBuilder().add("pem", pem).add("activate", true).build().toString());
    assertEquals(201, imported.statusCode(), imported.body());
    assertEquals("EdDSA", Http.json(imported).getString("algorithm"));

    String token = http.login(user, PASSWORD);
    assertEquals(Http.json(imported).getString("kid"), Http.kid(token));
    assertEquals(200, http.get("api/me", token).statusCode(), "an EdDSA token verifies");
    JsonObject published =
        Http.json(http.get(".well-known/jwks.json")).getJsonArray("keys").stream()
            .map(JsonValue::asJsonObject)
            .filter(key -> Http.kid(token).equals(key.getString("kid")))
            .findFirst()
            .orElseThrow();
    assertEquals("OKP", published.getString("kty"));
    assertEquals("Ed25519", published.getString("crv"));
    assertFalse(published.containsKey("d"), "never the private part");
  }

  @Test
  void onlyAnAdminWithTheAdminScopeManagesKeys() {
    String userToken = http.login(user, PASSWORD);
    assertEquals(403, rotate(userToken).statusCode());
    assertEquals(403, http.get("admin/keys", userToken).statusCode());
    assertEquals(401, http.get("admin/keys").statusCode());
  }

  @Test
  void theJwksAnswersOtherMethodsWith405AndAJsonBody() {
    HttpResponse<String> posted =
        http.exchange(
            http.request(".well-known/jwks.json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(405, posted.statusCode());
    assertEquals("method_not_allowed", Http.json(posted).getString("error"));
    assertEquals("GET, HEAD", posted.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void theJwksIsCachedAndAnswers304ToItsEntityTag() {
    HttpResponse<String> first = http.get(".well-known/jwks.json");
    assertEquals(200, first.statusCode());
    assertEquals("public, max-age=300", first.headers().firstValue("Cache-Control").orElse(""));
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = conditionalJwks(etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, again.headers().firstValue("ETag").orElse(""));

    assertEquals(200, rotate(http.login(admin, PASSWORD)).statusCode());
    HttpResponse<String> changed = conditionalJwks(etag);
    assertEquals(200, changed.statusCode(), "a new key set has a new tag");
    assertNotEquals(etag, changed.headers().firstValue("ETag").orElse(""));
  }

  private HttpResponse<String> conditionalJwks(String etag) {
    return http.exchange(
        http.request(".well-known/jwks.json").header("If-None-Match", etag).GET().build());
  }

  private HttpResponse<String> rotate(String bearer) {
    return http.exchange(
        http.request("admin/keys/rotate")
            .header("Authorization", "Bearer " + bearer)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private HttpResponse<String> importKey(String bearer, String body) {
    return http.postJson("admin/keys", body, bearer);
  }

  private HttpResponse<String> withdraw(String bearer, String kid) {
    return http.delete("admin/keys/" + kid, bearer);
  }

  private List<JsonObject> keys(String adminToken) {
    HttpResponse<String> response = http.get("admin/keys", adminToken);
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response).getJsonArray("keys").getValuesAs(JsonObject.class);
  }

  private static JsonObject find(List<JsonObject> keys, String kid) {
    return keys.stream()
        .filter(key -> kid.equals(key.getString("kid")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kid + " is not listed: " + keys));
  }
}
