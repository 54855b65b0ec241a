package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Revocation of access tokens (rule 6), RFC 7009 and RFC 7662, through HTTP against the real WAR.
 */
@Tag("sql")
class RevocationIT extends ServiceIT {

  private static final String RESOURCE_SERVER =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("demo-service:demo-service-secret".getBytes(StandardCharsets.UTF_8));

  String username;
  String userId;

  @BeforeEach
  void user() {
    username = "u-" + UUID.randomUUID();
    userId = http.createUser(username, PASSWORD, "user");
  }

  @Test
  void afterLogoutTheOldAccessTokenIsRevoked() {
    JsonObject tokens = http.loginResponse(username, PASSWORD);
    String access = tokens.getString("access_token");
    assertEquals(200, http.get("api/me", access).statusCode());
    assertEquals(
        204,
        http.exchange(
                http.request("auth/logout")
                    .header("Authorization", "Bearer " + access)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
            .statusCode());
    assertRevoked(http.get("api/me", access));
  }

  @Test
  void deletingASessionRevokesItsAccessTokens() {
    String laptop = http.login(username, PASSWORD);
    JsonObject phone = http.loginResponse(username, PASSWORD);
    String phoneSid =
        Http.parse(http.get("api/me/sessions", laptop).body()).asJsonArray().stream()
            .map(s -> s.asJsonObject())
            .filter(s -> !s.getBoolean("current"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    http.exchange(
        http.request("api/me/sessions/" + phoneSid)
            .header("Authorization", "Bearer " + laptop)
            .DELETE()
            .build());
    assertRevoked(http.get("api/me", phone.getString("access_token")));
    assertEquals(200, http.get("api/me", laptop).statusCode());
  }

  @Test
  void afterAPasswordChangeEveryEarlierAccessTokenIsRefusedAndANewOneWorks() {
    String first = http.login(username, PASSWORD);
    String second = http.login(username, PASSWORD);
    HttpResponse<String> changed =
        http.exchange(
            http.request("api/me/password")
                .header("Authorization", "Bearer " + first)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("current_password", PASSWORD)
                            .add("new_password", "a-new-password-for-tests")
                            .build()
                            .toString()))
                .build());
    assertEquals(204, changed.statusCode(), changed.body());
    assertRevoked(http.get("api/me", first));
    assertRevoked(http.get("api/me", second));
    assertEquals(
        200, http.get("api/me", http.login(username, "a-new-password-for-tests")).statusCode());
  }

  @Test
  void rfc7009RevokesAnAccessToken() {
    String access = http.login(username, PASSWORD);
    HttpResponse<String> revoked =
        form(
            "oauth2/revoke",
            null,
            "token=" + access + "&token_type_hint=access_token&client_id=web");
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertRevoked(http.get("api/me", access));
  }

  @Test
  void rfc7009RevokesARefreshTokenAndItsSession() {
    JsonObject tokens = http.loginResponse(username, PASSWORD);
    HttpResponse<String> revoked =
        form(
            "oauth2/revoke",
            null,
            "token="
                + tokens.getString("refresh_token")
                + "&token_type_hint=refresh_token&client_id=web");
    assertEquals(200, revoked.statusCode(), revoked.body());
    HttpResponse<String> refresh =
        http.postJson(
            "auth/refresh",
            Json.createObjectBuilder()
                .add("refresh_token", tokens.getString("refresh_token"))
                .build()
                .toString());
    assertEquals(401, refresh.statusCode());
    assertRevoked(http.get("api/me", tokens.getString("access_token")));
  }

  @Test
  void rfc7009AnswersOkForUnknownTokensAndNeedsAClient() {
    assertEquals(200, form("oauth2/revoke", null, "token=never-issued&client_id=web").statusCode());
    HttpResponse<String> noClient = form("oauth2/revoke", null, "token=never-issued");
    assertEquals(401, noClient.statusCode());
    assertEquals("invalid_client", Http.json(noClient).getString("error"));
    assertEquals(400, form("oauth2/revoke", null, "client_id=web").statusCode());
  }

  @Test
  void rfc7662IntrospectionIsActiveOnlyForTokensValidNow() {
    String access = http.login(username, PASSWORD);
    HttpResponse<String> active = form("oauth2/introspect", RESOURCE_SERVER, "token=" + access);
    assertEquals(200, active.statusCode(), active.body());
    assertEquals("no-store", active.headers().firstValue("Cache-Control").orElse(""));
    JsonObject claims = Http.json(active);
    assertTrue(claims.getBoolean("active"));
    assertEquals(userId, claims.getString("sub"));
    assertEquals(username, claims.getString("username"));
    assertEquals("web", claims.getString("client_id"));

    form("oauth2/revoke", null, "token=" + access + "&client_id=web");
    assertEquals(
        Json.createObjectBuilder().add("active", false).build(),
        Http.json(form("oauth2/introspect", RESOURCE_SERVER, "token=" + access)));
    assertFalse(
        Http.json(form("oauth2/introspect", RESOURCE_SERVER, "token=garbage"))
            .getBoolean("active"));
  }

  @Test
  void rfc7662NeedsConfidentialClientAuthentication() {
    String access = http.login(username, PASSWORD);
    for (String[] attempt :
        new String[][] {
          {null, "token=" + access},
          {null, "token=" + access + "&client_id=web"},
          {
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("demo-service:wrong".getBytes(StandardCharsets.UTF_8)),
            "token=" + access
          }
        }) {
      HttpResponse<String> response = form("oauth2/introspect", attempt[0], attempt[1]);
      assertEquals(401, response.statusCode(), response.body());
      assertEquals("invalid_client", Http.json(response).getString("error"));
      assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }
    HttpResponse<String> post =
        form(
            "oauth2/introspect",
            null,
            "token=" + access + "&client_id=demo-service&client_secret=demo-service-secret");
    assertTrue(Http.json(post).getBoolean("active"), "client_secret_post works too");
  }

  @Test
  void anAdminRevokesEverythingOfAUser() {
    String victim = http.login(username, PASSWORD);
    String admin = "a-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    String adminToken = http.login(admin, PASSWORD);

    HttpResponse<String> forbidden =
        http.exchange(
            http.request("admin/users/" + userId + "/revoke")
                .header("Authorization", "Bearer " + victim)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(403, forbidden.statusCode());
    assertEquals("forbidden", Http.json(forbidden).getString("error"));

    HttpResponse<String> revoked =
        http.exchange(
            http.request("admin/users/" + userId + "/revoke")
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(204, revoked.statusCode(), revoked.body());
    assertRevoked(http.get("api/me", victim));
    assertEquals(
        404,
        http.exchange(
                http.request("admin/users/" + UUID.randomUUID() + "/revoke")
                    .header("Authorization", "Bearer " + adminToken)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
            .statusCode());
  }

  private HttpResponse<String> form(String path, String authorization, String body) {
    HttpRequest.Builder request =
        http.request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.exchange(request.build());
  }

  private static void assertRevoked(HttpResponse<String> response) {
    assertEquals(401, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("WWW-Authenticate")
            .orElse("")
            .contains("error=\"invalid_token\""));
    assertTrue(
        Http.json(response).getString("error_description").contains("revoked"), response.body());
  }

  static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
