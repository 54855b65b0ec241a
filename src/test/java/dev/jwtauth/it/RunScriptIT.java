package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * scripts/run.sh as a user runs it: it starts the service, login and /api/me work, and after a
 * {@code kill -9} and a restart on the same data the signing key is the same, so tokens issued
 * before still verify, a token revoked before the restart is still refused, and what was
 * acknowledged right before the kill is there. On H2 it uses its own embedded database and the demo
 * user; with -Ppostgres it runs in production mode on the suite's PostgreSQL database and logs in
 * as the bootstrap admin.
 */
@OwnServers
class RunScriptIT {

  private final File workDir =
      new File(
          System.getProperty("project.dir", "."),
          "target/run-script-it/" + System.currentTimeMillis());

  @Test
  @Tag("sql")
  void startsServesAndKeepsItsKeyAcrossARestart() throws Exception {
    Map<String, String> environment = new HashMap<>();
    // Its own database on PostgreSQL: the suite's holds keys other tests rotated, still published.
    ServiceProcess.Login login = ServiceProcess.ownDatabase(workDir, environment, "restart");
    try {
      startServeAndRestart(environment, login);
    } finally {
      ServiceProcess.dropOwnDatabase(environment);
    }
  }

  private void startServeAndRestart(Map<String, String> environment, ServiceProcess.Login login)
      throws Exception {
    String username = login.username();
    String password = login.password();

    int port = ServiceProcess.freePort();
    String token;
    String loggedOut;
    String kidBefore;
    CrashSafetyIT.Acknowledged acknowledged;
    environment.put("AUTH_LOG_FORMAT", "json");
    try (ServiceProcess first =
        ServiceProcess.start(workDir, "first", environment, port).awaitReady()) {
      writesJsonLinesWithTheRequestId(first);
      listensOnlyOn(first, "127.0.0.1");
      token = first.http.login(username, password);
      HttpResponse<String> me = first.http.get("api/me", token);
      assertEquals(200, me.statusCode(), me.body());
      assertEquals(username, Http.json(me).getString("username"));
      kidBefore = onlyKid(first.http);
      // The operations endpoints answer where each server serves them.
      HttpResponse<String> ready =
          first.http.exchange(HttpRequest.newBuilder(first.healthUri("/health/ready")).build());
      assertEquals(200, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("\"signing-key\""), ready.body());
      HttpResponse<String> openapi = first.http.get("openapi");
      assertEquals(200, openapi.statusCode());
      assertTrue(openapi.body().contains("/api/me"), "the document at the root context");
      assertEquals(200, first.http.get("metrics").statusCode());
      // WildFly: each server its own transaction node identifier (several nodes share a database).
      assertFalse(first.log().contains("WFLYTX0013"), "node-identifier left at its default");
      loggedOut = first.http.login(username, password);
      assertEquals(
          204,
          first
              .http
              .exchange(
                  first
                      .http
                      .request("auth/logout")
                      .header("Authorization", "Bearer " + loggedOut)
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build())
              .statusCode());
      assertEquals(401, first.http.get("api/me", loggedOut).statusCode());
      // Not stopped but killed, within milliseconds of a rotation's 200 (CrashSafetyIT).
      acknowledged = CrashSafetyIT.writeThenKill(first, login, false);
    }

    environment.remove("AUTH_LOG_FORMAT");
    boolean embedded = !"admin".equals(username);
    if (embedded) {
      dataFilesAreTheOwnersOnly();
      // An encryption secret configured later: the plaintext key is encrypted in place, never used
      // as it is.
      environment.put("AUTH_KEYS_ENCRYPTION_SECRET", "a-secret-configured-after-the-first-start");
    }
    // Another address to listen on (a loopback one: nothing here listens beyond the machine).
    environment.put("AUTH_BIND_ADDRESS", "127.0.0.2");
    try (ServiceProcess second =
        ServiceProcess.start(workDir, "second", environment, port).awaitReady()) {
      listensOnlyOn(second, "127.0.0.2");
      acknowledged.foundOn(second);
      if (embedded) {
        assertTrue(
            second.log().contains("it is now encrypted with auth.keys.encryption-secret"),
            second.log());
      }
      assertEquals(kidBefore, onlyKid(second.http), "the signing key survives a restart");
      HttpResponse<String> again = second.http.get("api/me", token);
      assertEquals(
          200,
          again.statusCode(),
          "a token issued before the restart still verifies: " + again.body());
      HttpResponse<String> revoked = second.http.get("api/me", loggedOut);
      assertEquals(401, revoked.statusCode(), "a revocation survives the restart");
      assertTrue(
          Http.json(revoked).getString("error_description").contains("revoked"), revoked.body());
    }
    if (embedded) {
      assertTrue(
          storedPrivateKey().startsWith("aesgcm:v1:"),
          "the embedded database's key is encrypted at rest");
    }
  }

