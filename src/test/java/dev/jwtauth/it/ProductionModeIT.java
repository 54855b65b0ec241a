package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL is production mode: keys encrypted at rest, tokens verified from memory with the
 * database cut off, a wrong secret a clear failure rather than new keys (no start without the
 * secret: RunScriptIT). Runs with -Ppostgres, on a database of its own.
 */
@Tag("sql")
@OwnServers
class ProductionModeIT {

  private static final String SECRET = "the-first-encryption-secret";
  private final File workDir =
      new File(
          System.getProperty("project.dir", "."),
          "target/production-mode-it/" + System.currentTimeMillis());
  private String dbUrl;

  @BeforeEach
  void ownDatabase() {
    String suiteUrl = System.getenv("AUTH_DB_URL");
    assumeTrue(
        suiteUrl != null && suiteUrl.startsWith("jdbc:postgresql:"), "runs with -Ppostgres only");
    dbUrl = suiteUrl + "_prod";
    PostgresTestDatabase.execute(
        dbUrl, "CREATE DATABASE " + PostgresTestDatabase.databaseName(dbUrl));
  }

  @AfterEach
  void dropDatabase() {
    if (dbUrl != null) {
      PostgresTestDatabase.execute(
          dbUrl,
          "DROP DATABASE IF EXISTS " + PostgresTestDatabase.databaseName(dbUrl) + " WITH (FORCE)");
    }
  }

  @Test
  void encryptsKeysVerifiesFromMemoryAndRefusesAWrongSecret() throws Exception {
    // The start without the secret:
    // RunScriptIT.refusesToStartInProductionModeWithoutTheEncryptionSecret.
    try (ServiceProcess withSecret =
        ServiceProcess.start(workDir, "with-secret", environment(SECRET)).awaitReady()) {
      Http http = withSecret.http;
      assertEquals(
          401,
          http.postJson("auth/login", "{\"username\":\"alice\",\"password\":\"alice-password\"}")
              .statusCode(),
          "no demo users in production mode");
      String valid = http.login("admin", "bootstrap-admin-password");
      String revoked = http.login("admin", "bootstrap-admin-password");
      assertEquals(
          204,
          http.exchange(
                  http.request("auth/logout")
                      .header("Authorization", "Bearer " + revoked)
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build())
              .statusCode());

      verifiesFromMemoryWhileTheDatabaseIsUnreachable(withSecret, valid, revoked);
    }
    List<String> storedPrivateKeys = column("select private_jwk from signing_keys");
    assertEquals(1, storedPrivateKeys.size());
    for (String stored : storedPrivateKeys) {
      assertTrue(stored.startsWith("aesgcm:v1:"), "encrypted at rest");
      assertFalse(stored.contains("\"d\""), "not readable as a private JWK");
      assertFalse(stored.contains("PRIVATE KEY"), "not readable as PEM");
    }

    try (ServiceProcess wrongSecret =
        ServiceProcess.start(workDir, "wrong-secret", environment("a-different-secret-value"))) {
      String log = wrongSecret.awaitLog("does not decrypt the stored signing key");
      assertTrue(log.contains("AUTH_KEYS_ENCRYPTION_SECRET"));
      assertFalse(wrongSecret.answersJwks(), "a wrong secret stops the service");
    }
    assertEquals(
        1,
        column("select kid from signing_keys").size(),
        "no new key was generated behind the user's back");
  }

  /**
   * The request path makes no database query: with every connection to the database killed and new
   * ones refused, valid tokens still pass and revoked ones are still refused.
   */
  private void verifiesFromMemoryWhileTheDatabaseIsUnreachable(
      ServiceProcess service, String valid, String revoked) {
    Http http = service.http;
    String name = PostgresTestDatabase.databaseName(dbUrl);
    PostgresTestDatabase.execute(dbUrl, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
    try {
      PostgresTestDatabase.execute(
          dbUrl,
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + name
              + "' AND pid <> pg_backend_pid()");
      HttpResponse<String> health =
          http.exchange(http.request("").uri(service.healthUri("/health/ready")).GET().build());
      assertEquals(
          503, health.statusCode(), "the database really is unreachable: " + health.body());
      for (int i = 0; i < 20; i++) {
        assertEquals(200, http.get("api/me", valid).statusCode());
        assertEquals(401, http.get("api/me", revoked).statusCode());
      }
      // The node says it may be stale once the polls have failed for the max lag (2 s).
      awaitReadinessCheck(service, "shared-state", "DOWN");
    } finally {
      PostgresTestDatabase.execute(dbUrl, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }
    awaitReadinessCheck(service, "shared-state", "UP");
  }

  /** Polls /health/ready until the named check has the status (bound 30 s). */
  private static void awaitReadinessCheck(ServiceProcess service, String check, String status) {
    Http http = service.http;
    Poll.until(
        "readiness check " + check + " " + status,
        Duration.ofSeconds(30),
        Duration.ofMillis(200),
        () ->
            http.exchange(http.request("").uri(service.healthUri("/health/ready")).GET().build())
                .body(),
        body ->
            ((JsonObject) Http.parse(body))
                .getJsonArray("checks").stream()
                    .map(JsonValue::asJsonObject)
                    .anyMatch(
                        found ->
                            check.equals(found.getString("name"))
                                && status.equals(found.getString("status"))));
  }

  private Map<String, String> environment(String secret) {
    Map<String, String> environment = new HashMap<>();
    environment.put("AUTH_DB_URL", dbUrl);
    environment.put("AUTH_KEYS_ENCRYPTION_SECRET", secret);
    environment.put("AUTH_BOOTSTRAP_ADMIN_PASSWORD", "bootstrap-admin-password");
    environment.put("AUTH_READINESS_MAX_SYNC_LAG", "2s");
    return environment;
  }

  private List<String> column(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection connection = PostgresTestDatabase.connect(dbUrl);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
