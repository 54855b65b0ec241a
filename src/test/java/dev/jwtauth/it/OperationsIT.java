package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operations through HTTP: /metrics (its counters move with logins, refresh reuse, revocations and
 * bearer checks; who may read it), the X-Request-Id of every answer, and GET /admin/audit.
 */
class OperationsIT extends ServiceIT {

  String username;
  String adminToken;

  @BeforeEach
  void users() {
    username = "ops-" + UUID.randomUUID();
    http.createUser(username, PASSWORD, "user");
    String admin = "ops-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    adminToken = http.login(admin, PASSWORD);
  }

  @Test
  void aFailedLoginMovesTheFailedCounterOnly() {
    String before = metrics();
    HttpResponse<String> failed =
        http.postJson(
            "auth/login",
            "{\"username\":\"" + username + "\",\"password\":\"not-the-password-at-all\"}");
    assertEquals(401, failed.statusCode(), failed.body());
    String after = metrics();
    assertEquals(1.0, delta(before, after, "auth_logins_total{outcome=\"failed\"}"));
    assertEquals(0.0, delta(before, after, "auth_logins_total{outcome=\"succeeded\"}"));
    assertEquals(0.0, delta(before, after, "auth_logins_total{outcome=\"throttled\"}"));
  }

  /** A good password with a scope the user may not hold is no successful login: 400, no count. */
  @Test
  void aLoginRefusedForItsScopeIsNotCountedAsSucceeded() {
    String before = metrics();
    HttpResponse<String> refused =
        http.postJson(
            "auth/login",
            "{\"username\":\""
                + username
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"scope\":\"admin\"}");
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals(0.0, delta(before, metrics(), "auth_logins_total{outcome=\"succeeded\"}"));
  }

  @Test
  void aRefreshReuseMovesTheReuseCounter() {
    JsonObject tokens = http.loginResponse(username, PASSWORD);
    String first = tokens.getString("refresh_token");
    String before = metrics();
    HttpResponse<String> second = refresh(first);
    assertEquals(200, second.statusCode());
    assertEquals(200, refresh(first).statusCode()); // at once again: a retry, the same successor
    assertEquals(200, refresh(Http.json(second).getString("refresh_token")).statusCode());
    assertEquals(401, refresh(first).statusCode()); // its successor used: reuse
    String after = metrics();
    assertEquals(2.0, delta(before, after, "auth_refreshes_total{outcome=\"rotated\"}"));
    assertEquals(1.0, delta(before, after, "auth_refreshes_total{outcome=\"retried\"}"));
    assertEquals(1.0, delta(before, after, "auth_refreshes_total{outcome=\"reuse_detected\"}"));
    assertEquals(
        3.0,
        delta(
            before,
            after,
            "auth_tokens_issued_total{client_id=\"web\",grant_type=\"refresh_token\"}"));
    // The reuse revoked the session into this node's memory.
    assertEquals(1.0, delta(before, after, "auth_revocations_total{kind=\"sid\"}"));
  }

  @Test
  void aRevocationMovesTheRevocationCounterAndTheListSize() {
    String access = http.login(username, PASSWORD);
    String before = metrics();
    HttpResponse<String> revoked =
        http.postForm(
            "oauth2/revoke",
            null,
            "token",
            access,
            "token_type_hint",
            "access_token",
            "client_id",
            "web");
    assertEquals(200, revoked.statusCode(), revoked.body());
    String after = metrics();
    assertEquals(1.0, delta(before, after, "auth_revocations_total{kind=\"jti\"}"));
    assertEquals(1.0, delta(before, after, "auth_revocation_list_entries{kind=\"jti\"}"));
  }

  @Test
  void bearerChecksAreCountedByOutcomeAndReason() {
    String access = http.login(username, PASSWORD);
    String before = metrics();
    assertEquals(200, http.get("api/me", access).statusCode());
    assertEquals(401, http.get("api/me", "not.a.token").statusCode());
    String after = metrics();
    assertEquals(
        1.0,
        delta(before, after, "auth_verifications_total{outcome=\"accepted\",reason=\"none\"}"));
    assertEquals(
        1.0,
        delta(before, after, "auth_verifications_total{outcome=\"refused\",reason=\"malformed\"}"));
    assertTrue(value(after, "auth_verification_seconds_count") >= 2);
  }