  /**
   * The service's HTTP port listens on this address only (by default 127.0.0.1, so that the demo
   * credentials are not reachable from the network; AUTH_BIND_ADDRESS to change it), and nothing
   * else of the server listens beyond the loopback. Read from the listening sockets, not by a
   * request.
   */
  private static void listensOnlyOn(ServiceProcess service, String address) throws IOException {
    Set<InetSocketAddress> listening = service.listeningSockets();
    Set<InetSocketAddress> http =
        listening.stream()
            .filter(socket -> socket.getPort() == service.port)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(new InetSocketAddress(address, service.port)), http, "all listening: " + listening);
    for (InetSocketAddress socket : listening) {
      assertTrue(socket.getAddress().isLoopbackAddress(), socket + " of " + listening);
    }
  }

  /**
   * docs/security.md: "Embedded mode files": the H2 file holds the private key; nobody but its
   * owner reads it.
   */
  private void dataFilesAreTheOwnersOnly() throws IOException {
    Path data = workDir.toPath().resolve("data");
    assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(data));
    try (Stream<Path> files = Files.list(data)) {
      List<Path> all = files.toList();
      assertFalse(all.isEmpty());
      for (Path file : all) {
        assertEquals(
            PosixFilePermissions.fromString("rw-------"),
            Files.getPosixFilePermissions(file),
            file.toString());
      }
    }
  }

  private String storedPrivateKey() throws Exception {
    String url = "jdbc:h2:file:" + new File(workDir, "data/auth").getAbsolutePath();
    try (Connection connection = DriverManager.getConnection(url, "sa", "sa");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select private_jwk from signing_keys")) {
      assertTrue(rows.next());
      return rows.getString(1);
    }
  }

  /**
   * With AUTH_LOG_FORMAT=json (the first start of {@link
   * #startsServesAndKeepsItsKeyAcrossARestart}) the service's lines are JSON objects (timestamp,
   * level, logger, message), an audit event's fields are fields of its line, and a line written
   * while serving a request carries that request's X-Request-Id. Runs first on a fresh service: it
   * counts the one failed login.
   */
  private static void writesJsonLinesWithTheRequestId(ServiceProcess service) {
    HttpResponse<String> failed =
        service.http.exchange(
            service
                .http
                .request("auth/login")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "json-log-check-1")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"nobody-here\",\"password\":\"wrong-password\"}"))
                .build());
    assertEquals(401, failed.statusCode());
    assertEquals("json-log-check-1", failed.headers().firstValue("X-Request-Id").orElseThrow());

    JsonObject event =
        Poll.until(
            "the login_failed line",
            Duration.ofSeconds(30),
            Duration.ofMillis(200),
            () ->
                jsonLines(service.log())
                    .filter(l -> "login_failed".equals(l.getString("event", null)))
                    .findFirst()
                    .orElse(null),
            found -> found != null);
    assertEquals("json-log-check-1", event.getString("request_id"));
    assertEquals("INFO", event.getString("level"));
    assertEquals("dev.jwtauth.audit", event.getString("logger"));
    assertEquals("login_failed", event.getString("message"));
    assertEquals("web", event.getString("client_id"));
    assertEquals("nobody-here", event.getString("username"));
    Instant.parse(event.getString("timestamp"));
    assertTrue(
        jsonLines(service.log())
            .anyMatch(l -> l.getString("message", "").startsWith("Token service ready")),
        "the start's own lines are JSON too");
    assertFalse(service.log().contains("wrong-password"), "never the password");
    // At the root context /metrics is the service's own, not Payara's MicroProfile Metrics.
    HttpResponse<String> metrics = service.http.get("metrics");
    assertEquals(200, metrics.statusCode(), metrics.body());
    assertTrue(metrics.body().contains("auth_logins_total{outcome=\"failed\"} 1.0"));
  }

  /** The log's lines that are JSON objects, parsed; every line that starts with '{' must parse. */
  private static Stream<JsonObject> jsonLines(String log) {
    return log.lines()
        .filter(line -> line.startsWith("{\""))
        .map(line -> Http.parse(line).asJsonObject());
  }

  /**
   * docs/security.md: "A start that cannot deploy stops": a pool setting the server cannot use, a
   * missing secret, an unreachable database — run.sh exits non-zero within a minute, the cause is
   * its last line, and no stack trace reaches the console.
   */
  @Test
  void refusesToStartWithAPoolSizeThatIsNotANumber() throws Exception {
    Map<String, String> environment = new HashMap<>();
    ServiceProcess.chooseDatabase(workDir, environment);
    environment.put("AUTH_DB_POOL_MAX_SIZE", "thirty");
    assertStopsWithTheCause(
        "bad-pool",
        environment,
        "auth.db.pool.max-size (environment variable AUTH_DB_POOL_MAX_SIZE) must be a whole number, not 'thirty'");
  }

  @Test
  void refusesToStartInProductionModeWithoutTheEncryptionSecret() throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("AUTH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    environment.put("AUTH_DB_USER", "postgres");
    environment.put("AUTH_KEYS_ENCRYPTION_SECRET", null);
    assertStopsWithTheCause(
        "no-secret",
        environment,
        "needs auth.keys.encryption-secret (environment variable AUTH_KEYS_ENCRYPTION_SECRET)");
  }

  @Test
  void refusesToStartWhenTheDatabaseCannotBeReached() throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("AUTH_DB_URL", "jdbc:postgresql://127.0.0.1:1/auth");
    environment.put("AUTH_DB_USER", "postgres");
    environment.put("AUTH_KEYS_ENCRYPTION_SECRET", "an-encryption-secret-for-this-test");
    assertStopsWithTheCause(
        "no-database", environment, "cannot be used: Connection to 127.0.0.1:1 refused");
  }

  private void assertStopsWithTheCause(String name, Map<String, String> environment, String cause)
      throws Exception {
    try (ServiceProcess service = ServiceProcess.start(workDir, name, environment)) {
      int status = service.awaitExit(Duration.ofSeconds(60));
      assertTrue(status != 0, "exit status " + status);
      String last = service.lastLine();
      assertTrue(
          last.startsWith(ServiceProcess.SCRIPT_NAME + ": the service did not start: ")
              && last.contains(cause),
          last);
      assertFalse(
          Pattern.compile("^\\s+at \\S+\\(", Pattern.MULTILINE).matcher(service.log()).find(),
          "no stack trace on the console");
      assertFalse(service.answersJwks(), "nothing is left running");
    }
  }

  private static String onlyKid(Http http) {
    JsonObject jwks = Http.json(http.get(".well-known/jwks.json"));
    assertEquals(1, jwks.getJsonArray("keys").size());
    return jwks.getJsonArray("keys").getJsonObject(0).getString("kid");
  }
}
