package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Refresh tokens and sessions through HTTP against the real WAR; each test makes its own user. */
@Tag("sql")
class RefreshFlowIT extends ServiceIT {

  private static final String PASSWORD = "correct-horse-battery";

  String username;

  @BeforeEach
  void user() {
    username = "u-" + UUID.randomUUID();
    http.createUser(username, PASSWORD, "user");
  }

  @Test
  void loginReturnsARefreshTokenAndAnAccessTokenCarryingTheSession() throws Exception {
    JsonObject tokens = http.loginResponse(username, PASSWORD);
    // 256 random bits, then the tag: "." and 54 characters (RefreshTokenTags).
    assertTrue(
        tokens.getString("refresh_token").matches("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{54}"),
        tokens.getString("refresh_token"));
    assertEquals(7 * 24 * 3600, tokens.getJsonNumber("refresh_expires_in").longValue(), 5);
    String sid = sid(tokens);
    JsonArray sessions =
        Http.parse(http.get("api/me/sessions", tokens.getString("access_token")).body())
            .asJsonArray();
    assertEquals(1, sessions.size());
    JsonObject session = sessions.getJsonObject(0);
    assertEquals(sid, session.getString("id"));
    assertEquals("web", session.getString("client_id"));
    assertTrue(session.getBoolean("current"));
    for (String time : List.of("created_at", "last_used_at", "expires_at")) {
      OffsetDateTime.parse(session.getString(time)); // RFC 3339
    }
  }

  @Test
  void refreshRotatesTheOldTokenStopsWorkingTheNewOneWorks() throws Exception {
    JsonObject first = http.loginResponse(username, PASSWORD);
    HttpResponse<String> refreshed = refresh(first.getString("refresh_token"));
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    assertEquals("no-store", refreshed.headers().firstValue("Cache-Control").orElse(""));
    JsonObject second = Http.json(refreshed);
    assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
    assertEquals(sid(first), sid(second), "the new access token belongs to the same session");
    assertEquals(200, http.get("api/me", second.getString("access_token")).statusCode());

    JsonObject third = Http.json(refresh(second.getString("refresh_token")));
    assertNotNull(third.getString("access_token"));
  }

  @Test
  void reusingARotatedTokenRevokesTheWholeSession() {
    JsonObject first = http.loginResponse(username, PASSWORD);
    String stolen = first.getString("refresh_token");
    JsonObject second = Http.json(refresh(stolen));
    // The legitimate client has its answer and refreshes again: the stolen token is now a replay
    // (within the retry window too, since its successor was used).
    JsonObject third = Http.json(refresh(second.getString("refresh_token")));

    HttpResponse<String> replay = refresh(stolen);
    assertInvalidGrant(replay);
    // The family is dead: the legitimate newest token no longer works either.
    assertInvalidGrant(refresh(third.getString("refresh_token")));
    JsonObject state = sessionState(sid(first));
    assertTrue(state.getBoolean("revoked"));
    assertTrue(state.getJsonArray("active_hashes").isEmpty());
  }

  /**
   * The answer to a refresh was lost (a node died, the connection broke) and the client presents
   * the same token again at once: it gets the same successor, with a new access token, and the
   * session lives. Before, this was reuse and the session was revoked.
   */
  @Test
  void aRetriedRefreshGetsTheSameSuccessorAndTheSessionLives() throws Exception {
    JsonObject first = http.loginResponse(username, PASSWORD);
    String presented = first.getString("refresh_token");
    HttpResponse<String> lost = refresh(presented);
    assertEquals(200, lost.statusCode(), lost.body());
    String successor = Http.json(lost).getString("refresh_token");

    HttpResponse<String> retried = refresh(presented);
    assertEquals(200, retried.statusCode(), "a retry is not reuse: " + retried.body());
    JsonObject again = Http.json(retried);
    assertEquals(successor, again.getString("refresh_token"), "the same successor");
    assertEquals(sid(first), sid(again));
    assertNotEquals(
        Http.claims(Http.json(lost).getString("access_token")).getString("jti"),
        Http.claims(again.getString("access_token")).getString("jti"),
        "a fresh access token");
    assertEquals(200, http.get("api/me", again.getString("access_token")).statusCode());
    JsonObject state = sessionState(sid(first));
    assertFalse(state.getBoolean("revoked"));
    assertEquals(List.of(sha256(successor)), activeHashes(state));
    assertEquals(1, state.getInt("rotated"), "a retry rotates nothing");

    HttpResponse<String> next = refresh(successor);
    assertEquals(200, next.statusCode(), "the successor works: " + next.body());
    // Its successor used, the first token presented again is a replay: the family dies.
    assertInvalidGrant(refresh(presented));
    assertInvalidGrant(refresh(Http.json(next).getString("refresh_token")));
    assertTrue(sessionState(sid(first)).getBoolean("revoked"));
  }