  @Test
  void theMetricsCoverCacheSyncKeysAndPool() {
    String text = metrics();
    for (String series :
        List.of(
            "auth_token_cache_hits_total",
            "auth_token_cache_misses_total",
            "auth_token_cache_entries",
            "auth_revocation_list_entries{kind=\"user\"}",
            "auth_sync_seconds_since_success",
            "auth_db_transactions_active",
            "auth_db_pool_max_size",
            "jvm_memory_used_bytes")) {
      assertTrue(text.contains("\n" + series), series + " in\n" + text);
    }
    assertTrue(value(text, "auth_sync_seconds_since_success") < 10);
    String kid = Http.kid(http.login(username, PASSWORD));
    assertTrue(
        text.lines()
            .anyMatch(
                l ->
                    l.startsWith("auth_signing_key_active_age_seconds{")
                        && l.contains("kid=\"" + kid + "\"")),
        "the active key's age, labelled with its kid " + kid);
    assertTrue(!text.contains(username), "no usernames as label values");
  }

  @Test
  void aTransactionInProgressIsCountedAsPoolUse() {
    // The test-support endpoint is @Transactional: the metrics' interceptor counts it while it
    // runs.
    int inside = Integer.parseInt(http.get("test-support/transactions-in-flight").body());
    assertTrue(inside >= 1, "transactions in flight seen from inside one: " + inside);
  }

  @Test
  void fromAnAddressNotAllowedTheMetricsNeedAnAdminToken() {
    // The loopback is a trusted proxy in the tests: the forwarded address is the caller's.
    String outsider = "203.0.113.9";
    HttpResponse<String> anonymous = metricsFrom(outsider, null);
    assertEquals(401, anonymous.statusCode(), anonymous.body());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(403, metricsFrom(outsider, http.login(username, PASSWORD)).statusCode());
    HttpResponse<String> admin = metricsFrom(outsider, adminToken);
    assertEquals(200, admin.statusCode());
    assertTrue(admin.body().contains("auth_logins_total"));
  }

  @Test
  void aProxyOnTheSameHostThatNamesItsClientByXRealIpGetsNoMetricsWithoutAToken() {
    HttpResponse<String> proxied =
        http.exchange(http.request("metrics").header("X-Real-IP", "203.0.113.9").build());
    assertEquals(401, proxied.statusCode(), proxied.body());
    HttpResponse<String> admin =
        http.exchange(
            http.request("metrics")
                .header("X-Real-IP", "203.0.113.9")
                .header("Authorization", "Bearer " + adminToken)
                .build());
    assertEquals(200, admin.statusCode());
  }

  @Test
  void everyAnswerCarriesARequestIdAndAWellFormedOneIsKept() {
    HttpResponse<String> mine =
        http.exchange(http.request("api/me").header("X-Request-Id", "trace-7f3a").build());
    assertEquals(401, mine.statusCode());
    assertEquals("trace-7f3a", mine.headers().firstValue("X-Request-Id").orElseThrow());
    HttpResponse<String> bad =
        http.exchange(http.request(".well-known/jwks.json").header("X-Request-Id", "a b").build());
    String generated = bad.headers().firstValue("X-Request-Id").orElseThrow();
    assertNotEquals("a b", generated);
    assertEquals(36, generated.length());
    HttpResponse<String> none = http.get(".well-known/jwks.json");
    assertTrue(none.headers().firstValue("X-Request-Id").isPresent());
  }

