package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwtauth.crypto.OpaqueValues;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /oauth2/token} through HTTP, request by request: every RFC 6749 §5.2 error case, the
 * client registry, token exchange and impersonation. (OAuthInteropIT drives the happy paths with an
 * independent client library.)
 */
class OAuthTokenIT extends ServiceIT {

  private static final String SERVICE = "demo-service";
  private static final String SERVICE_SECRET = "demo-service-secret";

  String user;
  String userId;
  String admin;
  String adminId;

  @BeforeEach
  void users() {
    user = "u-" + UUID.randomUUID();
    userId = http.createUser(user, PASSWORD, "user");
    admin = "a-" + UUID.randomUUID();
    adminId = http.createUser(admin, PASSWORD, "user", "admin");
  }

  @Test
  void metadataListsTheTokenEndpointItsGrantsAndClientAuthenticationMethods() {
    JsonObject metadata = Http.json(http.get(".well-known/oauth-authorization-server"));
    String issuer = metadata.getString("issuer");
    assertEquals(issuer + "/oauth2/token", metadata.getString("token_endpoint"));
    assertEquals(issuer + "/oauth2/revoke", metadata.getString("revocation_endpoint"));
    assertEquals(issuer + "/oauth2/introspect", metadata.getString("introspection_endpoint"));
    assertEquals(
        List.of("authorization_code", "password", "refresh_token", "client_credentials", EXCHANGE),
        strings(metadata.getJsonArray("grant_types_supported")));
    assertTrue(
        strings(metadata.getJsonArray("token_endpoint_auth_methods_supported"))
            .containsAll(List.of("client_secret_basic", "client_secret_post", "none")));
    assertTrue(strings(metadata.getJsonArray("scopes_supported")).contains("tasks:read"));
  }

  @Test
  void passwordGrantForThePublicClientSharesTheLoginApisSessions() {
    HttpResponse<String> response =
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "password",
            "client_id",
            "web",
            "username",
            user,
            "password",
            PASSWORD,
            "scope",
            "tasks:read");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    JsonObject tokens = Http.json(response);
    assertEquals("Bearer", tokens.getString("token_type"));
    assertEquals("tasks:read", tokens.getString("scope"));
    JsonObject claims = Http.claims(tokens.getString("access_token"));
    assertEquals(userId, claims.getString("sub"));
    assertEquals("web", claims.getString("client_id"));

