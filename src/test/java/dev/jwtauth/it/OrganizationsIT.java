package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Organizations (tenants): the admin API, the {@code org_id} claim of a member's tokens, a move
 * ending the old tokens, and the task API's tenant rules — all decided from the caller's token.
 */
@Tag("sql")
class OrganizationsIT extends ServiceIT {

  String globalAdmin;
  String acme;
  String globex;

  @BeforeEach
  void organizations() {
    String admin = "root-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    globalAdmin = http.login(admin, PASSWORD);
    acme = organization("acme");
    globex = organization("globex");
  }

  @Test
  void organizationsAreCreatedListedReadAndDeletedOnlyWithoutMembers() {
    String id = "org-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        http.postJson(
            "admin/organizations", "{\"id\":\"" + id + "\",\"name\":\"Initech\"}", globalAdmin);
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        created.headers().firstValue("Location").orElse("").endsWith("/admin/organizations/" + id));
    assertEquals("Initech", Http.json(created).getString("name"));
    assertEquals(0, Http.json(created).getInt("members"));

    HttpResponse<String> again =
        http.postJson("admin/organizations", "{\"id\":\"" + id + "\",\"name\":\"X\"}", globalAdmin);
    assertEquals(409, again.statusCode(), again.body());
    for (String bad :
        new String[] {
          "{\"id\":\"Bad_Id\",\"name\":\"x\"}", "{\"id\":\"-x\",\"name\":\"x\"}", "{\"name\":\"x\"}"
        }) {
      HttpResponse<String> refused = http.postJson("admin/organizations", bad, globalAdmin);
      assertEquals(400, refused.statusCode(), bad + " " + refused.body());
      assertTrue(
          Http.json(refused).getString("error_description").startsWith("id"), refused.body());
    }
    HttpResponse<String> noName =
        http.postJson("admin/organizations", "{\"id\":\"" + id + "-2\"}", globalAdmin);
    assertTrue(Http.json(noName).getString("error_description").startsWith("name"), noName.body());

    String userId = member("member-" + UUID.randomUUID(), id, "user");
    JsonObject shown = Http.json(http.get("admin/users/" + userId, globalAdmin));
    assertEquals(id, shown.getString("organization"));
    assertEquals(
        1, Http.json(http.get("admin/organizations/" + id, globalAdmin)).getInt("members"));
    assertTrue(
        Http.json(http.get("admin/organizations", globalAdmin)).getJsonArray("items").stream()
            .anyMatch(item -> item.asJsonObject().getString("id").equals(id)));

    HttpResponse<String> inUse = http.delete("admin/organizations/" + id, globalAdmin);
    assertEquals(409, inUse.statusCode(), inUse.body());
    assertEquals("conflict", Http.json(inUse).getString("error"));
    HttpResponse<String> left =
        http.mergePatch("admin/users/" + userId, globalAdmin, "{\"organization\":null}");
    assertEquals(200, left.statusCode(), left.body());
    assertFalse(Http.json(left).containsKey("organization"), left.body());
    assertEquals(204, http.delete("admin/organizations/" + id, globalAdmin).statusCode());
    assertEquals(404, http.get("admin/organizations/" + id, globalAdmin).statusCode());
    assertEquals(404, http.delete("admin/organizations/" + id, globalAdmin).statusCode());

    HttpResponse<String> unknown =
        http.postJson("admin/users", userJson("u-" + UUID.randomUUID(), id, "user"), globalAdmin);
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(Http.json(unknown).getString("error_description").startsWith("organization"));
    HttpResponse<String> moveToNowhere =
        http.mergePatch("admin/users/" + userId, globalAdmin, "{\"organization\":\"" + id + "\"}");
    assertEquals(400, moveToNowhere.statusCode(), moveToNowhere.body());
  }

  /**
   * A member's tokens carry {@code org_id} (shown by {@code /api/me}); moving them to another
   * organization ends the tokens issued before the move (not the session) and the next refresh
   * carries the new one.
   */
  @Test
  void aMembersTokensCarryTheirOrganizationAndAMoveEndsTheOldOnes() {
    String username = "mover-" + UUID.randomUUID();
    String userId = member(username, acme, "user");
    JsonObject login = http.loginResponse(username, PASSWORD);
    String before = login.getString("access_token");
    assertEquals(acme, Http.claims(before).getString("org_id"));
    assertEquals(acme, Http.json(http.get("api/me", before)).getString("org_id"));
    JsonObject introspected =
        Http.json(
            http.postForm(
                "oauth2/introspect",
                Http.basic("demo-service", "demo-service-secret"),
                "token",
                before));
    assertTrue(introspected.getBoolean("active"), introspected.toString());
    assertEquals(acme, introspected.getString("org_id"), "introspection shows the new claims");
    assertTrue(
        introspected.getJsonArray("permissions").toString().contains("tasks:delete"),
        introspected.toString());
    long issuedAt = Http.claims(before).getJsonNumber("iat").longValue();
    Poll.untilTheSecondAfter(issuedAt);

    HttpResponse<String> moved =
        http.mergePatch(
            "admin/users/" + userId, globalAdmin, "{\"organization\":\"" + globex + "\"}");
    assertEquals(200, moved.statusCode(), moved.body());
    Poll.until(
        "the token issued before the move to be refused",
        Duration.ofSeconds(3),
        Duration.ofMillis(50),
        () -> http.get("api/me", before).statusCode(),
        status -> status == 401);
    HttpResponse<String> refreshed =
        http.postJson(
            "auth/refresh", "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}");
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    assertEquals(
        globex, Http.claims(Http.json(refreshed).getString("access_token")).getString("org_id"));
  }

  /**
   * Nobody touches another organization's task, not even its admin; inside one, the owner and its
   * admins may; {@code ?view=organization} needs {@code tasks:read:all}; a global admin (no
   * organization) reads any task; an admin of an organization is not an admin of the service.
   */
  @Test
  void tasksStayInTheirOrganization() {
    String owner = memberToken("ann", acme, "user");
    String colleague = memberToken("bob", acme, "user");
    String acmeAdmin = memberToken("boss", acme, "user", "admin");
    String outsider = memberToken("eve", globex, "user");
    String globexAdmin = memberToken("gboss", globex, "user", "admin");

    HttpResponse<String> created = http.postJson("api/tasks", "{\"title\":\"acme plan\"}", owner);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(acme, Http.json(created).getString("org_id"));
    String path = "api/tasks/" + Http.json(created).getString("id");

    assertEquals(200, http.get(path, owner).statusCode());
    assertEquals(200, http.get(path, acmeAdmin).statusCode(), "an admin of its organization");
    assertEquals(403, http.get(path, colleague).statusCode(), "a colleague who does not own it");
    for (String stranger : List.of(outsider, globexAdmin)) {
      for (String method : List.of("GET", "PUT", "DELETE")) {
        HttpResponse<String> refused =
            http.call(method, path, stranger, method.equals("PUT") ? "{\"title\":\"mine\"}" : null);
        assertEquals(403, refused.statusCode(), method + " " + refused.body());
        assertEquals(
            "The task belongs to another organization",
            Http.json(refused).getString("error_description"));
      }
    }
    assertEquals(200, http.get(path, globalAdmin).statusCode(), "a global admin");

    HttpResponse<String> notAllowed = http.get("api/tasks?view=organization", colleague);
    assertEquals(403, notAllowed.statusCode(), "no tasks:read:all: " + notAllowed.body());
    assertTrue(ids(http.get("api/tasks?view=organization", acmeAdmin)).contains(taskId(path)));
    assertFalse(ids(http.get("api/tasks?view=organization", globexAdmin)).contains(taskId(path)));
    assertFalse(ids(http.get("api/tasks", colleague)).contains(taskId(path)));
    HttpResponse<String> badView = http.get("api/tasks?view=everything", acmeAdmin);
    assertEquals(400, badView.statusCode(), badView.body());
    assertEquals("invalid_request", Http.json(badView).getString("error"));

    HttpResponse<String> notTheService = http.get("admin/users", acmeAdmin);
    assertEquals(403, notTheService.statusCode(), notTheService.body());
    assertEquals(403, http.get("admin/organizations", acmeAdmin).statusCode());
    assertEquals(204, http.delete(path, acmeAdmin).statusCode());
  }

  private String organization(String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        http.postJson(
            "admin/organizations",
            "{\"id\":\"" + id + "\",\"name\":\"" + prefix + "\"}",
            globalAdmin);
    assertEquals(201, created.statusCode(), created.body());
    return id;
  }

  /** A user of the organization, made through the admin API; their id. */
  private String member(String username, String organization, String... roles) {
    HttpResponse<String> created =
        http.postJson("admin/users", userJson(username, organization, roles), globalAdmin);
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).getString("id");
  }

  /** A new member's access token. */
  private String memberToken(String prefix, String organization, String... roles) {
    String username = prefix + "-" + UUID.randomUUID();
    member(username, organization, roles);
    return http.login(username, PASSWORD);
  }

  private static String userJson(String username, String organization, String... roles) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", PASSWORD)
        .add("roles", Json.createArrayBuilder(List.of(roles)))
        .add("organization", organization)
        .build()
        .toString();
  }

  private static String taskId(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static List<String> ids(HttpResponse<String> list) {
    assertEquals(200, list.statusCode(), list.body());
    return Http.parse(list.body()).asJsonArray().stream()
        .map(task -> task.asJsonObject().getString("id"))
        .toList();
  }
}
