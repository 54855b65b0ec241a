package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The connection pool is sized and timed by configuration: the suite sets every pool setting away
 * from its default (the failsafe environment in pom.xml), and the running server's pool has them
 * (Payara's pool from payara-config/, WildFly's datasource from wildfly-config/).
 */
@Tag("sql")
class PoolIT extends ServiceIT {

  @Test
  void theServersPoolHasTheConfiguredSizesAndTimeoutsAndNoPasswordInItsFiles() {
    HttpResponse<String> response = http.get("test-support/pool/configuration");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject pool = Http.json(response);
    if ("wildfly".equals(System.getProperty("it.server"))) {
      // WildFly's file holds expressions, resolved from the environment when the server starts
      // (the capacity test below shows the resolved size); never a password.
      assertEquals(
          "${auth.db.pool.max-size:${env.AUTH_DB_POOL_MAX_SIZE:32}}",
          pool.getString("max-pool-size"));
      assertEquals(
          "${auth.db.url:${env.AUTH_DB_URL:jdbc:h2:file:./data/auth}}",
          pool.getString("connection-url"));
      assertEquals(
          "${auth.db.password:${env.AUTH_DB_PASSWORD: }}",
          pool.getString("connection-property.password"),
          "no password in the file");
      return;
    }
    assertEquals(System.getenv("AUTH_DB_POOL_MIN_SIZE"), pool.getString("steady-pool-size"));
    assertEquals(System.getenv("AUTH_DB_POOL_MAX_SIZE"), pool.getString("max-pool-size"));
    assertEquals(
        System.getenv("AUTH_DB_POOL_MAX_WAIT_MILLIS"), pool.getString("max-wait-time-in-millis"));
    assertEquals(
        System.getenv("AUTH_DB_POOL_IDLE_TIMEOUT_SECONDS"),
        pool.getString("idle-timeout-in-seconds"));
    assertEquals(
        System.getenv("AUTH_DB_STATEMENT_TIMEOUT_SECONDS"),
        pool.getString("statement-timeout-in-seconds"));
    // The server's configuration file on disk holds the placeholder, never the password itself.
    assertEquals(
        "${MPCONFIG=auth.db.password:}",
        pool.getString("property.password"),
        "no default password either");
  }

  @Test
  void thePoolHandsOutAsManyConnectionsAsConfiguredAndNoMore() {
    HttpResponse<String> response = http.get("test-support/pool/capacity");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject capacity = Http.json(response);
    assertEquals(
        Integer.parseInt(System.getenv("AUTH_DB_POOL_MAX_SIZE")),
        capacity.getInt("connections"),
        response.body());
    assertNotEquals("none", capacity.getString("refusal"));
  }
}
