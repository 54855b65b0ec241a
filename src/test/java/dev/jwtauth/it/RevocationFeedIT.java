package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /oauth2/revocations}, the feed a guard in another service follows (docs/api.md): every
 * kind of revocation in it, a waiting reader woken by a logout, who may read it, and the cursor's
 * rules.
 */
class RevocationFeedIT extends ServiceIT {

  private String adminToken;
  private String feedClient;
  private String feedAuthorization;

  @BeforeEach
  void registerAFeedClient() {
    String admin = "feed-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    adminToken = http.login(admin, PASSWORD);
    Http.FeedClient registered = http.registerFeedClient("feed-", adminToken);
    feedClient = registered.id();
    feedAuthorization = registered.basic();
  }

  @Test
  void aLogoutAnAccessTokenRevocationAndAnAdminRevokeAreInTheFeed() {
    String cursor = currentCursor();
    String user = "feed-user-" + UUID.randomUUID();
    String userId = http.createUser(user, PASSWORD, "user");
    JsonObject loggedOut = http.loginResponse(user, PASSWORD);
    String sid = Http.claims(loggedOut.getString("access_token")).getString("sid");
    String revokedToken = http.login(user, PASSWORD);
    String jti = Http.claims(revokedToken).getString("jti");

    assertEquals(204, logout(loggedOut.getString("access_token")).statusCode());
    HttpResponse<String> revoked =
        http.postForm("oauth2/revoke", null, "token", revokedToken, "client_id", "web");
    assertEquals(200, revoked.statusCode(), revoked.body());
    HttpResponse<String> adminRevoke =
        http.exchange(
            http.request("admin/users/" + userId + "/revoke")
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(204, adminRevoke.statusCode(), adminRevoke.body());

    List<JsonObject> events =
        readUntil(
            cursor,
            "the three revocations in the feed",
            seen -> has(seen, "sid", sid) && has(seen, "jti", jti) && has(seen, "user", userId));
    JsonObject notBefore = find(events, "user", userId);
    long now = Instant.now().getEpochSecond();
    assertTrue(
        Math.abs(notBefore.getJsonNumber("not_before").longValue() - now) < 60,
        notBefore.toString());
    for (JsonObject event : events) {
      assertTrue(event.getJsonNumber("keep_until").longValue() > now, event.toString());
    }
    assertFalse(find(events, "sid", sid).containsKey("not_before"));
  }

  @Test
  void aWaitingReaderHearsOfALogoutWhileItWaits() throws Exception {
    String cursor = currentCursor();
    String user = "feed-waiter-" + UUID.randomUUID();
    http.createUser(user, PASSWORD, "user");
    String access = http.login(user, PASSWORD);
    String sid = Http.claims(access).getString("sid");

    CompletableFuture<HttpResponse<String>> waiting =
        CompletableFuture.supplyAsync(
            () -> http.exchange(feedRequest("after=" + cursor + "&wait=25").build()));
    assertEquals(204, logout(access).statusCode());
    Instant loggedOut = Instant.now();
    HttpResponse<String> answer = waiting.get();
    assertEquals(200, answer.statusCode(), answer.body());
    List<JsonObject> events =
        Http.json(answer).getJsonArray("events").getValuesAs(JsonObject.class);
    if (!has(events, "sid", sid)) {
      // The wait began after the logout, or other tests' revocations came first: read on.
      events =
          read("after=" + Http.json(answer).getString("cursor") + "&wait=5")
              .getJsonArray("events")
              .getValuesAs(JsonObject.class);
    }
    assertTrue(has(events, "sid", sid), events.toString());
    System.out.println(
        "The waiting reader answered "
            + Duration.between(loggedOut, Instant.now()).toMillis()
            + " ms after the logout's answer");
  }

  /** A trusted issuer's user and token, revoked through the admin API, in the feed with it. */
  @Test
  void anotherIssuersRevocationsAreInTheFeedWithTheirIssuer() {
    String cursor = currentCursor();
    String shop = "https://keycloak.test/realms/" + UUID.randomUUID();
    String subject = UUID.randomUUID().toString();
    String jti = UUID.randomUUID().toString();
    assertEquals(
        204,
        http.postJson(
                "admin/revocations",
                "{\"issuer\":\"" + shop + "\",\"subject\":\"" + subject + "\"}",
                adminToken)
            .statusCode());
    assertEquals(
        204,
        http.postJson(
                "admin/revocations",
                "{\"issuer\":\"" + shop + "\",\"jti\":\"" + jti + "\"}",
                adminToken)
            .statusCode());
    List<JsonObject> events =
        readUntil(
            cursor,
            "both revocations in the feed",
            seen -> has(seen, "user", subject) && has(seen, "jti", jti));
    assertEquals(shop, find(events, "user", subject).getString("issuer"));
    assertTrue(find(events, "user", subject).containsKey("not_before"));
    assertEquals(shop, find(events, "jti", jti).getString("issuer"));

    for (String body :
        new String[] {
          "{\"issuer\":\"" + shop + "\"}",
          "{\"issuer\":\"" + shop + "\",\"subject\":\"a\",\"jti\":\"b\"}",
          "{\"issuer\":\"not a url\",\"subject\":\"a\"}",
          "{\"issuer\":\"" + SharedService.ENVIRONMENT.get("AUTH_ISSUER") + "\",\"subject\":\"a\"}",
          "{\"issuer\":\"" + shop + "\",\"subject\":\"" + "x".repeat(101) + "\"}",
          "{\"subject\":\"a\"}"
        }) {
      HttpResponse<String> refused = http.postJson("admin/revocations", body, adminToken);
      assertEquals(400, refused.statusCode(), body + ": " + refused.body());
      assertEquals("invalid_request", Http.json(refused).getString("error"), body);
    }
    String user = "feed-plain-" + UUID.randomUUID();
    http.createUser(user, PASSWORD, "user");
    HttpResponse<String> notAdmin =
        http.postJson(
            "admin/revocations",
            "{\"issuer\":\"" + shop + "\",\"subject\":\"a\"}",
            http.login(user, PASSWORD));
    assertEquals(403, notAdmin.statusCode(), notAdmin.body());
  }

  @Test
  void onlyAConfidentialClientRegisteredForItReadsTheFeed() {
    HttpResponse<String> anonymous =
        http.exchange(http.request("oauth2/revocations").GET().build());
    assertEquals(401, anonymous.statusCode(), anonymous.body());
    assertEquals("invalid_client", Http.json(anonymous).getString("error"));
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

    HttpResponse<String> wrongSecret =
        http.exchange(
            http.request("oauth2/revocations")
                .header("Authorization", Http.basic(feedClient, "not-the-secret"))
                .GET()
                .build());
    assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());

    HttpResponse<String> bearer = http.get("oauth2/revocations", adminToken);
    assertEquals(401, bearer.statusCode(), bearer.body());
    assertEquals("invalid_client", Http.json(bearer).getString("error"));

    String other = "nofeed-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        http.postJson(
            "admin/clients",
            "{\"client_id\":\"" + other + "\",\"grant_types\":[\"client_credentials\"]}",
            adminToken);
    assertEquals(201, created.statusCode(), created.body());
    assertFalse(Http.json(created).getBoolean("revocation_feed"));
    HttpResponse<String> notRegistered =
        http.exchange(
            http.request("oauth2/revocations")
                .header(
                    "Authorization",
                    Http.basic(other, Http.json(created).getString("client_secret")))
                .GET()
                .build());
    assertEquals(403, notRegistered.statusCode(), notRegistered.body());
    assertEquals("unauthorized_client", Http.json(notRegistered).getString("error"));

