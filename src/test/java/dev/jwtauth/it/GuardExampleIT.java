package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The example resource service (examples/notes: a WAR with the guard library and nothing else of
 * ours), started beside the suite's token service on the same kind of server: it accepts the
 * service's tokens, and refuses each within a second of its logout, password change, admin revoke,
 * user deletion or RFC 7009 revocation at the service — from the revocation feed, with no call to
 * the service on the request path.
 */
class GuardExampleIT extends ServiceIT {

  private ServiceProcess notes;
  private ServiceProcess peer;
  private TcpForwarder feed;
  private ExternalIssuer shop;
  private KeycloakServer keycloak;
  private Http notesHttp;
  private String adminToken;

  /**
   * Each test's own example; the one of a test named "...FailsClosed..." fails closed, and a test
   * named "...SecondTokenService..." gets a second token service, trusted by the example, and one
   * named "...Keycloak..." a Keycloak, trusted by the example.
   */
  @BeforeEach
  void startTheExample(TestInfo test) throws Exception {
    String admin = "guard-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    adminToken = http.login(admin, PASSWORD);
    Http.FeedClient client = http.registerFeedClient("notes-", adminToken);

    File projectDir = new File(System.getProperty("project.dir", "."));
    File war = new File(projectDir, "examples/notes/target/notes.war");
    assertTrue(war.isFile(), "the example is built before the service: " + war);
    URI serviceBase = http.uri("/");
    Map<String, String> environment = new HashMap<>();
    environment.put("AUTH_WAR", war.getAbsolutePath());
    environment.put("AUTH_READY_TEXT", "Guard ready for");
    environment.put("JWTAUTH_GUARD_ISSUER", SharedService.ENVIRONMENT.get("AUTH_ISSUER"));
    environment.put("JWTAUTH_GUARD_AUDIENCE", "api");
    environment.put(
        "JWTAUTH_GUARD_JWKS_URI", serviceBase.resolve(".well-known/jwks.json").toString());
    // The feed through a forwarder the test can close: the service taken away from the example.
    feed = new TcpForwarder(serviceBase.getPort());
    environment.put(
        "JWTAUTH_GUARD_REVOCATION_FEED_URI",
        "http://127.0.0.1:" + feed.port() + "/oauth2/revocations");
    environment.put("JWTAUTH_GUARD_REVOCATION_FEED_MAX_LAG", "2s");
    boolean failClosed =
        test.getTestMethod().map(method -> method.getName().contains("FailsClosed")).orElse(false);
    environment.put("JWTAUTH_GUARD_REVOCATION_FEED_FAIL_CLOSED", Boolean.toString(failClosed));
    // A second issuer, trusted by configuration: keys from its discovery document, roles from
    // realm_access.roles, its own audience.
    shop = new ExternalIssuer();
    environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS", "shop");
    environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_SHOP_ISSUER", shop.issuer());
    environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_SHOP_AUDIENCE", "notes");
    environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_SHOP_ROLES_CLAIM", "/realm_access/roles");
    if (test.getTestMethod().map(m -> m.getName().contains("SecondTokenService")).orElse(false)) {
      peer = startThePeerService(projectDir, serviceBase);
      // Discovery from the peer's issuer; its tokens' audience and groups as the service's.
      environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS", "shop,peer");
      environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_PEER_ISSUER", peerIssuer());
      environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_PEER_AUDIENCE", "api");
    }
    if (test.getTestMethod().map(m -> m.getName().contains("Keycloak")).orElse(false)) {
      keycloak =
          KeycloakServer.start(
              new File(
                  projectDir, "target/guard-example-it/keycloak-" + System.currentTimeMillis()));
      // The settings a Keycloak realm needs: discovery from its issuer, its roles' place.
      environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS", "shop,keycloak");
      environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_KEYCLOAK_ISSUER", keycloak.issuer());
      environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_KEYCLOAK_AUDIENCE", "notes");
      environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_KEYCLOAK_ROLES_CLAIM", "/realm_access/roles");
    }
    environment.put("JWTAUTH_GUARD_REVOCATION_FEED_CLIENT_ID", client.id());
    environment.put("JWTAUTH_GUARD_REVOCATION_FEED_CLIENT_SECRET", client.secret());
    File workDir = new File(projectDir, "target/guard-example-it/" + System.currentTimeMillis());
    notes = ServiceProcess.start(workDir, "notes", environment);
    notesHttp = new Http(notes.baseUrl()).withHealthAt(notes.healthUri("/"));
    Poll.until(
        "the example to answer (see " + workDir + ")",
        Duration.ofMinutes(3),
        Duration.ofMillis(200),
        () -> {
          try {
            return notesHttp.get("notes").statusCode();
          } catch (RuntimeException e) {
            return -1;
          }
        },
        status -> status == 401);
    if (peer != null) {
      peer.awaitReady();
    }
  }