  @Test
  void theAuditApiFiltersPagesAndKeepsTheRequestId() {
    Instant start = Instant.now().minusSeconds(1);
    String requestId = "audit-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      http.exchange(
          http.request("auth/login")
              .header("Content-Type", "application/json")
              .header("X-Request-Id", requestId + "-" + i)
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"username\":\""
                          + username
                          + "\",\"password\":\"wrong-password-"
                          + i
                          + "\"}"))
              .build());
    }
    String userId = Http.json(http.get("api/me", http.login(username, PASSWORD))).getString("sub");

    JsonObject page0 = audit(adminToken, "type=login_failed&subject=&since=" + start + "&size=2");
    assertEquals(2, page0.getJsonArray("items").size());
    assertTrue(page0.getInt("total") >= 3);
    JsonObject newest = page0.getJsonArray("items").getJsonObject(0);
    assertEquals("login_failed", newest.getString("type"));
    assertEquals("web", newest.getString("client_id"));
    assertEquals("127.0.0.1", newest.getString("address"));
    assertTrue(newest.getString("detail").contains(username));

    // Newest first, and page 1 goes on where page 0 stopped.
    List<String> mine =
        auditItems(adminToken, "type=login_failed&since=" + start + "&size=200").stream()
            .filter(e -> e.getString("detail").contains(username))
            .map(e -> e.getString("request_id"))
            .toList();
    assertEquals(List.of(requestId + "-2", requestId + "-1", requestId + "-0"), mine);
    JsonObject page1 = audit(adminToken, "type=login_failed&since=" + start + "&size=2&page=1");
    assertNotEquals(
        newest.getString("id"), page1.getJsonArray("items").getJsonObject(0).getString("id"));

    List<JsonObject> bySubject = auditItems(adminToken, "subject=" + userId);
    assertTrue(!bySubject.isEmpty());
    assertTrue(bySubject.stream().allMatch(e -> e.getString("subject").equals(userId)));
    assertTrue(bySubject.stream().anyMatch(e -> e.getString("type").equals("login_succeeded")));

    assertEquals(0, auditItems(adminToken, "since=" + start + "&until=" + start).size());
  }

  /**
   * Every state change is audited once: a refresh, a token exchange, an RFC 7009 revocation of an
   * access token and a logout without a live session wrote no row before.
   */
  @Test
  void refreshExchangeRevocationAndSessionlessLogoutAreEachAuditedOnce() {
    Instant start = Instant.now().minusSeconds(1);
    JsonObject session = http.loginResponse(username, PASSWORD);
    String userId = Http.claims(session.getString("access_token")).getString("sub");
    HttpResponse<String> refreshed =
        http.postJson(
            "auth/refresh", "{\"refresh_token\":\"" + session.getString("refresh_token") + "\"}");
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    String access = Http.json(refreshed).getString("access_token");
    String sid = Http.claims(access).getString("sid");

    HttpResponse<String> exchanged =
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            access,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "scope",
            "tasks:read");
    assertEquals(200, exchanged.statusCode(), exchanged.body());
    String exchangedJti =
        Http.claims(Http.json(exchanged).getString("access_token")).getString("jti");

    String revokedJti = Http.claims(access).getString("jti");
    HttpResponse<String> revoked =
        http.postForm("oauth2/revoke", null, "client_id", "web", "token", access);
    assertEquals(200, revoked.statusCode(), revoked.body());

    // A token without a session: a client's own (client credentials).
    HttpResponse<String> clientToken =
        http.postForm(
            "oauth2/token",
            Http.basic(
                "demo-service",
                System.getProperty("it.resource-server.secret", "demo-service-secret")),
            "grant_type",
            "client_credentials");
    assertEquals(200, clientToken.statusCode(), clientToken.body());
    String serviceToken = Http.json(clientToken).getString("access_token");
    String serviceJti = Http.claims(serviceToken).getString("jti");
    HttpResponse<String> loggedOut =
        http.exchange(
            http.request("auth/logout")
                .header("Authorization", "Bearer " + serviceToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(204, loggedOut.statusCode(), loggedOut.body());

    List<JsonObject> refreshes =
        auditItems(adminToken, "type=token_refreshed&subject=" + userId + "&since=" + start);
    assertEquals(1, refreshes.size(), refreshes.toString());
    assertEquals(sid, refreshes.get(0).getString("session_id"));
    assertEquals("web", refreshes.get(0).getString("client_id"));
    assertEquals(1, rowsMentioning("token_exchanged", userId, start, exchangedJti));
    assertEquals(1, rowsMentioning("access_token_revoked", userId, start, revokedJti));
    assertEquals(1, rowsMentioning("access_token_revoked", null, start, serviceJti));
  }

  /**
   * A session refreshed in a loop is one {@code token_refreshed} row a minute with a count, not one
   * row per refresh: one account cannot grow the audit table at its refresh rate.
   */
  @Test
  void aSessionRefreshedInALoopIsOneAuditRowWithACount() {
    Instant start = Instant.now().minusSeconds(1);
    JsonObject session = http.loginResponse(username, PASSWORD);
    String userId = Http.claims(session.getString("access_token")).getString("sub");
    String refreshToken = session.getString("refresh_token");
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> refreshed =
          http.postJson("auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
      assertEquals(200, refreshed.statusCode(), refreshed.body());
      refreshToken = Http.json(refreshed).getString("refresh_token");
    }
    List<JsonObject> rows =
        Poll.until(
            "the refreshes' count to reach 20",
            Duration.ofSeconds(30),
            Duration.ofMillis(250),
            () ->
                auditItems(
                    adminToken, "type=token_refreshed&subject=" + userId + "&since=" + start),
            found -> found.size() == 1 && found.get(0).getInt("occurrences") >= 20);
    assertEquals(1, rows.size(), rows.toString());
    assertEquals(20, rows.get(0).getInt("occurrences"), rows.toString());
  }

  private long rowsMentioning(String type, String subject, Instant since, String jti) {
    String query =
        "type="
            + type
            + (subject == null ? "" : "&subject=" + subject)
            + "&since="
            + since
            + "&size=200";
    return auditItems(adminToken, query).stream()
        .filter(row -> row.getString("detail", "").contains(jti))
        .count();
  }

  @Test
  void theAuditApiRefusesBadParametersAndNonAdmins() {
    for (String bad :
        List.of("since=yesterday", "until=2026-13-01T00:00:00Z", "size=0", "size=201", "page=-1")) {
      HttpResponse<String> answer = http.get("admin/audit?" + bad, adminToken);
      assertEquals(400, answer.statusCode(), bad);
      assertEquals("invalid_request", Http.json(answer).getString("error"), bad);
    }
    assertEquals(403, http.get("admin/audit", http.login(username, PASSWORD)).statusCode());
    assertEquals(401, http.get("admin/audit").statusCode());
  }

  @Test
  void thePurgeJobDropsAuditRowsOlderThanTheRetention() {
    String subject = "retention-" + UUID.randomUUID();
    for (int days : new int[] {91, 89}) {
      HttpResponse<String> inserted =
          http.exchange(
              http.request("test-support/audit/retention_check/" + subject + "/aged/" + days)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());
      assertEquals(204, inserted.statusCode(), inserted.body());
    }
    assertEquals(2, auditItems(adminToken, "subject=" + subject).size());
    assertEquals(
        200,
        http.exchange(
                http.request("test-support/purge")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
            .statusCode());
    List<JsonObject> kept = auditItems(adminToken, "subject=" + subject);
    assertEquals(1, kept.size(), "auth.audit.retention is 90 days: " + kept);
    Instant occurred = Instant.parse(kept.get(0).getString("occurred_at"));
    assertTrue(occurred.isAfter(Instant.now().minus(java.time.Duration.ofDays(90))));
  }

  private HttpResponse<String> refresh(String refreshToken) {
    return http.postJson("auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
  }

  private String metrics() {
    HttpResponse<String> response = http.get("metrics");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        "Prometheus text format");
    return response.body();
  }

  private HttpResponse<String> metricsFrom(String address, String bearer) {
    HttpRequest.Builder request = http.request("metrics").header("X-Forwarded-For", address);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.exchange(request.build());
  }

  private JsonObject audit(String bearer, String query) {
    HttpResponse<String> answer = http.get("admin/audit?" + encoded(query), bearer);
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.json(answer);
  }

  private List<JsonObject> auditItems(String bearer, String query) {
    return audit(bearer, query).getJsonArray("items").getValuesAs(JsonObject.class);
  }

  /** The query with its values URL-encoded (an instant's '+' or ':' stay what they are). */
  private static String encoded(String query) {
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(kv[0]).append('=');
      out.append(kv.length > 1 ? URLEncoder.encode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out.toString();
  }

  private static double delta(String before, String after, String series) {
    return value(after, series) - value(before, series);
  }

  /** A series' value in the Prometheus text; 0 when it is not there yet. */
  static double value(String text, String series) {
    return text.lines()
        .filter(line -> line.startsWith(series + " "))
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElse(0.0);
  }
}
