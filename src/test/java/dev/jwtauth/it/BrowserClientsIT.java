package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that sign users in through the browser (the authorization code flow): their display name,
 * redirect URIs and post-logout redirect URIs, registered through the admin API or defined in
 * configuration, and the rules those addresses must follow.
 */
class BrowserClientsIT extends ServiceIT {

  private String adminToken;

  @BeforeEach
  void anAdmin() {
    String admin = "clients-admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    adminToken = http.login(admin, PASSWORD);
  }

  @Test
  void aClientRegistersItsNameAndAddressesInTheirOrder() {
    String id = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        http.postJson(
            "admin/clients",
            "{\"client_id\":\""
                + id
                + "\",\"name\":\"Shop\",\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"scopes\":[\"openid\",\"profile\"],"
                + "\"redirect_uris\":[\"https://shop.example.com/cb\",\"http://127.0.0.1:8081/cb\"],"
                + "\"post_logout_redirect_uris\":[\"https://shop.example.com/\"]}",
            adminToken);
    assertEquals(201, created.statusCode(), created.body());
    JsonObject shown = Http.json(http.get("admin/clients/" + id, adminToken));
    assertEquals("Shop", shown.getString("name"));
    assertEquals(
        List.of("https://shop.example.com/cb", "http://127.0.0.1:8081/cb"),
        strings(shown.getJsonArray("redirect_uris")));
    assertEquals(
        List.of("https://shop.example.com/"),
        strings(shown.getJsonArray("post_logout_redirect_uris")));
    assertEquals(
        List.of("authorization_code", "refresh_token"), strings(shown.getJsonArray("grant_types")));

    String spa = "spa-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> publicClient =
        http.postJson(
            "admin/clients",
            "{\"client_id\":\""
                + spa
                + "\",\"type\":\"public\",\"grant_types\":[\"authorization_code\"],"
                + "\"redirect_uris\":[\"http://localhost:3000/\"]}",
            adminToken);
    assertEquals(201, publicClient.statusCode(), publicClient.body());
    assertEquals(spa, Http.json(publicClient).getString("name"), "no name: the id is shown");
  }

  @Test
  void aClientDefinedInConfigurationHasItsAddressesToo() {
    JsonObject shown = Http.json(http.get("admin/clients/shop-web", adminToken));
    assertEquals("Shop (configured)", shown.getString("name"));
    assertEquals("confidential", shown.getString("type"));
    assertEquals(
        List.of("https://shop.example.com/callback", "http://127.0.0.1:9090/cb"),
        strings(shown.getJsonArray("redirect_uris")));
    assertEquals(
        List.of("https://shop.example.com/"),
        strings(shown.getJsonArray("post_logout_redirect_uris")));
  }

  @Test
  void addressesMustBeExactHttpsOrLoopbackHttpAndNeedTheCodeGrant() {
    String code = "\"grant_types\":[\"authorization_code\"]";
    for (String rest :
        new String[] {
          code, // no redirect URI
          code + ",\"redirect_uris\":[]",
          code + ",\"redirect_uris\":[\"http://shop.example.com/cb\"]",
          code + ",\"redirect_uris\":[\"https://shop.example.com/cb#x\"]",
          code + ",\"redirect_uris\":[\"https://*.example.com/cb\"]",
          code + ",\"redirect_uris\":[\"/cb\"]",
          code
              + ",\"redirect_uris\":[\"https://shop.example.com/cb\"],"
              + "\"post_logout_redirect_uris\":[\"http://shop.example.com/\"]",
          code + ",\"redirect_uris\":[\"https://shop.example.com/cb\"],\"name\":\" \"",
          code + ",\"redirect_uris\":[null]",
          code + ",\"redirect_uris\":\"https://shop.example.com/cb\"",
          "\"grant_types\":[\"client_credentials\"],\"redirect_uris\":[\"https://shop.example.com/cb\"]",
          "\"type\":\"public\",\"grant_types\":[\"password\"],"
              + "\"post_logout_redirect_uris\":[\"https://shop.example.com/\"]"
        }) {
      String body =
          "{\"client_id\":\"bad-"
              + UUID.randomUUID().toString().substring(0, 8)
              + "\","
              + rest
              + "}";
      HttpResponse<String> refused = http.postJson("admin/clients", body, adminToken);
      assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
      assertEquals("invalid_request", Http.json(refused).getString("error"), body);
    }
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
