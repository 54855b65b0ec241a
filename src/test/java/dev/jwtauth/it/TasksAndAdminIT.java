package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The task API (scopes, ownership, validation) and admin user management, through HTTP. */
@Tag("sql")
class TasksAndAdminIT extends ServiceIT {

  String adminToken;
  String alice;
  String aliceToken;

  @BeforeEach
  void users() {
    String admin = "admin-" + UUID.randomUUID();
    http.createUser(admin, PASSWORD, "user", "admin");
    adminToken = http.login(admin, PASSWORD);
    alice = "alice-" + UUID.randomUUID();
    HttpResponse<String> created = createUser(adminToken, alice, PASSWORD, "[\"user\"]");
    assertEquals(201, created.statusCode(), created.body());
    aliceToken = http.login(alice, PASSWORD);
  }

  /**
   * A username another node creates at the same moment: the unique username decides, and the loser
   * is answered 409 like any duplicate, never a server error. Made certain (PostgreSQL only): the
   * test holds an uncommitted user row of that name, so the service's insert waits on it, and
   * commits once it waits.
   */
  @Test
  void aUsernameCreatedElsewhereAtTheSameMomentIsAConflict() throws Exception {
    String dbUrl = System.getenv("AUTH_DB_URL");
    assumeTrue(dbUrl != null && dbUrl.startsWith("jdbc:postgresql:"), "runs with -Ppostgres only");
    String username = "twice-" + UUID.randomUUID();
    try (Connection otherNode = PostgresTestDatabase.connect(dbUrl)) {
      otherNode.setAutoCommit(false);
      try (PreparedStatement insert =
          otherNode.prepareStatement(
              "INSERT INTO users (id, username, password_hash, enabled, created_at)"
                  + " VALUES (?, ?, 'not-a-hash', TRUE, 0)")) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, username);
        insert.executeUpdate();
      }
      CompletableFuture<HttpResponse<String>> created =
          CompletableFuture.supplyAsync(
              () -> createUser(adminToken, username, PASSWORD, "[\"user\"]"));
      PostgresTestDatabase.awaitStatementWaitingOnALock(
          dbUrl, "insert into users%", Duration.ofSeconds(30));
      otherNode.commit();
      HttpResponse<String> answer = created.get(30, TimeUnit.SECONDS);
      assertEquals(409, answer.statusCode(), answer.body());
      assertEquals("conflict", Http.json(answer).getString("error"), answer.body());
    }
  }

  @Test
  void ownersCreateAndReadTheirTasksOthersGet403AndAdminsMayRead() {
    HttpResponse<String> created =
        send(
            "POST",
            "api/tasks",
            aliceToken,
            "{\"title\":\"Write the report\",\"description\":\"by Friday\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject task = Http.json(created);
    assertTrue(
        created
            .headers()
            .firstValue("Location")
            .orElse("")
            .endsWith("/api/tasks/" + task.getString("id")));
    assertEquals("Write the report", task.getString("title"));
    assertEquals(false, task.getBoolean("done"));
    String aliceSub = Http.json(http.get("api/me", aliceToken)).getString("sub");
    assertEquals(aliceSub, task.getString("owner"));

    List<String> titles =
        Http.parse(send("GET", "api/tasks", aliceToken, null).body()).asJsonArray().stream()
            .map(t -> t.asJsonObject().getString("title"))
            .toList();
    assertEquals(List.of("Write the report"), titles);
    String path = "api/tasks/" + task.getString("id");
    assertEquals(200, send("GET", path, aliceToken, null).statusCode());

    String bob = "bob-" + UUID.randomUUID();
    assertEquals(201, createUser(adminToken, bob, PASSWORD, "[\"user\"]").statusCode());
    String bobToken = http.login(bob, PASSWORD);
    HttpResponse<String> foreign = send("GET", path, bobToken, null);
    assertEquals(403, foreign.statusCode());
    assertEquals("forbidden", Http.json(foreign).getString("error"));
    assertEquals(403, send("PUT", path, bobToken, "{\"title\":\"mine now\"}").statusCode());
    assertEquals(403, send("DELETE", path, bobToken, null).statusCode());
    HttpResponse<String> missing = send("GET", "api/tasks/" + UUID.randomUUID(), bobToken, null);
    assertEquals(404, missing.statusCode());
    assertEquals("not_found", Http.json(missing).getString("error"));
    assertEquals(
        List.of(), Http.parse(send("GET", "api/tasks", bobToken, null).body()).asJsonArray());

    assertEquals(
        200, send("GET", path, adminToken, null).statusCode(), "an admin may read anyone's task");

    HttpResponse<String> updated =
        send("PUT", path, aliceToken, "{\"title\":\"Write the report\",\"done\":true}");
    assertEquals(200, updated.statusCode(), updated.body());
    assertTrue(Http.json(updated).getBoolean("done"));
    assertEquals(204, send("DELETE", path, aliceToken, null).statusCode());
    assertEquals(404, send("GET", path, aliceToken, null).statusCode());
  }

  @Test
  void aTokenWithoutTheWriteScopeGetsInsufficientScope() {
    HttpResponse<String> login =
        http.postJson(
            "auth/login",
            Json.createObjectBuilder()
                .add("username", alice)
                .add("password", PASSWORD)
                .add("scope", "tasks:read")
                .build()
                .toString());
    String readOnly = Http.json(login).getString("access_token");
    assertEquals(200, send("GET", "api/tasks", readOnly, null).statusCode());
    HttpResponse<String> write = send("POST", "api/tasks", readOnly, "{\"title\":\"nope\"}");
    assertEquals(403, write.statusCode());
    assertEquals(
        "Bearer realm=\"auth\", error=\"insufficient_scope\", scope=\"tasks:write\"",
        write.headers().firstValue("WWW-Authenticate").orElse(""));
    assertEquals("insufficient_scope", Http.json(write).getString("error"));
    assertEquals(
        401, send("GET", "api/tasks", null, null).statusCode(), "no token at all is still 401");
  }

  @Test
  void invalidTaskBodiesAreJsonBadRequests() {
    for (String body :
        List.of(
            "{\"title\":\"\"}",
            "{\"title\":42}",
            "{\"title\":true}",
            "{}",
            "{\"title\":\"" + "x".repeat(201) + "\"}",
            "{\"title\":\"ok\",\"description\":\"" + "x".repeat(2001) + "\"}",
            "{not json",
            "[1]",
            "")) {
      HttpResponse<String> response = send("POST", "api/tasks", aliceToken, body);
      assertEquals(400, response.statusCode(), body + " -> " + response.body());
      assertEquals("invalid_request", Http.json(response).getString("error"), body);
    }
  }

  @Test
  void adminUserManagement() {
    HttpResponse<String> duplicate = createUser(adminToken, alice, PASSWORD, "[\"user\"]");
    assertEquals(409, duplicate.statusCode());
    assertEquals("conflict", Http.json(duplicate).getString("error"));
    assertEquals(
        400,
        createUser(adminToken, "weak-" + UUID.randomUUID(), "short", "[\"user\"]").statusCode());
    assertEquals(
        400,
        createUser(adminToken, "odd-" + UUID.randomUUID(), PASSWORD, "[\"superuser\"]")
            .statusCode());

    for (String[] request :
        new String[][] {
          {"GET", "admin/users"}, {"POST", "admin/users"}, {"GET", "admin/users/x"}
        }) {
      HttpResponse<String> forbidden =
          send(request[0], request[1], aliceToken, request[0].equals("POST") ? "{}" : null);
      assertEquals(403, forbidden.statusCode(), request[1]);
      assertEquals("forbidden", Http.json(forbidden).getString("error"));
    }

    JsonObject page = Http.json(send("GET", "admin/users?page=0&size=2", adminToken, null));
    assertEquals(2, page.getJsonArray("items").size());
    assertTrue(page.getJsonNumber("total").longValue() >= 2);
    assertEquals(400, send("GET", "admin/users?size=1000", adminToken, null).statusCode());

    String aliceId = Http.json(http.get("api/me", aliceToken)).getString("sub");
    JsonObject one = Http.json(send("GET", "admin/users/" + aliceId, adminToken, null));
    assertEquals(alice, one.getString("username"));
    assertEquals(
        404, send("GET", "admin/users/" + UUID.randomUUID(), adminToken, null).statusCode());

    assertEquals(204, send("DELETE", "admin/users/" + aliceId, adminToken, null).statusCode());
    assertEquals(
        false,
        Http.json(send("GET", "admin/users/" + aliceId, adminToken, null)).getBoolean("enabled"));
    assertEquals(
        401, http.get("api/me", aliceToken).statusCode(), "a disabled user's tokens are revoked");
    assertEquals(
        401,
        http.postJson(
                "auth/login",
                Json.createObjectBuilder()
                    .add("username", alice)
                    .add("password", PASSWORD)
                    .build()
                    .toString())
            .statusCode(),
        "and they cannot log in");
  }

  /**
   * A user's profile, attributes and direct permissions: stored, shown by the admin API, and their
   * tokens' {@code permissions} claim is what their roles grant and the direct grants, sorted, at
   * login and at refresh; {@code /api/me} shows it.
   */
  @Test
  void aUsersProfileIsShownAndTheirTokensCarryTheirPermissions() {
    String carol = "carol-" + UUID.randomUUID();
    JsonObject attributes =
        Json.createObjectBuilder()
            .add("department", "research")
            .add("projects", Json.createArrayBuilder().add("apollo").add("gemini"))
            .build();
    HttpResponse<String> created =
        send(
            "POST",
            "admin/users",
            adminToken,
            Json.createObjectBuilder()
                .add("username", carol)
                .add("password", PASSWORD)
                .add("email", "carol@example.com")
                .add("email_verified", true)
                .add("name", "Carol Example")
                .add("given_name", "Carol")
                .add("family_name", "Example")
                .add("attributes", attributes)
                .add("permissions", Json.createArrayBuilder().add("reports:export"))
                .build()
                .toString());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject shown =
        Http.json(
            send("GET", "admin/users/" + Http.json(created).getString("id"), adminToken, null));
    assertEquals("carol@example.com", shown.getString("email"));
    assertTrue(shown.getBoolean("email_verified"));
    assertEquals("Carol Example", shown.getString("name"));
    assertEquals("Carol", shown.getString("given_name"));
    assertEquals("Example", shown.getString("family_name"));
    assertEquals(attributes, shown.getJsonObject("attributes"));
    assertEquals(List.of("reports:export"), strings(shown.getJsonArray("permissions")));

    List<String> expected = List.of("reports:export", "tasks:delete", "tasks:read", "tasks:write");
    JsonObject login = http.loginResponse(carol, PASSWORD);
    String token = login.getString("access_token");
    assertEquals(expected, strings(Http.claims(token).getJsonArray("permissions")));
    assertEquals(
        expected,
        strings(Http.json(send("GET", "api/me", token, null)).getJsonArray("permissions")));
    HttpResponse<String> refreshed =
        http.postJson(
            "auth/refresh", "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}");
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    assertEquals(
        expected,
        strings(
            Http.claims(Http.json(refreshed).getString("access_token"))
                .getJsonArray("permissions")));
  }

  /**
   * {@code PATCH /admin/users/{id}} takes a JSON Merge Patch: present members change, null removes.
   * A change of permissions ends the user's access tokens issued before it (within a second, from
   * the revocation list) but not their session: the next refresh carries the new claims. A profile
   * change alone ends nothing.
   */
  @Test
  void aMergePatchChangesTheUserAndAPermissionChangeEndsTheirOldTokens() {
    JsonObject login = http.loginResponse(alice, PASSWORD);
    String before = login.getString("access_token");
    String path = "admin/users/" + Http.claims(before).getString("sub");
    // A revocation covers the tokens issued before its second: patch in the next one.
    long issuedAt = Http.claims(before).getJsonNumber("iat").longValue();
    Poll.untilTheSecondAfter(issuedAt);

    HttpResponse<String> plainJson = patch(path, "application/json", "{\"name\":\"A\"}");
    assertEquals(415, plainJson.statusCode(), plainJson.body());
    HttpResponse<String> patched =
        patch(
            path,
            "application/merge-patch+json",
            "{\"name\":\"Alice L\",\"attributes\":{\"team\":\"blue\"},"
                + "\"permissions\":[\"reports:export\"]}");
    assertEquals(200, patched.statusCode(), patched.body());
    JsonObject user = Http.json(patched);
    assertEquals("Alice L", user.getString("name"));
    assertEquals("blue", user.getJsonObject("attributes").getString("team"));
    assertEquals(List.of("reports:export"), strings(user.getJsonArray("permissions")));

    Poll.until(
        "the token issued before the change to be refused",
        Duration.ofSeconds(3),
        Duration.ofMillis(50),
        () -> send("GET", "api/me", before, null).statusCode(),
        status -> status == 401);
    HttpResponse<String> refreshed =
        http.postJson(
            "auth/refresh", "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}");
    assertEquals(200, refreshed.statusCode(), "the session lives on: " + refreshed.body());
    String after = Http.json(refreshed).getString("access_token");
    assertTrue(
        strings(Http.claims(after).getJsonArray("permissions")).contains("reports:export"),
        "the next token carries the new permission");
    assertEquals(200, send("GET", "api/me", after, null).statusCode());

    HttpResponse<String> renamed =
        patch(path, "application/merge-patch+json", "{\"name\":null,\"attributes\":null}");
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertTrue(!Http.json(renamed).containsKey("name"), renamed.body());
    assertEquals(0, Http.json(renamed).getJsonObject("attributes").size());
    assertEquals(
        200, send("GET", "api/me", after, null).statusCode(), "a profile change ends nothing");

    HttpResponse<String> unknownField =
        patch(path, "application/merge-patch+json", "{\"username\":\"x\"}");
    assertEquals(400, unknownField.statusCode(), unknownField.body());
    assertTrue(Http.json(unknownField).getString("error_description").startsWith("username"));
    assertEquals(
        404,
        patch("admin/users/" + UUID.randomUUID(), "application/merge-patch+json", "{}")
            .statusCode());
  }

  private HttpResponse<String> patch(String path, String mediaType, String body) {
    return http.exchange(
        http.request(path)
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", mediaType)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * A client's claim set decides what its tokens say about the user: profile claims, an attribute,
   * and the compatibility claims of other verifiers; the first-party client {@code web} (no claim
   * set) gets the permissions only. A claim set naming a fixed claim is refused.
   */
  @Test
  void aClientsClaimSetDecidesWhatItsTokensSayAboutTheUser() {
    String dave = "dave-" + UUID.randomUUID();
    HttpResponse<String> user =
        send(
            "POST",
            "admin/users",
            adminToken,
            "{\"username\":\""
                + dave
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"email\":\"dave@example.com\",\"name\":\"Dave\","
                + "\"attributes\":{\"department\":\"research\",\"floor\":\"3\"}}");
    assertEquals(201, user.statusCode(), user.body());
    String clientId = "claims-" + UUID.randomUUID();
    HttpResponse<String> client =
        send(
            "POST",
            "admin/clients",
            adminToken,
            "{\"client_id\":\""
                + clientId
                + "\",\"type\":\"public\","
                + "\"grant_types\":[\"password\"],\"scopes\":[\"tasks:read\"],"
                + "\"claims\":[\"email\",\"name\",\"attr:department\",\"roles\","
                + "\"realm_access\",\"typ\"]}");
    assertEquals(201, client.statusCode(), client.body());
    assertEquals(
        List.of("attr:department", "email", "name", "realm_access", "roles", "typ"),
        strings(Http.json(client).getJsonArray("claims")));

    HttpResponse<String> token =
        http.postForm(
            "oauth2/token",
            null,
            "grant_type",
            "password",
            "client_id",
            clientId,
            "username",
            dave,
            "password",
            PASSWORD);
    assertEquals(200, token.statusCode(), token.body());
    JsonObject claims = Http.claims(Http.json(token).getString("access_token"));
    assertEquals("dave@example.com", claims.getString("email"));
    assertEquals("Dave", claims.getString("name"));
    assertEquals("research", claims.getString("department"));
    assertTrue(!claims.containsKey("floor"), "an attribute the set does not name stays out");
    assertEquals(List.of("user"), strings(claims.getJsonArray("roles")));
    assertEquals(
        List.of("user"), strings(claims.getJsonObject("realm_access").getJsonArray("roles")));
    assertEquals("Bearer", claims.getString("typ"));
    assertTrue(!claims.containsKey("permissions"), "not in the set: " + claims);

    JsonObject web = Http.claims(http.login(dave, PASSWORD));
    assertTrue(web.containsKey("permissions"), web.toString());
    assertTrue(!web.containsKey("email") && !web.containsKey("typ"), web.toString());

    HttpResponse<String> fixed =
        send(
            "POST",
            "admin/clients",
            adminToken,
            "{\"client_id\":\"bad-"
                + UUID.randomUUID()
                + "\",\"type\":\"public\","
                + "\"grant_types\":[\"password\"],\"claims\":[\"attr:sub\"]}");
    assertEquals(400, fixed.statusCode(), fixed.body());
    assertTrue(Http.json(fixed).getString("error_description").startsWith("claims: attr:sub"));
  }

  /** A profile field, attribute or permission that cannot be stored: 400 naming it. */
  @Test
  void aBadProfileFieldIsABadRequestThatNamesIt() {
    Map<String, String> cases =
        Map.of(
            "\"attributes\":{\"Dept\":\"x\"}", "attributes.Dept",
            "\"attributes\":{\"level\":3}", "attributes.level",
            "\"email\":\"not-an-address\"", "email",
            "\"given_name\":\"  \"", "given_name",
            "\"permissions\":[\"Not A Name\"]", "permissions");
    cases.forEach(
        (field, named) -> {
          String body =
              "{\"username\":\"bad-"
                  + UUID.randomUUID()
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\","
                  + field
                  + "}";
          HttpResponse<String> refused = send("POST", "admin/users", adminToken, body);
          assertEquals(400, refused.statusCode(), field + ": " + refused.body());
          JsonObject error = Http.json(refused);
          assertEquals("invalid_request", error.getString("error"), field);
          assertTrue(error.getString("error_description").contains(named), refused.body());
        });
    StringBuilder large = new StringBuilder("{");
    for (int i = 0; i < 8; i++) {
      large
          .append(i == 0 ? "" : ",")
          .append("\"a")
          .append(i)
          .append("\":\"")
          .append("x".repeat(1000))
          .append('"');
    }
    HttpResponse<String> tooLarge =
        send(
            "POST",
            "admin/users",
            adminToken,
            "{\"username\":\"big-"
                + UUID.randomUUID()
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"attributes\":"
                + large
                + "}}");
    assertEquals(400, tooLarge.statusCode(), tooLarge.body());
    assertTrue(
        Http.json(tooLarge).getString("error_description").startsWith("token would exceed"),
        tooLarge.body());
    HttpResponse<String> notAnObject =
        send(
            "POST",
            "admin/users",
            adminToken,
            "{\"username\":\"bad-x\",\"password\":\"" + PASSWORD + "\",\"attributes\":\"x\"}");
    assertEquals(400, notAnObject.statusCode(), notAnObject.body());
  }

  /**
   * {@code DELETE /api/tasks/{id}} needs the permission {@code tasks:delete} in the token, beside
   * the scope {@code tasks:write}: the owner's token without it gets 403 {@code forbidden}.
   */
  @Test
  void deletingATaskNeedsTheDeletePermission() {
    HttpResponse<String> task = send("POST", "api/tasks", aliceToken, "{\"title\":\"keep me\"}");
    assertEquals(201, task.statusCode(), task.body());
    String path = "api/tasks/" + Http.json(task).getString("id");
    String withoutPermission = mintFor("tasks:read", "tasks:write");
    HttpResponse<String> refused = send("DELETE", path, withoutPermission, null);
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals("forbidden", Http.json(refused).getString("error"));
    assertEquals(200, send("GET", path, aliceToken, null).statusCode(), "the task is still there");
    String withPermission = mintFor("tasks:delete");
    assertEquals(204, send("DELETE", path, withPermission, null).statusCode());
  }

  /** Alice's token as the service issues it, with fresh times and exactly these permissions. */
  private String mintFor(String... permissions) {
    long now = System.currentTimeMillis() / 1000;
    JsonObjectBuilder claims =
        Json.createObjectBuilder(Http.claims(aliceToken))
            .add("jti", UUID.randomUUID().toString())
            .add("iat", now)
            .add("nbf", now)
            .add("exp", now + 300)
            .remove("permissions");
    if (permissions.length > 0) {
      claims.add("permissions", Json.createArrayBuilder(List.of(permissions)));
    }
    HttpResponse<String> response = http.postJson("test-support/mint", claims.build().toString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  @Test
  void openApiDocumentsTheTaskAndAdminPathsWithTheBearerScheme() {
    HttpResponse<String> response =
        http.exchange(
            HttpRequest.newBuilder(http.serverUri("/openapi"))
                .header("Accept", "application/json")
                .GET()
                .build());
    assertEquals(200, response.statusCode());
    JsonObject openapi = Http.json(response);
    // Payara documents the paths as META-INF/openapi.yaml has them; WildFly prefixes them with the
    // deployment's context root (/auth under Arquillian; nothing at the root context).
    JsonObject documented = openapi.getJsonObject("paths");
    String contextRoot = base.getPath().replaceAll("/$", "");
    boolean prefixed =
        !contextRoot.isEmpty()
            && documented.keySet().stream().allMatch(path -> path.startsWith(contextRoot + "/"));
    JsonObjectBuilder relative = Json.createObjectBuilder();
    documented.forEach(
        (path, item) -> relative.add(prefixed ? path.substring(contextRoot.length()) : path, item));
    JsonObject paths = relative.build();
    Map<String, Set<String>> operations = resourceOperations();
    assertTrue(operations.size() > 15, operations.toString());
    operations.forEach(
        (path, verbs) -> {
          assertTrue(paths.containsKey(path), "documents " + path);
          for (String verb : verbs) {
            assertTrue(
                paths.getJsonObject(path).containsKey(verb), "documents " + verb + " " + path);
          }
        });
    assertEquals(
        "bearer",
        openapi
            .getJsonObject("components")
            .getJsonObject("securitySchemes")
            .getJsonObject("bearer")
            .getString("scheme"));
    JsonObject post = paths.getJsonObject("/api/tasks").getJsonObject("post");
    assertEquals(
        "tasks:write",
        post.getJsonArray("security").getJsonObject(0).getJsonArray("bearer").getString(0));
    assertTrue(post.getJsonObject("responses").containsKey("403"));
  }

  /**
   * Every operation the JAX-RS resources of the WAR offer, path to lower-case HTTP methods, read
   * from their annotations (so a new endpoint cannot go undocumented).
   */
  private static Map<String, Set<String>> resourceOperations() {
    Map<String, Set<String>> operations = new TreeMap<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jwtauth.api")) {
      if (!type.isAnnotatedWith(Path.class)) {
        continue;
      }
      Class<?> resource = type.reflect();
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        for (Annotation annotation : method.getAnnotations()) {
          HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
          if (verb != null) {
            Path sub = method.getAnnotation(Path.class);
            String path = "/" + base + (sub == null ? "" : "/" + sub.value());
            operations
                .computeIfAbsent(path.replaceAll("/+", "/"), p -> new TreeSet<>())
                .add(verb.value().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return operations;
  }

  private HttpResponse<String> createUser(
      String token, String username, String password, String rolesJson) {
    return send(
        "POST",
        "admin/users",
        token,
        "{\"username\":\""
            + username
            + "\",\"password\":\""
            + password
            + "\",\"roles\":"
            + rolesJson
            + "}");
  }

  private HttpResponse<String> send(String method, String path, String token, String json) {
    return http.call(method, path, token, json);
  }
}