  @Test
  void logoutEndsTheSession() {
    JsonObject tokens = http.loginResponse(username, PASSWORD);
    HttpResponse<String> logout =
        http.exchange(
            http.request("auth/logout")
                .header("Authorization", "Bearer " + tokens.getString("access_token"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(204, logout.statusCode(), logout.body());
    assertInvalidGrant(refresh(tokens.getString("refresh_token")));
  }

  @Test
  void thePurgeDeletesRevokedSessionsAndTheirTokens() {
    JsonObject ended = http.loginResponse(username, PASSWORD);
    JsonObject live = http.loginResponse(username, PASSWORD);
    http.exchange(
        http.request("auth/logout")
            .header("Authorization", "Bearer " + ended.getString("access_token"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
    assertTrue(sessionState(sid(ended)).getBoolean("exists"));

    HttpResponse<String> purged =
        http.exchange(
            http.request("test-support/purge").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, purged.statusCode(), purged.body());
    assertTrue(Integer.parseInt(purged.body()) >= 2, "the session and its token: " + purged.body());
    assertFalse(sessionState(sid(ended)).getBoolean("exists"));
    assertTrue(sessionState(sid(live)).getBoolean("exists"), "live sessions stay");
    assertEquals(200, refresh(live.getString("refresh_token")).statusCode());
  }

  @Test
  void logoutWithoutCredentialsIsUnauthorized() {
    HttpResponse<String> logout =
        http.exchange(
            http.request("auth/logout").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(401, logout.statusCode());
    assertTrue(
        logout.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm="));
  }

  @Test
  void deletingAnotherOfOnesOwnSessionsEndsOnlyThatOne() {
    JsonObject laptop = http.loginResponse(username, PASSWORD);
    JsonObject phone = http.loginResponse(username, PASSWORD);
    JsonArray sessions =
        Http.parse(http.get("api/me/sessions", laptop.getString("access_token")).body())
            .asJsonArray();
    assertEquals(2, sessions.size());

    HttpResponse<String> delete =
        http.exchange(
            http.request("api/me/sessions/" + sid(phone))
                .header("Authorization", "Bearer " + laptop.getString("access_token"))
                .DELETE()
                .build());
    assertEquals(204, delete.statusCode(), delete.body());
    assertInvalidGrant(refresh(phone.getString("refresh_token")));
    assertEquals(200, refresh(laptop.getString("refresh_token")).statusCode());
  }

  @Test
  void anotherUsersSessionIsNotFound() {
    JsonObject mine = http.loginResponse(username, PASSWORD);
    String other = "u-" + UUID.randomUUID();
    http.createUser(other, PASSWORD, "user");
    JsonObject theirs = http.loginResponse(other, PASSWORD);

    HttpResponse<String> delete =
        http.exchange(
            http.request("api/me/sessions/" + sid(theirs))
                .header("Authorization", "Bearer " + mine.getString("access_token"))
                .DELETE()
                .build());
    assertEquals(404, delete.statusCode());
    assertEquals("not_found", Http.json(delete).getString("error"));
    assertEquals(
        200, refresh(theirs.getString("refresh_token")).statusCode(), "their session is untouched");
  }

  @Test
  void changingThePasswordEndsEverySession() {
    JsonObject a = http.loginResponse(username, PASSWORD);
    JsonObject b = http.loginResponse(username, PASSWORD);
    HttpResponse<String> weak = changePassword(a.getString("access_token"), PASSWORD, "short");
    assertEquals(400, weak.statusCode());
    HttpResponse<String> wrong =
        changePassword(a.getString("access_token"), "not-the-password", "a-brand-new-password");
    assertEquals(403, wrong.statusCode());

    HttpResponse<String> changed =
        changePassword(a.getString("access_token"), PASSWORD, "a-brand-new-password");
    assertEquals(204, changed.statusCode(), changed.body());
    assertInvalidGrant(refresh(a.getString("refresh_token")));
    assertInvalidGrant(refresh(b.getString("refresh_token")));
    assertEquals(401, http.postJson("auth/login", credentials(username, PASSWORD)).statusCode());
    assertEquals(
        200,
        http.postJson("auth/login", credentials(username, "a-brand-new-password")).statusCode());
  }

  @Test
  void cookieModeNeedsTheCsrfHeader() {
    HttpResponse<String> login =
        http.postJson(
            "auth/login",
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", PASSWORD)
                .add("token_delivery", "cookie")
                .build()
                .toString());
    assertEquals(200, login.statusCode(), login.body());
    assertFalse(
        Http.json(login).containsKey("refresh_token"), "the refresh token is not in the body");
    Map<String, String> cookies = Http.cookies(login);
    String refreshCookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-refresh_token="))
            .findFirst()
            .orElseThrow();
    for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Strict", "Path=/")) {
      assertTrue(refreshCookie.toLowerCase().contains(attribute.toLowerCase()), refreshCookie);
    }
    String cookieHeader =
        "__Host-refresh_token="
            + cookies.get("__Host-refresh_token")
            + "; csrf_token="
            + cookies.get("csrf_token");

    HttpResponse<String> withoutCsrf =
        http.exchange(
            http.request("auth/refresh")
                .header("Cookie", cookieHeader)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(403, withoutCsrf.statusCode());
    assertEquals("csrf", Http.json(withoutCsrf).getString("error"));
    HttpResponse<String> wrongCsrf =
        http.exchange(
            http.request("auth/refresh")
                .header("Cookie", cookieHeader)
                .header("X-CSRF-Token", "guess")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(403, wrongCsrf.statusCode());

    HttpResponse<String> refreshed =
        http.exchange(
            http.request("auth/refresh")
                .header("Cookie", cookieHeader)
                .header("X-CSRF-Token", cookies.get("csrf_token"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    Map<String, String> rotated = Http.cookies(refreshed);
    assertNotEquals(
        cookies.get("__Host-refresh_token"),
        rotated.get("__Host-refresh_token"),
        "the cookie rotates");
    assertEquals(
        200, http.get("api/me", Http.json(refreshed).getString("access_token")).statusCode());

    String rotatedHeader =
        "__Host-refresh_token="
            + rotated.get("__Host-refresh_token")
            + "; csrf_token="
            + rotated.get("csrf_token");
    HttpResponse<String> logout =
        http.exchange(
            http.request("auth/logout")
                .header("Cookie", rotatedHeader)
                .header("X-CSRF-Token", rotated.get("csrf_token"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(204, logout.statusCode(), logout.body());
    assertInvalidGrant(refresh(rotated.get("__Host-refresh_token")));
  }

  @Test
  void badRefreshInputIsAJsonClientError() {
    for (String body :
        List.of(
            "{}",
            "{\"refresh_token\":\"\"}",
            "{\"refresh_token\":42}",
            "{oops",
            "{\"refresh_token\":\"" + "x".repeat(5000) + "\"}",
            "")) {
      HttpResponse<String> response = http.postJson("auth/refresh", body);
      assertEquals(400, response.statusCode(), body + " -> " + response.body());
      assertEquals("invalid_request", Http.json(response).getString("error"));
    }
    assertInvalidGrant(refresh("garbage-that-was-never-issued"));
  }

  @Test
  void onlyTheHashIsStored() throws Exception {
    String value = http.loginResponse(username, PASSWORD).getString("refresh_token");
    List<String> stored =
        Http.parse(http.get("test-support/refresh-tokens/stored-values").body())
            .asJsonArray()
            .getValuesAs(JsonString.class)
            .stream()
            .map(JsonString::getString)
            .toList();
    assertTrue(stored.contains(sha256(value)), "the SHA-256 of the token is stored");
    assertTrue(stored.stream().noneMatch(cell -> cell.contains(value)), "the token itself is not");
  }

  /**
   * Sixteen refreshes with one token at once rotate it exactly once, on every database: the
   * conditional update lets one win, and the others — presented once more after the win, or
   * arriving after it — are retries within the window and get the winner's successor. The session
   * is never forked nor revoked.
   */
  @Test
  void concurrentRefreshesWithOneTokenRotateItExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int trial = 0; trial < 20; trial++) {
        JsonObject tokens = http.loginResponse(username, PASSWORD);
        String value = tokens.getString("refresh_token");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return refresh(value);
                  }));
        }
        start.countDown();
        Set<String> successors = new HashSet<>();
        for (Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> response = answer.get();
          assertEquals(200, response.statusCode(), "trial " + trial + ": " + response.body());
          successors.add(Http.json(response).getString("refresh_token"));
        }
        assertEquals(1, successors.size(), "trial " + trial + ": one successor for all");
        JsonObject state = sessionState(sid(tokens));
        assertFalse(state.getBoolean("revoked"), "trial " + trial);
        assertEquals(
            List.of(sha256(successors.iterator().next())),
            activeHashes(state),
            "trial " + trial + ": only the successor is active");
        assertEquals(1, state.getInt("rotated"), "trial " + trial);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefreshedTokenKeepsEveryRoleOfItsUser() {
    String admin = "admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    JsonObject tokens = http.loginResponse(admin, PASSWORD);
    JsonObject second = Http.json(refresh(tokens.getString("refresh_token")));
    JsonObject third = Http.json(refresh(second.getString("refresh_token")));
    for (JsonObject refreshed : List.of(second, third)) {
      assertEquals(
          List.of("admin", "user"),
          Http.claims(refreshed.getString("access_token")).getJsonArray("groups").stream()
              .map(v -> ((JsonString) v).getString())
              .sorted()
              .toList());
    }
  }

  /**
   * The statements one refresh sends to the database (H2's statistics; on PostgreSQL each is one
   * round trip, plus the one commit). The refresh reads the token, its session and its user with
   * their roles in one query, marks the token rotated only if it is still active (the race's single
   * winner), inserts its successor, deletes the session's tokens rotated before the retry window
   * and the reuse grace, records the session's last use and writes its audit row.
   */
  @Test
  void aRefreshSendsSixStatementsInOneTransaction() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        String.valueOf(System.getenv("AUTH_DB_URL")).startsWith("jdbc:postgresql:"),
        "H2's statement statistics");
    JsonObject tokens = http.loginResponse(username, PASSWORD);
    http.exchange(
        http.request("test-support/sql-statistics")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
    assertEquals(200, refresh(tokens.getString("refresh_token")).statusCode());
    JsonObject statistics = Http.json(http.get("test-support/sql-statistics"));
    // The shared-state poll runs every half second beside the refresh; it is not the refresh's.
    Map<String, Integer> refresh =
        statistics.entrySet().stream()
            // Upper case from EclipseLink (Payara), lower case from Hibernate (WildFly).
            .filter(e -> !upper(e.getKey()).contains("SHARED_STATE_VERSIONS"))
            .filter(e -> !upper(e.getKey()).contains("REVOCATIONS"))
            .filter(e -> !upper(e.getKey()).startsWith("SET QUERY_STATISTICS"))
            // Per transaction, and H2's JDBC driver sends the pool's statement timeout as a
            // statement (PostgreSQL's sets it in the driver, no round trip).
            .filter(e -> !upper(e.getKey()).equals("COMMIT"))
            .filter(e -> !upper(e.getKey()).startsWith("SET QUERY_TIMEOUT"))
            .filter(e -> !upper(e.getKey()).contains("INFORMATION_SCHEMA"))
            // H2 answers Connection.getCatalog() with this query once per physical connection (it
            // caches the answer); it shows up only when the pool opens a connection for the
            // refresh.
            .filter(e -> !upper(e.getKey()).equals("CALL DATABASE()"))
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> ((jakarta.json.JsonNumber) e.getValue()).intValue()));
    refresh.forEach((sql, count) -> System.out.println("refresh SQL x" + count + ": " + sql));
    assertEquals(
        6, refresh.values().stream().mapToInt(Integer::intValue).sum(), refresh.toString());
  }

  /**
   * A rotated token's row lasts only as long as the retry window and the reuse grace: the next
   * rotation after that deletes it, so one session refreshed over and over keeps a bounded number
   * of rows. Its replay is still reuse (recognised by the value's tag): the session is revoked.
   */
  @Test
  void aRotatedTokensRowGoesOnceItsWindowsPassAndItsReplayIsStillReuse() {
    JsonObject tokens = http.loginResponse(username, PASSWORD);
    String sid = Http.claims(tokens.getString("access_token")).getString("sid");
    String first = tokens.getString("refresh_token");
    String second = Http.json(refresh(first)).getString("refresh_token");
    String third = Http.json(refresh(second)).getString("refresh_token");
    assertEquals(3, refreshTokenRows(sid), "both rotated tokens kept within the retry window");
    http.exchange(
        http.request("test-support/sessions/" + sid + "/rotated-ago/60")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
    String fourth = Http.json(refresh(third)).getString("refresh_token");
    assertEquals(2, refreshTokenRows(sid), "the rotated tokens past the window are gone");

    HttpResponse<String> replay = refresh(first);
    assertEquals(401, replay.statusCode(), replay.body());
    assertEquals("invalid_grant", Http.json(replay).getString("error"));
    HttpResponse<String> afterReuse = refresh(fourth);
    assertEquals(401, afterReuse.statusCode(), "the session is revoked: " + afterReuse.body());
  }

  /** An altered tag is an unknown token: it revokes nothing. */
  @Test
  void anAlteredTokenRevokesNothing() {
    JsonObject tokens = http.loginResponse(username, PASSWORD);
    String value = tokens.getString("refresh_token");
    String altered =
        value.substring(0, value.length() - 3) + (value.endsWith("AAA") ? "BBB" : "AAA");
    assertEquals(401, refresh(altered).statusCode());
    String random = value.substring(0, value.indexOf('.'));
    assertEquals(401, refresh(random + ".").statusCode());
    assertEquals(200, refresh(value).statusCode(), "the session lives");
  }

  private int refreshTokenRows(String sid) {
    return Integer.parseInt(http.get("test-support/sessions/" + sid + "/refresh-tokens").body());
  }

  private static String upper(String sql) {
    return sql.toUpperCase(java.util.Locale.ROOT);
  }

  private HttpResponse<String> refresh(String refreshToken) {
    return http.postJson(
        "auth/refresh",
        Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString());
  }

  private HttpResponse<String> changePassword(
      String accessToken, String current, String replacement) {
    return http.exchange(
        http.request("api/me/password")
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.createObjectBuilder()
                        .add("current_password", current)
                        .add("new_password", replacement)
                        .build()
                        .toString()))
            .build());
  }

  private JsonObject sessionState(String sid) {
    HttpResponse<String> response = http.get("test-support/sessions/" + sid);
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response);
  }

  private static String credentials(String username, String password) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", password)
        .build()
        .toString();
  }

  private static List<String> activeHashes(JsonObject state) {
    return state.getJsonArray("active_hashes").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static void assertInvalidGrant(HttpResponse<String> response) {
    assertEquals(401, response.statusCode(), response.body());
    assertEquals("invalid_grant", Http.json(response).getString("error"));
  }

  private static String sid(JsonObject tokens) {
    try {
      return SignedJWT.parse(tokens.getString("access_token"))
          .getJWTClaimsSet()
          .getStringClaim("sid");
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static String sha256(String value) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }
}