  /**
   * A second instance of the token service, with its own issuer, database and keys, that trusts the
   * suite's service as an external issuer: the service's own mechanism with a trusted issuer.
   */
  private static ServiceProcess startThePeerService(File projectDir, URI serviceBase)
      throws Exception {
    File workDir =
        new File(projectDir, "target/guard-example-it/peer-" + System.currentTimeMillis());
    int port = ServiceProcess.freePort();
    Map<String, String> environment = new HashMap<>(SharedService.ENVIRONMENT);
    environment.put("AUTH_WAR", SharedService.exportWar(workDir).getAbsolutePath());
    environment.put("AUTH_ISSUER", "http://127.0.0.1:" + port);
    environment.put("AUTH_DB_URL", "jdbc:h2:mem:peer;DB_CLOSE_DELAY=-1");
    environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS", "partner");
    environment.put(
        "JWTAUTH_GUARD_TRUSTED_ISSUERS_PARTNER_ISSUER",
        SharedService.ENVIRONMENT.get("AUTH_ISSUER"));
    environment.put("JWTAUTH_GUARD_TRUSTED_ISSUERS_PARTNER_AUDIENCE", "api");
    environment.put(
        "JWTAUTH_GUARD_TRUSTED_ISSUERS_PARTNER_JWKS_URI",
        serviceBase.resolve(".well-known/jwks.json").toString());
    // Not awaited here: it boots while the example does (the example fetches its keys when it
    // answers, and tries again until then).
    return ServiceProcess.start(workDir, "peer", environment, port);
  }

  private String peerIssuer() {
    return "http://127.0.0.1:" + peer.port;
  }

  @AfterEach
  void stopTheExample() throws Exception {
    if (notes != null) {
      notes.close();
    }
    if (peer != null) {
      peer.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
    if (feed != null) {
      feed.close();
    }
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  void theExampleTrustsTheServicesTokensAndFollowsEveryKindOfRevocation() throws Exception {
    List<Long> delays = Collections.synchronizedList(new ArrayList<>());

    String user = "notes-user-" + UUID.randomUUID();
    String userId = http.createUser(user, PASSWORD, "user");
    String access = http.login(user, PASSWORD);
    HttpResponse<String> listed = notesHttp.get("notes", access);
    assertEquals(200, listed.statusCode(), listed.body());
    assertEquals(user, Http.json(listed).getString("owner"));
    HttpResponse<String> added =
        notesHttp.exchange(
            notesHttp
                .request("notes")
                .header("Authorization", "Bearer " + access)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("buy milk"))
                .build());
    assertEquals(201, added.statusCode(), added.body());
    assertEquals(
        "buy milk", Http.json(notesHttp.get("notes", access)).getJsonArray("notes").getString(0));
    HttpResponse<String> none = notesHttp.get("notes");
    assertEquals(401, none.statusCode());
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    HttpResponse<String> forged =
        notesHttp.get("notes", access.substring(0, access.length() - 4) + "AAAA");
    assertEquals(401, forged.statusCode());

    String changed = PASSWORD + "-changed";
    String passwordChange =
        "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + changed + "\"}";
    refusedSoonAfter(
        "a logout",
        delays,
        user,
        PASSWORD,
        token -> assertStatus(204, post("auth/logout", token, null)));
    refusedSoonAfter(
        "a password change",
        delays,
        user,
        PASSWORD,
        token -> assertStatus(204, post("api/me/password", token, passwordChange)));
    refusedSoonAfter(
        "an RFC 7009 revocation",
        delays,
        user,
        changed,
        token ->
            assertStatus(
                200, http.postForm("oauth2/revoke", null, "token", token, "client_id", "web")));
    refusedSoonAfter(
        "an admin revoke",
        delays,
        user,
        changed,
        token -> assertStatus(204, post("admin/users/" + userId + "/revoke", adminToken, null)));
    refusedSoonAfter(
        "the user's deletion",
        delays,
        user,
        changed,
        token -> assertStatus(204, http.delete("admin/users/" + userId, adminToken)));

    // The promise's figure (docs/benchmarks.md): 50 logouts, each from the service's 204 to the
    // example's first 401.
    String measured = "notes-measured-" + UUID.randomUUID();
    http.createUser(measured, PASSWORD, "user");
    List<Long> logouts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      refusedSoonAfter(
          "logout " + i,
          logouts,
          measured,
          PASSWORD,
          token -> assertStatus(204, post("auth/logout", token, null)));
    }
    Collections.sort(logouts);
    System.out.println(
        "50 logouts reached the example after (ms): p50 "
            + logouts.get(24)
            + ", p99 (the largest of 50) "
            + logouts.get(49)
            + "; all "
            + logouts);

    HttpResponse<String> ready = readiness();
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("jwt-guard"), ready.body());

