package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
    HttpRequest.Builder request =
        http.request(path)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.exchange(request.build());
  }
}
