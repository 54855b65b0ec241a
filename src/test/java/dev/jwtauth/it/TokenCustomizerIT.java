package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An {@code AccessTokenCustomizer} deployed with the WAR (the test deployment's {@link
 * TestTokenCustomizer}) adds claims to the tokens it is asked for; one that throws, or that tries
 * to change a fixed claim, fails the issuance with a JSON 500, an audit row, and no token.
 */
class TokenCustomizerIT extends ServiceIT {

  @Test
  void aCustomizerAddsItsClaimsAtLoginAndRefresh() {
    String username = "tier-" + UUID.randomUUID();
    http.createUser(username, PASSWORD, "user");
    JsonObject login = http.loginResponse(username, PASSWORD);
    JsonObject claims = Http.claims(login.getString("access_token"));
    assertEquals("gold", claims.getString("tier"));
    assertEquals(
        Json.createArrayBuilder(List.of("export", "audit")).build(),
        claims.getJsonArray("entitlements"));
    assertEquals("web", claims.getJsonObject("limits").getString("client"));
    assertEquals(username, claims.getString("preferred_username"), "the fixed claims stand");
    HttpResponse<String> refreshed =
        http.postJson(
            "auth/refresh", "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}");
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    assertEquals(
        "gold", Http.claims(Http.json(refreshed).getString("access_token")).getString("tier"));

    String plain = "plain-" + UUID.randomUUID();
    http.createUser(plain, PASSWORD, "user");
    assertFalse(Http.claims(http.login(plain, PASSWORD)).containsKey("tier"));
  }

  @Test
  void aCustomizerThatThrowsOrTouchesAFixedClaimFailsTheIssuanceWithA500AndAnAuditRow() {
    String admin = "cust-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    String adminToken = http.login(admin, PASSWORD);
    for (String prefix : List.of("boom-", "sneaky-")) {
      String username = prefix + UUID.randomUUID();
      String userId = http.createUser(username, PASSWORD, "user");
      HttpResponse<String> refused =
          http.postJson(
              "auth/login",
              Json.createObjectBuilder()
                  .add("username", username)
                  .add("password", PASSWORD)
                  .build()
                  .toString());
      assertEquals(500, refused.statusCode(), refused.body());
      JsonObject body = Http.json(refused);
      assertEquals("server_error", body.getString("error"));
      assertFalse(body.containsKey("access_token"), refused.body());
      assertFalse(refused.body().contains("billing"), "the cause stays in the log");
      assertTrue(
          refused.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("refresh")),
          "no refresh cookie either");

      HttpResponse<String> audit =
          http.get("admin/audit?type=token_customizer_failed&subject=" + userId, adminToken);
      assertEquals(200, audit.statusCode(), audit.body());
      List<JsonObject> rows = Http.json(audit).getJsonArray("items").getValuesAs(JsonObject.class);
      assertEquals(1, rows.size(), audit.body());
      assertTrue(rows.get(0).getString("detail").contains("TestTokenCustomizer"), audit.body());
    }
  }
}
