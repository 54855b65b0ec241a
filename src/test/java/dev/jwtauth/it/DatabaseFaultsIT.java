package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A database that is down, cut off or stuck behind a lock is never answered as a bad credential: a
 * refresh, a login or an admin write that cannot reach it is 503 {@code temporarily_unavailable}
 * with {@code Retry-After}, and the refresh token presented meanwhile works once the database is
 * back, without a restart (PostgreSQL only: the faults are made with PostgreSQL's own controls).
 * Before, every one of these refreshes was 401 {@code invalid_grant}, which makes a client throw a
 * valid session away.
 */
@Tag("sql")
class DatabaseFaultsIT extends ServiceIT {

  /** A sign-in request of the configured web client. */
  private static final String AUTHORIZE =
      "oauth2/authorize?response_type=code&client_id=shop-web&scope=openid&nonce=n&state=s"
          + "&redirect_uri=https%3A%2F%2Fshop.example.com%2Fcallback";

  private String dbUrl;
  private String username;

  @BeforeEach
  void onPostgres() {
    dbUrl = System.getenv("AUTH_DB_URL");
    assumeTrue(dbUrl != null && dbUrl.startsWith("jdbc:postgresql:"), "runs with -Ppostgres only");
    username = "faults-" + UUID.randomUUID();
    http.createUser(username, PASSWORD, "user");
  }

  /**
   * The refresh's conditional update waits on a row the test holds, and its statement is then
   * cancelled — what {@code auth.db.statement-timeout-seconds} does, sooner.
   */
  @Test
  void aRefreshStoppedByALockIsTemporarilyUnavailableAndTheTokenLivesOn() throws Exception {
    String refreshToken = http.loginResponse(username, PASSWORD).getString("refresh_token");
    HttpResponse<String> answer = refreshWhileTheTokensRowIsHeld(refreshToken, "pg_cancel_backend");
    assertTemporarilyUnavailable(answer);
    assertEquals(200, refresh(refreshToken).statusCode(), "the token presented is still valid");
  }

  /** The refresh's connection is cut while its statement runs (a dropped TCP connection). */
  @Test
  void aRefreshWhoseConnectionIsCutIsTemporarilyUnavailableAndTheTokenLivesOn() throws Exception {
    String refreshToken = http.loginResponse(username, PASSWORD).getString("refresh_token");
    HttpResponse<String> answer =
        refreshWhileTheTokensRowIsHeld(refreshToken, "pg_terminate_backend");
    assertTemporarilyUnavailable(answer);
    HttpResponse<String> later =
        untilAnswered("the refresh after the cut", () -> refresh(refreshToken));
    assertEquals(200, later.statusCode(), later.body());
  }

  /**
   * The database refuses every connection of the service for a while (as when it is down or
   * restarting): refresh, login and an admin write are 503 — the admin's bearer token itself keeps
   * working — readiness is DOWN, one WARNING says so, and everything works again once the database
   * is back.
   */
  @Test
  void anOutageIsAnsweredTemporarilyUnavailableAndEverythingWorksAfterIt() throws Exception {
    String admin = "admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    String adminToken = http.login(admin, PASSWORD);
    String refreshToken = http.loginResponse(username, PASSWORD).getString("refresh_token");
    // A browser on the login page, and one signed in (single sign-on needs the database).
    LoginPageBrowser onTheLoginPage = new LoginPageBrowser(http);
    HttpResponse<String> loginPage = onTheLoginPage.get(AUTHORIZE);
    assertEquals(200, loginPage.statusCode(), loginPage.body());
    LoginPageBrowser signedIn = new LoginPageBrowser(http);
    HttpResponse<String> signIn = signedIn.signIn(signedIn.get(AUTHORIZE), username, PASSWORD);
    assertEquals(302, signIn.statusCode(), signIn.body());
    double refusedBefore = unavailableCounter();
    int warningsBefore = outageWarnings();
    String database = PostgresTestDatabase.databaseName(dbUrl);
    PostgresTestDatabase.execute(
        dbUrl, "ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
    try {
      PostgresTestDatabase.execute(
          dbUrl,
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + database
              + "' AND pid <> pg_backend_pid()");
      Poll.until(
          "readiness to say DOWN",
          Duration.ofSeconds(20),
          Duration.ofMillis(100),
          () -> http.exchange(HttpRequest.newBuilder(http.healthUri("/health/ready")).build()),
          ready -> ready.statusCode() == 503);

      // Printed, not asserted (the machine is shared): how fast a 503 comes while readiness is
      // DOWN.
      assertTemporarilyUnavailable(timed("refresh", () -> refresh(refreshToken)));
      assertTemporarilyUnavailable(timed("login", () -> login(username)));
      assertTemporarilyUnavailable(
          timed(
              "admin create",
              () -> http.createUserAsAdmin(adminToken, "new-" + UUID.randomUUID(), PASSWORD)));
      assertUnavailablePage(onTheLoginPage.signIn(loginPage, username, PASSWORD));
      assertUnavailablePage(signedIn.get(AUTHORIZE));
      assertEquals(
          200, http.get("api/me", adminToken).statusCode(), "bearer checks need no database");
      assertTrue(unavailableCounter() >= refusedBefore + 3, "the 503s are counted");
      assertEquals(
          warningsBefore + 1, outageWarnings(), "one WARNING for the outage:\n" + service.log());
    } finally {
      PostgresTestDatabase.execute(
          dbUrl, "ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
    }
    HttpResponse<String> refreshed =
        untilAnswered("the refresh after the outage", () -> refresh(refreshToken));
    assertEquals(
        200,
        refreshed.statusCode(),
        "the token presented during the outage is valid: " + refreshed.body());
    assertEquals(200, login(username).statusCode());
    assertEquals(
        201, http.createUserAsAdmin(adminToken, "new-" + UUID.randomUUID(), PASSWORD).statusCode());
  }

  /** A browser is answered with a page of ours, not the API's JSON. */
  private static void assertUnavailablePage(HttpResponse<String> answer) {
    assertEquals(503, answer.statusCode(), answer.body());
    assertTrue(
        answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
        answer.headers().map() + " " + answer.body());
    assertTrue(answer.body().contains("try again"), answer.body());
    assertTrue(answer.headers().firstValue("Retry-After").isPresent());
    assertEquals(
        "DENY", answer.headers().firstValue("X-Frame-Options").orElse(""), "a page of ours");
  }

  /**
   * Presents the token while the test holds its row, waits until the service's update waits on that
   * lock, then stops the service's statement with the given PostgreSQL function.
   */
  private HttpResponse<String> refreshWhileTheTokensRowIsHeld(String refreshToken, String stop)
      throws Exception {
    try (Connection holder = PostgresTestDatabase.connect(dbUrl)) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement(
              "SELECT id FROM refresh_tokens WHERE token_hash = ? FOR UPDATE")) {
        lock.setString(1, sha256(refreshToken));
        try (ResultSet row = lock.executeQuery()) {
          assertTrue(row.next(), "the token's row");
        }
      }
      CompletableFuture<HttpResponse<String>> answer =
          CompletableFuture.supplyAsync(() -> refresh(refreshToken));
      PostgresTestDatabase.awaitStatementWaitingOnALock(
          dbUrl, "update refresh_tokens%", Duration.ofSeconds(30));
      stopWaitingStatements(holder, stop);
      HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
      holder.rollback();
      return response;
    }
  }

  private static void stopWaitingStatements(Connection connection, String function)
      throws SQLException {
    try (PreparedStatement stop =
        connection.prepareStatement(
            "SELECT "
                + function
                + "(pid) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND query ILIKE 'update refresh_tokens%'")) {
      stop.executeQuery().close();
    }
  }

  private static HttpResponse<String> timed(String what, Supplier<HttpResponse<String>> request) {
    long start = System.nanoTime();
    HttpResponse<String> answer = request.get();
    System.out.printf(
        "%s during the outage answered %d after %d ms%n",
        what, answer.statusCode(), (System.nanoTime() - start) / 1_000_000);
    return answer;
  }

  private static void assertTemporarilyUnavailable(HttpResponse<String> answer) {
    assertEquals(503, answer.statusCode(), answer.body());
    JsonObject body = Http.json(answer);
    assertEquals("temporarily_unavailable", body.getString("error"), answer.body());
    assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After");
  }

  /** Polls while the service still answers 503 (its gate lets one trial through a second). */
  private static HttpResponse<String> untilAnswered(
      String what, Supplier<HttpResponse<String>> request) {
    return Poll.until(
        what + " to be answered by a database that is back",
        Duration.ofSeconds(30),
        Duration.ofMillis(200),
        request,
        answer -> answer.statusCode() != 503);
  }

  private HttpResponse<String> refresh(String refreshToken) {
    return http.postJson(
        "auth/refresh",
        Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString());
  }

  private HttpResponse<String> login(String user) {
    return http.postJson(
        "auth/login",
        Json.createObjectBuilder()
            .add("username", user)
            .add("password", PASSWORD)
            .build()
            .toString());
  }

  private double unavailableCounter() {
    return http.get("metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith("auth_database_unavailable_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no auth_database_unavailable_total in /metrics"));
  }

  private int outageWarnings() {
    return (int)
        service.log().lines().filter(line -> line.contains("The database is out of reach")).count();
  }

  private static String sha256(String value) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }
}