    // the refresh token works at /auth/refresh too: one implementation, two front doors
    HttpResponse<String> refreshed =
        http.postJson(
            "auth/refresh",
            Json.createObjectBuilder()
                .add("refresh_token", tokens.getString("refresh_token"))
                .build()
                .toString());
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    HttpResponse<String> again =
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "refresh_token",
            "client_id",
            "web",
            "refresh_token",
            Http.json(refreshed).getString("refresh_token"));
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(200, http.get("api/me", Http.json(again).getString("access_token")).statusCode());
  }

  @Test
  void missingGrantTypeIsInvalidRequest() {
    assertError(
        400, "invalid_request", http.postForm("oauth2/token", Http.basic(SERVICE, SERVICE_SECRET)));
  }

  @Test
  void anUnknownGrantTypeIsUnsupportedGrantType() {
    assertError(
        400,
        "unsupported_grant_type",
        http.postForm(
            "oauth2/token",
            Http.basic(SERVICE, SERVICE_SECRET),
            "grant_type",
            "urn:example:magic"));
    // The code flow is a grant of ours, but not of the first-party client.
    assertError(
        400,
        "unauthorized_client",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "authorization_code",
            "client_id",
            "web",
            "code",
            "x"));
    assertError(
        400,
        "unsupported_grant_type",
        http.postForm("oauth2/token", null, "grant_type", "implicit", "client_id", "web"));
  }

  @Test
  void aRepeatedParameterIsInvalidRequest() {
    assertError(
        400,
        "invalid_request",
        http.postForm(
            "oauth2/token",
            Http.basic(SERVICE, SERVICE_SECRET),
            "grant_type",
            "client_credentials",
            "scope",
            "tasks:read",
            "scope",
            "tasks:read"));
  }

  @Test
  void aBadClientSecretIsInvalidClientWithABasicChallenge() {
    HttpResponse<String> basic =
        http.postForm(
            "oauth2/token",
            Http.basic(SERVICE, "wrong-secret"),
            "grant_type",
            "client_credentials");
    assertError(401, "invalid_client", basic);
    assertTrue(
        basic.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
        basic.headers().toString());

    assertError(
        401,
        "invalid_client",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "client_credentials",
            "client_id",
            SERVICE,
            "client_secret",
            "wrong-secret"));
    assertError(
        401,
        "invalid_client",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "client_credentials",
            "client_id",
            "no-such-client",
            "client_secret",
            "x"));
    // a confidential client cannot pass as a public one by leaving its secret out
    assertError(
        401,
        "invalid_client",
        http.postForm(
            "oauth2/token", null, "grant_type", "client_credentials", "client_id", SERVICE));
  }

  @Test
  void aPublicClientAskingForClientCredentialsIsUnauthorizedClient() {
    assertError(
        400,
        "unauthorized_client",
        http.postForm(
            "oauth2/token", null, "grant_type", "client_credentials", "client_id", "web"));
  }

  @Test
  void aScopeWiderThanAllowedIsInvalidScope() {
    // the user's roles do not allow admin
    assertError(
        400,
        "invalid_scope",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "password",
            "client_id",
            "web",
            "username",
            user,
            "password",
            PASSWORD,
            "scope",
            "admin"));
    // the service client holds tasks:read only
    assertError(
        400,
        "invalid_scope",
        http.postForm(
            "oauth2/token",
            Http.basic(SERVICE, SERVICE_SECRET),
            "grant_type",
            "client_credentials",
            "scope",
            "tasks:write"));
  }

  @Test
  void wrongCredentialsAreInvalidGrantWithStatus400() {
    assertError(
        400,
        "invalid_grant",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "password",
            "client_id",
            "web",
            "username",
            user,
            "password",
            "not-the-password"));
    assertError(
        400,
        "invalid_grant",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "refresh_token",
            "client_id",
            "web",
            "refresh_token",
            "no-such-token"));
    assertError(
        400,
        "invalid_request",
        http.postForm(
            "oauth2/token", null, "grant_type", "password", "client_id", "web", "username", user));
  }

  @Test
  void clientCredentialsGiveATokenForTheClientItselfWithoutRefreshToken() {
    HttpResponse<String> response =
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "client_credentials",
            "client_id",
            SERVICE,
            "client_secret",
            SERVICE_SECRET);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject tokens = Http.json(response);
    assertFalse(tokens.containsKey("refresh_token"));
    assertEquals("tasks:read", tokens.getString("scope"));
    JsonObject claims = Http.claims(tokens.getString("access_token"));
    assertEquals(SERVICE, claims.getString("sub"));
    assertEquals(SERVICE, claims.getString("client_id"));
    assertFalse(claims.containsKey("groups"), "no groups unless configured: " + claims);
    assertFalse(claims.containsKey("sid"));

    JsonObject introspection =
        Http.json(
            http.postForm(
                "oauth2/introspect",
                Http.basic(SERVICE, SERVICE_SECRET),
                "token",
                tokens.getString("access_token")));
    assertTrue(introspection.getBoolean("active"), introspection.toString());
    assertEquals(SERVICE, introspection.getString("sub"));
  }

  /**
   * pom.xml gives the test server AUTH_CLIENTS=batch-job and its AUTH_CLIENT_BATCH_JOB_* settings.
   */
  @Test
  void aClientDefinedInConfigurationGetsItsRolesScopesAndLifetime() {
    HttpResponse<String> response =
        http.postForm(
            "oauth2/token",
            Http.basic("batch-job", "batch-job-test-secret"),
            "grant_type",
            "client_credentials");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject tokens = Http.json(response);
    assertEquals(120, tokens.getInt("expires_in"));
    JsonObject claims = Http.claims(tokens.getString("access_token"));
    assertEquals("batch-job", claims.getString("sub"));
    assertEquals("tasks:read", claims.getString("scope"));
    assertEquals(
        List.of("user"), strings(claims.getJsonArray("groups")), "configured roles become groups");
    assertEquals(200, http.get("api/tasks", tokens.getString("access_token")).statusCode());
    assertError(
        401,
        "invalid_client",
        http.postForm(
            "oauth2/token", Http.basic("batch-job", "wrong"), "grant_type", "client_credentials"));
  }

  /**
   * A secret an operator chose is stored salted and keyed (not as the plain SHA-256 a dictionary
   * could reverse), and a client whose row still holds the SHA-256 of an earlier release still
   * authenticates with its secret.
   */
  @Test
  void anOperatorsSecretIsStoredKeyedAndAnEarlierReleasesHashStillVerifies() {
    String stored = http.get("test-support/clients/batch-job/secret-hash").body();
    assertTrue(stored.startsWith("hmac-sha256:"), stored);
    assertTrue(
        !stored.contains(OpaqueValues.hash("batch-job-test-secret")), "not the plain SHA-256");
    HttpResponse<String> legacy =
        http.exchange(
            http.request("test-support/clients/batch-job/secret-hash")
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofString(OpaqueValues.hash("batch-job-test-secret")))
                .build());
    assertEquals(204, legacy.statusCode(), legacy.body());
    try {
      HttpResponse<String> answer =
          http.postForm(
              "oauth2/token",
              Http.basic("batch-job", "batch-job-test-secret"),
              "grant_type",
              "client_credentials");
      assertEquals(200, answer.statusCode(), answer.body());
      assertError(
          401,
          "invalid_client",
          http.postForm(
              "oauth2/token",
              Http.basic("batch-job", "wrong"),
              "grant_type",
              "client_credentials"));
    } finally {
      http.exchange(
          http.request("test-support/clients/batch-job/secret-hash")
              .header("Content-Type", "text/plain")
              .POST(HttpRequest.BodyPublishers.ofString(stored))
              .build());
    }
  }

  @Test
  void aRefreshTokenOnlyWorksForTheClientItWasIssuedToAndOnceRotatedIsReuseFromAnother() {
    String partner = "partner-" + UUID.randomUUID();
    String secret =
        registerClient(
                partner,
                "confidential",
                List.of("password", "refresh_token"),
                List.of("tasks:read", "tasks:write"),
                List.of("api"))
            .getString("client_secret");
    HttpResponse<String> login =
        http.postForm(
            "oauth2/token",
            Http.basic(partner, secret),
            "grant_type",
            "password",
            "username",
            user,
            "password",
            PASSWORD);
    assertEquals(200, login.statusCode(), login.body());
    String refreshToken = Http.json(login).getString("refresh_token");
    assertEquals(
        partner, Http.claims(Http.json(login).getString("access_token")).getString("client_id"));

    assertError(
        400,
        "invalid_grant",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "refresh_token",
            "client_id",
            "web",
            "refresh_token",
            refreshToken));
    assertEquals(401, firstPartyRefresh(refreshToken).statusCode());
    // the session stays: its own client still refreshes it
    HttpResponse<String> own =
        http.postForm(
            "oauth2/token",
            Http.basic(partner, secret),
            "grant_type",
            "refresh_token",
            "refresh_token",
            refreshToken);
    assertEquals(200, own.statusCode(), own.body());

    // Once rotated, the same token from another client is a leaked copy: reuse, the family dies.
    assertEquals(401, firstPartyRefresh(refreshToken).statusCode());
    assertError(
        400,
        "invalid_grant",
        http.postForm(
            "oauth2/token",
            Http.basic(partner, secret),
            "grant_type",
            "refresh_token",
            "refresh_token",
            Http.json(own).getString("refresh_token")));
  }

  /**
   * A client id another admin registers at the same moment: one registration stands and the other
   * is answered 409 like any taken id, never a server error. Made certain (PostgreSQL only): the
   * test takes the registry's change lock and inserts the client, as another node would, starts the
   * registration, waits until it waits on the lock, then commits.
   */
  @Test
  @Tag("sql")
  void aClientIdRegisteredElsewhereAtTheSameMomentIsAConflict() throws Exception {
    String dbUrl = System.getenv("AUTH_DB_URL");
    assumeTrue(dbUrl != null && dbUrl.startsWith("jdbc:postgresql:"), "runs with -Ppostgres only");
    String id = "twice-" + UUID.randomUUID();
    String adminToken = http.login(admin, PASSWORD);
    try (Connection otherNode = PostgresTestDatabase.connect(dbUrl);
        Statement statement = otherNode.createStatement()) {
      otherNode.setAutoCommit(false);
      statement.executeUpdate(
          "UPDATE shared_state_versions SET version = version + 1 WHERE topic = 'clients'");
      statement.executeUpdate(
          "INSERT INTO oauth_clients (id, confidential, grant_types, scopes, audiences, roles,"
              + " created_at) VALUES ('"
              + id
              + "', FALSE, 'password', 'tasks:read', 'api', '', 0)");
      CompletableFuture<HttpResponse<String>> registered =
          CompletableFuture.supplyAsync(
              () ->
                  postClient(
                      adminToken,
                      id,
                      "public",
                      List.of("password"),
                      List.of("tasks:read"),
                      List.of("api")));
      PostgresTestDatabase.awaitStatementWaitingOnALock(
          dbUrl, "%shared_state_versions%", Duration.ofSeconds(30));
      otherNode.commit();
      HttpResponse<String> answer = registered.get(30, TimeUnit.SECONDS);
      assertEquals(409, answer.statusCode(), answer.body());
      assertEquals("conflict", Http.json(answer).getString("error"));
    }
  }

  @Test
  void adminsManageClientsAndTheSecretIsShownOnlyAtCreation() {
    String id = "svc-" + UUID.randomUUID();
    JsonObject created =
        registerClient(
            id,
            "confidential",
            List.of("client_credentials"),
            List.of("tasks:read"),
            List.of("api"));
    String secret = created.getString("client_secret");
    assertTrue(secret.length() >= 43, "256 random bits");

    String adminToken = http.login(admin, PASSWORD);
    HttpResponse<String> list = http.get("admin/clients", adminToken);
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains(id));
    assertFalse(list.body().contains(secret), "the secret is never shown again");
    JsonObject one = Http.json(http.get("admin/clients/" + id, adminToken));
    assertEquals("confidential", one.getString("type"));
    assertFalse(one.containsKey("client_secret"));

    assertEquals(
        200,
        http.postForm("oauth2/token", Http.basic(id, secret), "grant_type", "client_credentials")
            .statusCode());
    assertEquals(
        409,
        postClient(
                adminToken,
                id,
                "confidential",
                List.of("client_credentials"),
                List.of(),
                List.of("api"))
            .statusCode());

    assertEquals(
        204,
        http.exchange(
                http.request("admin/clients/" + id)
                    .header("Authorization", "Bearer " + adminToken)
                    .DELETE()
                    .build())
            .statusCode());
    assertError(
        401,
        "invalid_client",
        http.postForm("oauth2/token", Http.basic(id, secret), "grant_type", "client_credentials"));
    assertEquals(404, http.get("admin/clients/" + id, adminToken).statusCode());
    assertEquals(
        409,
        http.exchange(
                http.request("admin/clients/web")
                    .header("Authorization", "Bearer " + adminToken)
                    .DELETE()
                    .build())
            .statusCode(),
        "web cannot be deleted");
  }

  @Test
  void clientDefinitionsAreValidatedAndUsersCannotManageClients() {
    String adminToken = http.login(admin, PASSWORD);
    HttpResponse<String> publicWithClientCredentials =
        postClient(
            adminToken,
            "p-" + UUID.randomUUID(),
            "public",
            List.of("client_credentials"),
            List.of(),
            List.of("api"));
    assertError(400, "invalid_request", publicWithClientCredentials);
    assertError(
        400,
        "invalid_request",
        postClient(
            adminToken,
            "bad id with spaces",
            "confidential",
            List.of("client_credentials"),
            List.of(),
            List.of("api")));
    assertError(
        400,
        "invalid_request",
        postClient(
            adminToken,
            "g-" + UUID.randomUUID(),
            "confidential",
            List.of("implicit"),
            List.of(),
            List.of("api")));

    String userToken = http.login(user, PASSWORD);
    assertEquals(403, http.get("admin/clients", userToken).statusCode());
    assertEquals(
        403,
        postClient(
                userToken,
                "x-" + UUID.randomUUID(),
                "confidential",
                List.of("client_credentials"),
                List.of(),
                List.of("api"))
            .statusCode());
  }

  @Test
  void tokenExchangeNarrowsScopeAndNeverWidensIt() {
    String subject = http.login(user, PASSWORD); // tasks:read tasks:write
    JsonObject subjectClaims = Http.claims(subject);
    HttpResponse<String> narrowed =
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            subject,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "scope",
            "tasks:read");
    assertEquals(200, narrowed.statusCode(), narrowed.body());
    JsonObject answer = Http.json(narrowed);
    assertEquals(ACCESS_TOKEN_TYPE, answer.getString("issued_token_type"));
    assertEquals("tasks:read", answer.getString("scope"));
    assertFalse(answer.containsKey("refresh_token"));
    JsonObject claims = Http.claims(answer.getString("access_token"));
    assertEquals(userId, claims.getString("sub"));
    assertEquals("tasks:read", claims.getString("scope"));
    assertTrue(
        claims.getJsonNumber("exp").longValue() <= subjectClaims.getJsonNumber("exp").longValue());
    assertNotEquals(subjectClaims.getString("jti"), claims.getString("jti"));
    // the narrowed token is a working token without the write scope
    assertEquals(200, http.get("api/tasks", answer.getString("access_token")).statusCode());
    assertEquals(
        403,
        http.exchange(
                http.request("api/tasks")
                    .header("Authorization", "Bearer " + answer.getString("access_token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}"))
                    .build())
            .statusCode());

    String readOnly = answer.getString("access_token");
    assertError(
        400,
        "invalid_scope",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            readOnly,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "scope",
            "tasks:write"));
    assertError(
        400,
        "invalid_scope",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            subject,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "scope",
            "admin"));
    assertError(
        400,
        "invalid_grant",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            subject + "x",
            "subject_token_type",
            ACCESS_TOKEN_TYPE));
    assertError(
        400,
        "invalid_request",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            subject,
            "subject_token_type",
            "urn:ietf:params:oauth:token-type:id_token"));
  }

  @Test
  void tokenExchangeGivesAnotherAudienceOnlyWhenTheClientMayAskForIt() {
    String gateway = "gw-" + UUID.randomUUID();
    String secret =
        registerClient(
                gateway,
                "confidential",
                List.of(EXCHANGE),
                List.of("tasks:read"),
                List.of("api", "reports"))
            .getString("client_secret");
    String subject = http.login(user, PASSWORD);

    HttpResponse<String> reports =
        http.postForm(
            "oauth2/token",
            Http.basic(gateway, secret),
            "grant_type",
            EXCHANGE,
            "subject_token",
            subject,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "audience",
            "reports");
    assertEquals(200, reports.statusCode(), reports.body());
    JsonObject claims = Http.claims(Http.json(reports).getString("access_token"));
    assertEquals("reports", audience(claims));
    assertEquals("tasks:read", claims.getString("scope"), "never wider than the client allows");
    assertEquals(gateway, claims.getString("client_id"));

    assertError(
        400,
        "invalid_target",
        http.postForm(
            "oauth2/token",
            Http.basic(gateway, secret),
            "grant_type",
            EXCHANGE,
            "subject_token",
            subject,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "audience",
            "payroll"));
  }

  @Test
  void anAdminImpersonatesAUserWithAShortLivedAuditedToken() {
    String adminToken = http.login(admin, PASSWORD);
    HttpResponse<String> response =
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            adminToken,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "requested_subject",
            user);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject answer = Http.json(response);
    assertFalse(answer.containsKey("refresh_token"));
    assertTrue(answer.getInt("expires_in") <= 300, answer.toString());
    String impersonation = answer.getString("access_token");
    JsonObject claims = Http.claims(impersonation);
    assertEquals(userId, claims.getString("sub"));
    assertEquals(adminId, claims.getJsonObject("act").getString("sub"));
    assertTrue(
        claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue() <= 300);

    JsonObject me = Http.json(http.get("api/me", impersonation));
    assertEquals(user, me.getString("username"));
    assertEquals(adminId, me.getJsonObject("act").getString("sub"));

    JsonArray audit = (JsonArray) Http.parse(http.get("test-support/audit/impersonation").body());
    assertTrue(
        audit.stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                row ->
                    row.getString("actor").equals(adminId)
                        && row.getString("subject").equals(userId)),
        audit.toString());

    // by user id as well; an impersonation token cannot impersonate again
    assertEquals(
        200,
        http.postForm(
                "oauth2/token",
                null,
                "grant_type",
                EXCHANGE,
                "client_id",
                "web",
                "subject_token",
                adminToken,
                "subject_token_type",
                ACCESS_TOKEN_TYPE,
                "requested_subject",
                userId)
            .statusCode());
    assertError(
        403,
        "access_denied",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            impersonation,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "requested_subject",
            admin));
  }

  @Test
  void aUserCannotImpersonate() {
    String userToken = http.login(user, PASSWORD);
    assertError(
        403,
        "access_denied",
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            EXCHANGE,
            "client_id",
            "web",
            "subject_token",
            userToken,
            "subject_token_type",
            ACCESS_TOKEN_TYPE,
            "requested_subject",
            admin));
  }

  private JsonObject registerClient(
      String id, String type, List<String> grants, List<String> scopes, List<String> audiences) {
    HttpResponse<String> response =
        postClient(http.login(admin, PASSWORD), id, type, grants, scopes, audiences);
    assertEquals(201, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Location").orElse("").endsWith("/admin/clients/" + id));
    return Http.json(response);
  }

  private HttpResponse<String> postClient(
      String bearer,
      String id,
      String type,
      List<String> grants,
      List<String> scopes,
      List<String> audiences) {
    String body =
        Json.createObjectBuilder()
            .add("client_id", id)
            .add("type", type)
            .add("grant_types", Json.createArrayBuilder(grants))
            .add("scopes", Json.createArrayBuilder(scopes))
            .add("audiences", Json.createArrayBuilder(audiences))
            .build()
            .toString();
    return http.postJson("admin/clients", body, bearer);
  }

  private static String audience(JsonObject claims) {
    return claims.get("aud") instanceof JsonArray array
        ? String.join(" ", strings(array))
        : claims.getString("aud");
  }

  private static void assertError(int status, String error, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(error, Http.json(response).getString("error"), response.body());
    assertEquals(
        "no-store", response.headers().firstValue("Cache-Control").orElse(""), "Cache-Control");
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private HttpResponse<String> firstPartyRefresh(String refreshToken) {
    return http.postJson(
        "auth/refresh",
        Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString());
  }
}
