package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Brute-force limits (docs/security.md "Brute force") and Argon2id password hashes, through HTTP.
 * The suite trusts the loopback as a proxy (AUTH_TRUSTED_PROXIES in pom.xml), so each test speaks
 * from addresses of its own with X-Forwarded-For.
 */
@Tag("sql")
class ThrottleIT extends ServiceIT {

  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

  String user;
  String userId;

  @BeforeEach
  void user() {
    user = "throttled-" + UUID.randomUUID();
    userId = http.createUser(user, PASSWORD, "user");
  }

  @Test
  void fiveFailuresLockThePairForThatAddressOnly() {
    String attacker = newAddress();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(user, "wrong-password", attacker).statusCode());
    }
    HttpResponse<String> locked = login(user, PASSWORD, attacker);
    assertEquals(429, locked.statusCode(), "even the right password: " + locked.body());
    assertEquals("too_many_attempts", Http.json(locked).getString("error"));
    long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter > 290 && retryAfter <= 300, "five minutes: " + retryAfter);

    HttpResponse<String> grant =
        http.exchange(
            http.request("oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", attacker)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=web&username="
                            + user
                            + "&password="
                            + PASSWORD))
                .build());
    assertEquals(
        429, grant.statusCode(), "the password grant shares the throttle: " + grant.body());
    assertTrue(grant.headers().firstValue("Retry-After").isPresent());

    assertEquals(
        200, login(user, PASSWORD, newAddress()).statusCode(), "another address still logs in");
  }

  /**
   * Two nodes locking one pair at the same instant both insert its lockout: the database keeps one,
   * and the other node's failed login is still answered 401, never a server error. Made certain
   * (PostgreSQL only): the test holds an uncommitted lockout row for the pair, as another node
   * would, so the service's insert waits on it, and commits once it waits.
   */
  @Test
  void aLockoutInsertedElsewhereAtTheSameMomentStillAnswers401() throws Exception {
    String dbUrl = System.getenv("AUTH_DB_URL");
    assumeTrue(dbUrl != null && dbUrl.startsWith("jdbc:postgresql:"), "runs with -Ppostgres only");
    String address = newAddress();
    for (int i = 0; i < 4; i++) {
      assertEquals(401, login(user, "wrong-password", address).statusCode());
    }
    try (Connection otherNode = PostgresTestDatabase.connect(dbUrl)) {
      otherNode.setAutoCommit(false);
      try (PreparedStatement insert =
          otherNode.prepareStatement(
              "INSERT INTO login_lockouts (pair_key, strikes, locked_until) VALUES (?, 1, ?)")) {
        insert.setString(1, pairKey(user, address));
        insert.setLong(2, Instant.now().plus(Duration.ofMinutes(5)).toEpochMilli());
        insert.executeUpdate();
      }
      CompletableFuture<HttpResponse<String>> fifth =
          CompletableFuture.supplyAsync(() -> login(user, "wrong-password", address));
      PostgresTestDatabase.awaitStatementWaitingOnALock(
          dbUrl, "insert into login_lockouts%", Duration.ofSeconds(30));
      otherNode.commit();
      HttpResponse<String> answer = fifth.get(30, TimeUnit.SECONDS);
      assertEquals(401, answer.statusCode(), answer.body());
    }
    assertEquals(
        429, login(user, PASSWORD, address).statusCode(), "the other node's lockout stands");
  }

  /** The throttle's key of a pair (LoginThrottle.pairKey), to stand in for another node. */
  private static String pairKey(String username, String address) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(
                (username.toLowerCase(Locale.ROOT) + "\n" + address)
                    .getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  @Test
  void unknownUsernamesAreCountedAlike() {
    String address = newAddress();
    String nobody = "nobody-" + UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(nobody, "guess-" + i, address).statusCode());
    }
    assertEquals(429, login(nobody, "guess-5", address).statusCode());
  }

  @Test
  void aSuccessfulLoginForgetsEarlierFailures() {
    String address = newAddress();
    for (int i = 0; i < 4; i++) {
      assertEquals(401, login(user, "wrong-password", address).statusCode());
    }
    assertEquals(200, login(user, PASSWORD, address).statusCode());
    for (int i = 0; i < 4; i++) {
      assertEquals(401, login(user, "wrong-password", address).statusCode());
    }
    assertEquals(200, login(user, PASSWORD, address).statusCode(), "the count started afresh");
  }

  @Test
  void oneAddressIsLimitedToAHundredFailuresAMinute() {
    String address = newAddress();
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> failed = login("spray-" + i + "-" + UUID.randomUUID(), "x", address);
      assertEquals(401, failed.statusCode(), "attempt " + i + ": " + failed.body());
    }
    HttpResponse<String> refused = login(user, PASSWORD, address);
    assertEquals(429, refused.statusCode(), refused.body());
    assertEquals(200, login(user, PASSWORD, newAddress()).statusCode());
  }

  /**
   * The pair's limit is counted before the hash: twenty wrong passwords at once for a pair one
   * failure short of its lockout compute at most one hash (401); the others are refused (429, or
   * 503 when the hashing slots are full), never hashed.
   */
  @Test
  void aBurstAgainstOnePairHashesNoMoreThanItsLimit() {
    String address = newAddress();
    for (int i = 0; i < 4; i++) {
      assertEquals(401, login(user, "wrong-password", address).statusCode());
    }
    Map<Integer, Long> statuses =
        statuses(
            http.exchangeAllAtOnce(
                java.util.Collections.nCopies(20, loginRequest(user, "wrong", address))));
    assertTrue(statuses.getOrDefault(401, 0L) <= 1, "one failure left: " + statuses);
    assertTrue(Set.of(401, 429, 503).containsAll(statuses.keySet()), statuses.toString());
    assertEquals(429, login(user, PASSWORD, address).statusCode(), "the pair is locked");
  }

  /**
   * The address's limit too: 95 failures, then 40 wrong logins at once (other usernames) compute at
   * most the 5 hashes left of its 100 a minute.
   */
  @Test
  void aBurstFromOneAddressHashesNoMoreThanItsLimit() {
    String address = newAddress();
    for (int i = 0; i < 95; i++) {
      assertEquals(401, login("spray-" + i + "-" + UUID.randomUUID(), "x", address).statusCode());
    }
    List<HttpRequest> burst = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      burst.add(loginRequest("burst-" + i + "-" + UUID.randomUUID(), "x", address));
    }
    Map<Integer, Long> statuses = statuses(http.exchangeAllAtOnce(burst));
    assertTrue(statuses.getOrDefault(401, 0L) <= 5, "five hashes left: " + statuses);
    assertTrue(Set.of(401, 429, 503).containsAll(statuses.keySet()), statuses.toString());
  }

  /**
   * A locked pair's refusals are one audit row with a count, not one row each: thirty refused
   * attempts leave one {@code login_throttled} row for the pair, whose count reaches thirty.
   */
  @Test
  void theRefusalsOfALockedPairAreOneAuditRowWithACount() {
    String address = newAddress();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(user, "wrong-password", address).statusCode());
    }
    for (int i = 0; i < 30; i++) {
      assertEquals(429, login(user, i % 2 == 0 ? PASSWORD : "guess", address).statusCode());
    }
    JsonArray rows =
        Poll.until(
            "the refusals' count to reach 30",
            Duration.ofSeconds(30),
            Duration.ofMillis(250),
            () -> throttledRows(address),
            found -> found.size() == 1 && found.getJsonObject(0).getInt("occurrences") >= 30);
    assertEquals(1, rows.size(), rows.toString());
    assertEquals(30, rows.getJsonObject(0).getInt("occurrences"), rows.toString());
    assertTrue(rows.getJsonObject(0).getString("detail").contains(user), rows.toString());
  }

  private JsonArray throttledRows(String address) {
    JsonArray all = (JsonArray) Http.parse(http.get("test-support/audit/login_throttled").body());
    return all.stream()
        .map(JsonObject.class::cast)
        .filter(row -> row.getString("address").equals(address))
        .collect(Json::createArrayBuilder, (rows, row) -> rows.add(row), (a, b) -> {})
        .build();
  }

  private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
    return answers.stream()
        .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
  }

  @Test
  void thePasswordChangeIsThrottledToo() {
    String address = newAddress();
    String token = http.login(user, PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertEquals(403, changePassword(token, "wrong-current", address).statusCode());
    }
    HttpResponse<String> locked = changePassword(token, PASSWORD, address);
    assertEquals(429, locked.statusCode(), locked.body());
  }

  @Test
  void loginOutcomesAreAuditedWithTheUsernameAsTypedAndNeverThePassword() {
    String address = newAddress();
    login(user, "a-wrong-password-123", address);
    login(user, PASSWORD, address);
    JsonArray failed = (JsonArray) Http.parse(http.get("test-support/audit/login_failed").body());
    assertTrue(
        failed.stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                row ->
                    row.getString("detail").contains(user)
                        && row.getString("address").equals(address)
                        && row.getString("client_id").equals("web")),
        failed.toString());
    assertTrue(!failed.toString().contains("a-wrong-password-123"), "never the password");
    JsonArray succeeded =
        (JsonArray) Http.parse(http.get("test-support/audit/login_succeeded").body());
    assertTrue(
        succeeded.stream()
            .map(JsonObject.class::cast)
            .anyMatch(row -> row.getString("subject").equals(userId)),
        succeeded.toString());
  }

  @Test
  void aPbkdf2HashIsReplacedByArgon2idAtTheNextLogin() {
    assertEquals("$argon2id$v=19", http.get("test-support/users/" + userId + "/hash-kind").body());
    HttpResponse<String> legacy =
        http.exchange(
            http.request("test-support/users/" + userId + "/pbkdf2")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(PASSWORD))
                .build());
    assertEquals(204, legacy.statusCode(), legacy.body());
    assertEquals(
        "PBKDF2WithHmacSHA512", http.get("test-support/users/" + userId + "/hash-kind").body());

    assertEquals(
        200, login(user, PASSWORD, newAddress()).statusCode(), "the old hash still verifies");
    assertEquals("$argon2id$v=19", http.get("test-support/users/" + userId + "/hash-kind").body());
    assertEquals(200, login(user, PASSWORD, newAddress()).statusCode(), "and the new one too");
  }

  /** Token exchanges per user are limited (60 a minute). */
  @Test
  void tokenExchangesPerUserAreLimited() {
    String token = http.login(user, PASSWORD);
    int granted = 0;
    HttpResponse<String> refused = null;
    // A minute boundary may fall inside the loop and start a new window: at most twice the limit.
    for (int i = 0; i < 121 && refused == null; i++) {
      HttpResponse<String> exchange =
          http.postForm(
              "oauth2/token",
              null,
              "grant_type",
              EXCHANGE,
              "client_id",
              "web",
              "subject_token",
              token,
              "subject_token_type",
              ACCESS_TOKEN_TYPE,
              "scope",
              "tasks:read");
      if (exchange.statusCode() == 200) {
        granted++;
      } else {
        refused = exchange;
      }
    }
    assertTrue(refused != null, "the limit never answered");
    assertEquals(429, refused.statusCode(), refused.body());
    assertEquals("too_many_attempts", Http.json(refused).getString("error"));
    assertTrue(granted >= 60, "at least a minute's worth first: " + granted);
  }

  /**
   * Logout leaves a revocation in every node's memory for a day: login + logout cycles (27 a second
   * on the previous release) meet the same per-user limit as exchanges and revocations.
   */
  @Test
  void logoutsShareTheRevocationRateLimit() {
    String user = "logouts-" + UUID.randomUUID();
    http.createUser(user, PASSWORD, "user");
    int loggedOut = 0;
    HttpResponse<String> refused = null;
    // A minute boundary may fall inside the loop and start a new window: at most twice the limit.
    for (int i = 0; i < 121 && refused == null; i++) {
      String token = http.login(user, PASSWORD);
      HttpResponse<String> logout =
          http.exchange(
              http.request("auth/logout")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());
      if (logout.statusCode() == 204) {
        loggedOut++;
      } else {
        refused = logout;
      }
    }
    assertTrue(refused != null, "the limit never answered");
    assertEquals(429, refused.statusCode(), refused.body());
    assertEquals("too_many_attempts", Http.json(refused).getString("error"));
    assertTrue(loggedOut >= 60, "at least a minute's worth first: " + loggedOut);
  }

  /**
   * Each Argon2id hash holds 19 MiB: a burst of logins meets the cap on parallel hashes (503 with
   * Retry-After), never an OutOfMemoryError or a 500.
   */
  @Test
  void aBurstOfParallelLoginsGetsAnswersNotServerErrors() {
    List<HttpRequest> logins = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      logins.add(loginRequest(user, PASSWORD, newAddress()));
    }
    List<HttpResponse<String>> answers = http.exchangeAllAtOnce(logins);
    Map<Integer, Long> statuses =
        answers.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    assertTrue(Set.of(200, 503).containsAll(statuses.keySet()), statuses.toString());
    assertTrue(statuses.getOrDefault(200, 0L) > 0, statuses.toString());
    answers.stream()
        .filter(response -> response.statusCode() == 503)
        .forEach(
            busy -> {
              assertEquals("temporarily_unavailable", Http.json(busy).getString("error"));
              assertTrue(busy.headers().firstValue("Retry-After").isPresent());
            });
  }

  private HttpResponse<String> login(String username, String password, String address) {
    return http.exchange(loginRequest(username, password, address));
  }

  private HttpRequest loginRequest(String username, String password, String address) {
    return http.request("auth/login")
        .header("Content-Type", "application/json")
        .header("X-Forwarded-For", address)
        .POST(
            HttpRequest.BodyPublishers.ofString(
                Json.createObjectBuilder()
                    .add("username", username)
                    .add("password", password)
                    .build()
                    .toString()))
        .build();
  }

  private HttpResponse<String> changePassword(String token, String current, String address) {
    return http.exchange(
        http.request("api/me/password")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", address)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.createObjectBuilder()
                        .add("current_password", current)
                        .add("new_password", "a-brand-new-password")
                        .build()
                        .toString()))
            .build());
  }

  /** A documentation address (RFC 5737) of its own for each use: the database is fresh per run. */
  private static String newAddress() {
    int n = NEXT_ADDRESS.getAndIncrement();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }
}
