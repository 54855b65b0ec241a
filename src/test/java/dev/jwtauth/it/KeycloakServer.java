package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak 26 (Maven Central's {@code keycloak-quarkus-dist}, unpacked by the {@code keycloak}
 * profile) started by the test in development mode with an in-memory database, on a free loopback
 * port and the JDK named by {@code it.keycloak.java} (Keycloak needs 21 or newer). Its realm {@code
 * shop} has the realm role {@code user}, the client scopes {@code tasks:read} and {@code
 * tasks:write}, a public client {@code notes-cli} with the password grant whose access tokens carry
 * the audience {@code notes}, and the users {@link #user(String, String, boolean)} makes.
 */
final class KeycloakServer implements AutoCloseable {

  private static final String ADMIN_PASSWORD = "keycloak-test-admin";

  private final Process process;
  private final Http http;
  private final File log;
  private String clientUuid;

  private KeycloakServer(Process process, Http http, File log) {
    this.process = process;
    this.http = http;
    this.log = log;
  }

  /** Starts Keycloak and sets up the realm; fails after 3 minutes. */
  static KeycloakServer start(File workDir) throws IOException {
    String home = System.getProperty("it.keycloak.home");
    String java = System.getProperty("it.keycloak.java");
    if (home == null || !new File(home, "bin/kc.sh").isFile()) {
      throw new AssertionError(
          "Keycloak is unpacked by -Pkeycloak (it.keycloak.home=" + home + ")");
    }
    workDir.mkdirs();
    int port = ServiceProcess.freePort();
    File log = new File(workDir, "keycloak.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                new File(home, "bin/kc.sh").getAbsolutePath(),
                "start-dev",
                "--db=dev-mem",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + ServiceProcess.freePort())
            .redirectErrorStream(true)
            .redirectOutput(log);
    Map<String, String> environment = builder.environment();
    environment.put("JAVA_HOME", java);
    environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    KeycloakServer server =
        new KeycloakServer(
            builder.start(), new Http(URI.create("http://127.0.0.1:" + port + "/").toURL()), log);
    try {
      server.awaitReady();
      server.createRealm();
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The realm's issuer. */
  String issuer() {
    return http.uri("/realms/shop").toString();
  }

  /** Creates a user of the realm, with the realm role {@code user} or none. */
  void user(String username, String password, boolean withUserRole) {
    String admin = adminToken();
    HttpResponse<String> created =
        http.postJson(
            "admin/realms/shop/users",
            "{\"username\":\""
                + username
                + "\",\"enabled\":true,\"email\":\""
                + username
                + "@example.com\",\"emailVerified\":true,\"firstName\":\"Test\",\"lastName\":\"User\","
                + "\"credentials\":[{\"type\":\"password\",\"value\":\""
                + password
                + "\",\"temporary\":false}]}",
            admin);
    assertEquals(201, created.statusCode(), created.body());
    if (withUserRole) {
      String location = created.headers().firstValue("Location").orElseThrow();
      String id = location.substring(location.lastIndexOf('/') + 1);
      String role = http.get("admin/realms/shop/roles/user", admin).body();
      expect(
          204,
          http.postJson(
              "admin/realms/shop/users/" + id + "/role-mappings/realm", "[" + role + "]", admin));
    }
  }

  /** An access token of the realm's user, by the password grant of {@code notes-cli}. */
  String accessToken(String username, String password) {
    HttpResponse<String> answer =
        http.postForm(
            "realms/shop/protocol/openid-connect/token",
            null,
            "grant_type",
            "password",
            "client_id",
            "notes-cli",
            "username",
            username,
            "password",
            password);
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.json(answer).getString("access_token");
  }

  private void awaitReady() {
    Poll.until(
        "Keycloak to answer (see " + log + ")",
        Duration.ofMinutes(3),
        Duration.ofMillis(250),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("Keycloak exited early; see " + log);
          }
          try {
            return http.get("realms/master").statusCode();
          } catch (RuntimeException e) {
            return -1;
          }
        },
        status -> status == 200);
  }

  private void createRealm() {
    String admin = adminToken();
    expect(201, http.postJson("admin/realms", "{\"realm\":\"shop\",\"enabled\":true}", admin));
    expect(201, http.postJson("admin/realms/shop/roles", "{\"name\":\"user\"}", admin));
    HttpResponse<String> client =
        http.postJson(
            "admin/realms/shop/clients",
            "{\"clientId\":\"notes-cli\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,"
                + "\"standardFlowEnabled\":false,\"protocolMappers\":[{\"name\":\"notes-audience\","
                + "\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                + "\"config\":{\"included.custom.audience\":\"notes\",\"access.token.claim\":\"true\","
                + "\"id.token.claim\":\"false\"}}]}",
            admin);
    expect(201, client);
    clientUuid = idOf(client);
    for (String scope : new String[] {"tasks:read", "tasks:write"}) {
      HttpResponse<String> created =
          http.postJson(
              "admin/realms/shop/client-scopes",
              "{\"name\":\""
                  + scope
                  + "\",\"protocol\":\"openid-connect\","
                  + "\"attributes\":{\"include.in.token.scope\":\"true\"}}",
              admin);
      expect(201, created);
      expect(
          204,
          http.call(
              "PUT",
              "admin/realms/shop/clients/" + clientUuid + "/default-client-scopes/" + idOf(created),
              admin,
              null));
    }
  }

  private String adminToken() {
    HttpResponse<String> answer =
        http.postForm(
            "realms/master/protocol/openid-connect/token",
            null,
            "grant_type",
            "password",
            "client_id",
            "admin-cli",
            "username",
            "admin",
            "password",
            ADMIN_PASSWORD);
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.json(answer).getString("access_token");
  }

  private static String idOf(HttpResponse<String> created) {
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static void expect(int status, HttpResponse<String> answer) {
    assertEquals(status, answer.statusCode(), answer.body());
  }

  @Override
  public void close() {
    // kc.sh runs Java as its child and forwards SIGTERM to it.
    List<ProcessHandle> java = process.descendants().toList();
    process.destroy();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    java.forEach(ProcessHandle::destroyForcibly);
  }
}