    HttpResponse<String> publicClient =
        http.postJson(
            "admin/clients",
            "{\"client_id\":\"pub-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"type\":\"public\",\"grant_types\":[\"password\"],\"revocation_feed\":true}",
            adminToken);
    assertEquals(400, publicClient.statusCode(), publicClient.body());
    assertEquals("invalid_request", Http.json(publicClient).getString("error"));
  }

  @Test
  void aCursorMustBeTheFeedsAndRecent() {
    long now = System.currentTimeMillis();
    for (String query :
        new String[] {"after=abc", "after=1", "after=-1.5", "wait=31", "wait=-1", "wait=x"}) {
      HttpResponse<String> answer = http.exchange(feedRequest(query).build());
      assertEquals(400, answer.statusCode(), query + ": " + answer.body());
      assertEquals("invalid_request", Http.json(answer).getString("error"), query);
    }
    for (String cursor :
        new String[] {
          "0." + (now - Duration.ofHours(2).toMillis()), // older than the retention (1h)
          "999999999999." + now // a place this feed never gave
        }) {
      HttpResponse<String> answer = http.exchange(feedRequest("after=" + cursor).build());
      assertEquals(410, answer.statusCode(), cursor + ": " + answer.body());
      assertEquals("cursor_expired", Http.json(answer).getString("error"), cursor);
    }
    HttpResponse<String> answer = http.exchange(feedRequest("after=" + currentCursor()).build());
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
  }

  /** Reads on from the cursor, waiting, until the events seen pass; returns them all. */
  private List<JsonObject> readUntil(
      String cursor, String what, java.util.function.Predicate<List<JsonObject>> done) {
    List<JsonObject> events = new ArrayList<>();
    String[] position = {cursor};
    return Poll.until(
        what,
        Duration.ofSeconds(10),
        Duration.ZERO,
        () -> {
          JsonObject page = read("after=" + position[0] + "&wait=2");
          position[0] = page.getString("cursor");
          events.addAll(page.getJsonArray("events").getValuesAs(JsonObject.class));
          return events;
        },
        done);
  }

  /** Reads the whole list, page by page, and returns the cursor after it. */
  private String currentCursor() {
    JsonObject page = read("");
    while (page.getBoolean("more")) {
      page = read("after=" + page.getString("cursor"));
    }
    return page.getString("cursor");
  }

  private JsonObject read(String query) {
    HttpResponse<String> answer = http.exchange(feedRequest(query).build());
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.json(answer);
  }

  private HttpRequest.Builder feedRequest(String query) {
    return http.request("oauth2/revocations" + (query.isEmpty() ? "" : "?" + query))
        .header("Authorization", feedAuthorization)
        .GET();
  }

  private HttpResponse<String> logout(String access) {
    return http.exchange(
        http.request("auth/logout")
            .header("Authorization", "Bearer " + access)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static boolean has(List<JsonObject> events, String type, String value) {
    return events.stream()
        .anyMatch(e -> type.equals(e.getString("type")) && value.equals(e.getString("value")));
  }

  private static JsonObject find(List<JsonObject> events, String type, String value) {
    return events.stream()
        .filter(e -> type.equals(e.getString("type")) && value.equals(e.getString("value")))
        .findFirst()
        .orElseThrow();
  }
}