    aSecondIssuerIsTrustedByConfigurationWithItsOwnKeysOnly();

    // A flood of tokens naming made-up keys: refused, and at most one JWKS fetch for all of them
    // (one per jwtauth.guard.jwks.min-refetch-interval, 10 s; the flood takes less).
    long fetchesBefore = jwksFetches();
    long floodStarted = System.nanoTime();
    String forgedPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"iss\":\""
                        + SharedService.ENVIRONMENT.get("AUTH_ISSUER")
                        + "\",\"sub\":\"x\",\"aud\":\"api\"}")
                    .getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 1000; i++) {
      String header =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}")
                      .getBytes(StandardCharsets.UTF_8));
      assertEquals(
          401, notesHttp.get("notes", header + "." + forgedPayload + ".AAAA").statusCode());
    }
    long floodSeconds = Duration.ofNanos(System.nanoTime() - floodStarted).toSeconds();
    // A fetch may still be under way: it can only make the count read here smaller.
    long fetches = jwksFetches() - fetchesBefore;
    assertTrue(
        fetches <= 1 + floodSeconds / 10,
        "1000 unknown kids in " + floodSeconds + " s fetched the keys " + fetches + " times");
    System.out.println("1000 unknown kids fetched the keys " + fetches + " time(s)");

    // The service out of reach: the example keeps accepting valid tokens from what it holds, and
    // its readiness goes DOWN once the feed has been silent for the max lag (2 s here).
    String valid = http.login(measured, PASSWORD);
    try (ServerJmx jmx = ServerJmx.of(notes)) {
      ObjectName status = jmx.only("dev.jwtauth.guard:type=Guard,*");
      assertEquals(true, jmx.attribute(status, "RevocationFeedCurrent"));
      long lag = (Long) jmx.attribute(status, "RevocationFeedLagMillis");
      assertTrue(lag < 2000, "the lag in JMX while the feed answers: " + lag);
    }
    feed.close();
    HttpResponse<String> down =
        Poll.until(
            "the example's readiness to go DOWN without the feed",
            Duration.ofSeconds(20),
            Duration.ofMillis(100),
            () -> readiness(),
            answer -> answer.statusCode() == 503);
    assertTrue(down.body().contains("jwt-guard"), down.body());
    assertEquals(200, notesHttp.get("notes", valid).statusCode(), "still served without the feed");
    try (ServerJmx jmx = ServerJmx.of(notes)) {
      ObjectName status = jmx.only("dev.jwtauth.guard:type=Guard,*");
      assertEquals(false, jmx.attribute(status, "RevocationFeedCurrent"));
      long lag = (Long) jmx.attribute(status, "RevocationFeedLagMillis");
      assertTrue(lag >= 2000, "the lag in JMX, past the max lag of 2 s: " + lag);
      assertTrue((Integer) jmx.attribute(status, "Revocations") >= 1);
      assertTrue((Integer) jmx.attribute(status, "Keys") >= 1);
      assertTrue((Long) jmx.attribute(status, "JwksFetches") >= 1);
    }
    System.out.println(
        "The example refused each token this long after the service's answer (ms): " + delays);
  }

  /**
   * With {@code fail-closed}, a guard that has lost the feed for longer than the max lag refuses
   * every token, valid or not, until the feed answers again; readiness is DOWN meanwhile.
   */
  @Test
  void aGuardThatFailsClosedRefusesEveryTokenOnceTheFeedIsGone() {
    String user = "closed-" + UUID.randomUUID();
    http.createUser(user, PASSWORD, "user");
    String valid = http.login(user, PASSWORD);
    assertStatus(200, notesHttp.get("notes", valid));
    feed.close();
    HttpResponse<String> refused =
        Poll.until(
            "the example to refuse a valid token without the feed",
            Duration.ofSeconds(20),
            Duration.ofMillis(100),
            () -> notesHttp.get("notes", valid),
            answer -> answer.statusCode() == 401);
    assertTrue(
        refused.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"),
        refused.headers().map().toString());
    assertTrue(refused.body().contains("Revocation state unavailable"), refused.body());
    assertEquals(503, readiness().statusCode());
  }

  /**
   * Rule 5.5 with two instances of the token service, each with its own issuer and keys: the
   * example trusts both; the second service trusts the first. Each accepts the other's tokens with
   * its groups as roles, and refuses a token that claims one service but is signed by the other.
   */
  @Test
  void aSecondTokenServiceIsTrustedByTheExampleAndTrustsTheFirst() {
    Http peerHttp = peer.http;
    String peerAccess = peerHttp.login("alice", "alice-password");
    assertEquals(peerIssuer(), Http.claims(peerAccess).getString("iss"));
    HttpResponse<String> accepted =
        Poll.until(
            "the example to have the second service's keys",
            Duration.ofSeconds(30),
            Duration.ofMillis(100),
            () -> notesHttp.get("notes", peerAccess),
            answer -> answer.statusCode() != 401);
    assertEquals(200, accepted.statusCode(), accepted.body());
    assertEquals("alice", Http.json(accepted).getString("owner"));

    // The second service's own mechanism trusts the first service's tokens, roles from groups.
    String user = "peer-visitor-" + UUID.randomUUID();
    http.createUser(user, PASSWORD, "user");
    String access = http.login(user, PASSWORD);
    HttpResponse<String> me =
        Poll.until(
            "the second service to have the first one's keys",
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            () -> peerHttp.get("api/me", access),
            answer -> answer.statusCode() != 401);
    assertEquals(200, me.statusCode(), me.body());
    assertEquals(user, Http.json(me).getString("username"));
    assertStatus(200, peerHttp.get("api/tasks", access), "a user-role resource of the second");
    assertStatus(403, peerHttp.get("admin/users", access), "an admin resource of the second");

    // Each service's key proves only its own issuer: minted by one, claiming the other.
    String claimingTheFirst = mint(peerHttp, SharedService.ENVIRONMENT.get("AUTH_ISSUER"));
    String claimingTheSecond = mint(http, peerIssuer());
    assertStatus(401, notesHttp.get("notes", claimingTheFirst), "the second's key, first's iss");
    assertStatus(401, notesHttp.get("notes", claimingTheSecond), "the first's key, second's iss");
    assertStatus(401, peerHttp.get("api/me", claimingTheFirst), "at the second service");
    assertStatus(401, peerHttp.get("api/me", claimingTheSecond), "at the second service");
    assertStatus(
        200,
        notesHttp.get("notes", mint(http, SharedService.ENVIRONMENT.get("AUTH_ISSUER"))),
        "a minted token of the first, as a control");

    // The second service revokes one of the first service's tokens by its jti: refused there.
    String peerAdmin = peerHttp.login("admin", "admin-password");
    assertStatus(
        204,
        peerHttp.postJson(
            "admin/revocations",
            "{\"issuer\":\""
                + SharedService.ENVIRONMENT.get("AUTH_ISSUER")
                + "\",\"jti\":\""
                + Http.claims(access).getString("jti")
                + "\"}",
            peerAdmin));
    assertStatus(401, peerHttp.get("api/me", access), "revoked at the second service");
    assertStatus(200, http.get("api/me", access), "still valid at its own issuer");
  }

  /**
   * Keycloak 26 as a trusted issuer (outside CI: {@code -Pkeycloak}, which unpacks Keycloak and
   * needs a JDK 21+ beside the default one): its users' tokens accepted with their realm roles, a
   * user without the role forbidden, a token claiming the realm but signed by another key refused,
   * and a Keycloak token revoked at the token service refused by the example.
   */
  @Test
  @Tag("keycloak")
  void aKeycloakRealmIsTrustedByConfiguration() throws Exception {
    keycloak.user("kc-alice", "kc-alice-password", true);
    keycloak.user("kc-bob", "kc-bob-password", false);
    String alice = keycloak.accessToken("kc-alice", "kc-alice-password");
    HttpResponse<String> accepted =
        Poll.until(
            "the example to have Keycloak's keys",
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            () -> notesHttp.get("notes", alice),
            answer -> answer.statusCode() != 401);
    assertEquals(200, accepted.statusCode(), accepted.body());
    assertEquals("kc-alice", Http.json(accepted).getString("owner"));
    assertStatus(
        403,
        notesHttp.get("notes", keycloak.accessToken("kc-bob", "kc-bob-password")),
        "a Keycloak user without the realm role user");

    String claimingKeycloak = shop.token(keycloak.issuer(), "notes", "kc-alice", List.of("user"));
    assertStatus(401, notesHttp.get("notes", claimingKeycloak), "Keycloak's iss, another key");
    String claimingTheShop = shop.token(shop.issuer(), "notes", "kc-alice", List.of("user"));
    assertStatus(200, notesHttp.get("notes", claimingTheShop), "the other issuer, as a control");

    assertStatus(
        204,
        http.postJson(
            "admin/revocations",
            "{\"issuer\":\""
                + keycloak.issuer()
                + "\",\"jti\":\""
                + Http.claims(alice).getString("jti")
                + "\"}",
            adminToken));
    awaitRefused(alice, "the Keycloak token revoked by its jti");
  }

  /** A token signed by the service behind {@code signer} that claims {@code issuer}. */
  private static String mint(Http signer, String issuer) {
    long now = System.currentTimeMillis() / 1000;
    HttpResponse<String> minted =
        signer.postJson(
            "test-support/mint",
            "{\"iss\":\""
                + issuer
                + "\",\"sub\":\"x\",\"aud\":\"api\",\"jti\":\""
                + UUID.randomUUID()
                + "\",\"iat\":"
                + now
                + ",\"exp\":"
                + (now + 300)
                + ",\"client_id\":\"web\",\"scope\":\"tasks:read\",\"groups\":[\"user\"],\"upn\":\"minted\"}");
    assertEquals(200, minted.statusCode(), minted.body());
    return minted.body();
  }

  /**
   * Rule 5.5 in the example: the second issuer's tokens are accepted with their roles mapped; a
   * token claiming one issuer but signed with the other's key is refused, either way round.
   */
  private void aSecondIssuerIsTrustedByConfigurationWithItsOwnKeysOnly() throws Exception {
    String customer = shop.token(shop.issuer(), "notes", "kc-customer", List.of("user"));
    HttpResponse<String> mine =
        Poll.until(
            "the example to have the second issuer's keys",
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            () -> notesHttp.get("notes", customer),
            answer -> answer.statusCode() != 401);
    assertEquals(200, mine.statusCode(), mine.body());
    assertEquals("kc-customer", Http.json(mine).getString("owner"));
    assertStatus(
        403,
        notesHttp.get("notes", shop.token(shop.issuer(), "notes", "kc-guest", List.of("guest"))));
    assertStatus(
        401,
        notesHttp.get("notes", shop.token(shop.issuer(), "api", "kc-customer", List.of("user"))));

    String claimingTheService =
        shop.token(
            SharedService.ENVIRONMENT.get("AUTH_ISSUER"), "api", "kc-customer", List.of("user"));
    assertStatus(401, notesHttp.get("notes", claimingTheService));
    long now = System.currentTimeMillis() / 1000;
    String claimingTheShop =
        http.postJson(
                "test-support/mint",
                "{\"iss\":\""
                    + shop.issuer()
                    + "\",\"sub\":\"x\",\"aud\":\"notes\",\"jti\":\""
                    + UUID.randomUUID()
                    + "\",\"iat\":"
                    + now
                    + ",\"exp\":"
                    + (now + 300)
                    + ",\"realm_access\":{\"roles\":[\"user\"]}}")
            .body();
    assertStatus(401, notesHttp.get("notes", claimingTheShop));

    // Revoked at the service, refused by the example: one of its tokens by jti, then its user.
    String subject = UUID.randomUUID().toString();
    String first = shop.token(shop.issuer(), "notes", subject, "kc-revoked", List.of("user"));
    String secondToken = shop.token(shop.issuer(), "notes", subject, "kc-revoked", List.of("user"));
    assertStatus(200, notesHttp.get("notes", first));
    assertStatus(200, notesHttp.get("notes", secondToken));
    assertStatus(
        204,
        http.postJson(
            "admin/revocations",
            "{\"issuer\":\""
                + shop.issuer()
                + "\",\"jti\":\""
                + Http.claims(first).getString("jti")
                + "\"}",
            adminToken));
    awaitRefused(first, "the external token revoked by its jti");
    assertStatus(200, notesHttp.get("notes", secondToken));
    Poll.untilTheSecondAfter(Http.claims(secondToken).getJsonNumber("iat").longValue());
    assertStatus(
        204,
        http.postJson(
            "admin/revocations",
            "{\"issuer\":\"" + shop.issuer() + "\",\"subject\":\"" + subject + "\"}",
            adminToken));
    long revokedAt = System.currentTimeMillis() / 1000;
    awaitRefused(secondToken, "the external user revoked by (iss, sub)");
    Poll.untilTheSecondAfter(revokedAt);
    assertStatus(
        200,
        notesHttp.get(
            "notes", shop.token(shop.issuer(), "notes", subject, "kc-revoked", List.of("user"))),
        "a token issued after the revocation");
  }

  private void awaitRefused(String token, String what) {
    Poll.until(
        "the example to refuse " + what,
        Duration.ofSeconds(5),
        Duration.ofMillis(10),
        () -> notesHttp.get("notes", token).statusCode(),
        status -> status == 401);
  }

  /**
   * A fresh token of the user, accepted by the example, then refused within the bound of the act.
   */
  private void refusedSoonAfter(
      String act, List<Long> delays, String user, String password, Consumer<String> revoke) {
    String token = http.login(user, password);
    assertEquals(200, notesHttp.get("notes", token).statusCode(), "accepted before " + act);
    revoke.accept(token);
    long revoked = System.nanoTime();
    Poll.until(
        "the example to refuse the token after " + act,
        Duration.ofSeconds(5),
        Duration.ofMillis(10),
        () -> notesHttp.get("notes", token).statusCode(),
        status -> status == 401);
    delays.add((System.nanoTime() - revoked) / 1_000_000);
  }

  /**
   * The example's JWKS fetches so far (Payara writes health data as strings, WildFly as numbers).
   */
  private long jwksFetches() {
    return Long.parseLong(guardData().get("jwks_fetches").toString().replace("\"", ""));
  }

  private HttpResponse<String> readiness() {
    return notesHttp.exchange(
        HttpRequest.newBuilder(notesHttp.healthUri("/health/ready")).GET().build());
  }

  /** The data of the example's readiness check jwt-guard. */
  private JsonObject guardData() {
    HttpResponse<String> ready = readiness();
    return Http.json(ready).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> "jwt-guard".equals(check.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no jwt-guard check: " + ready.body()))
        .getJsonObject("data");
  }

  private static void assertStatus(int expected, HttpResponse<String> answer) {
    assertEquals(expected, answer.statusCode(), answer.body());
  }

  private static void assertStatus(int expected, HttpResponse<String> answer, String what) {
    assertEquals(expected, answer.statusCode(), what + ": " + answer.body());
  }

  private HttpResponse<String> post(String path, String bearer, String json) {
    return http.call("POST", path, bearer, json);
  }
}
