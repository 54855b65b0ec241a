package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * scripts/run.sh as a user runs it: it starts the service, login and /api/me work, and after a
 * restart on the same data the signing key is the same, so tokens issued before still verify, and
 * a token revoked before the restart is still refused.
 * On H2 it uses its own embedded database and the demo user; with -Ppostgres it runs in production
 * mode on the suite's PostgreSQL database and logs in as the bootstrap admin.
 */
class RunScriptIT {

  private final File workDir = new File(System.getProperty("project.dir", "."),
      "target/run-script-it/" + System.currentTimeMillis());

  @Test
  void startsServesAndKeepsItsKeyAcrossARestart() throws Exception {
    Map<String, String> environment = new HashMap<>();
    ServiceProcess.Login login = ServiceProcess.chooseDatabase(workDir, environment);
    String username = login.username();
    String password = login.password();

    int port = ServiceProcess.freePort();
    String token;
    String loggedOut;
    String kidBefore;
    try (ServiceProcess first = ServiceProcess.start(workDir, "first", environment, port).awaitReady()) {
      token = first.http.login(username, password);
      HttpResponse<String> me = first.http.get("api/me", token);
      assertEquals(200, me.statusCode(), me.body());
      assertEquals(username, Http.json(me).getString("username"));
      kidBefore = onlyKid(first.http);
      loggedOut = first.http.login(username, password);
      assertEquals(204, first.http.exchange(first.http.request("auth/logout")
          .header("Authorization", "Bearer " + loggedOut)
          .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).statusCode());
      assertEquals(401, first.http.get("api/me", loggedOut).statusCode());
    }

    try (ServiceProcess second = ServiceProcess.start(workDir, "second", environment, port).awaitReady()) {
      assertEquals(kidBefore, onlyKid(second.http), "the signing key survives a restart");
      HttpResponse<String> again = second.http.get("api/me", token);
      assertEquals(200, again.statusCode(), "a token issued before the restart still verifies: " + again.body());
      HttpResponse<String> revoked = second.http.get("api/me", loggedOut);
      assertEquals(401, revoked.statusCode(), "a revocation survives the restart");
      assertTrue(Http.json(revoked).getString("error_description").contains("revoked"), revoked.body());
    }
  }

  /** A pool setting the server cannot use fails the deployment with the setting's name, not a pool of surprise size. */
  @Test
  void refusesToStartWithAPoolSizeThatIsNotANumber() throws Exception {
    Map<String, String> environment = new HashMap<>();
    ServiceProcess.chooseDatabase(workDir, environment);
    environment.put("AUTH_DB_POOL_MAX_SIZE", "thirty");
    try (ServiceProcess service = ServiceProcess.start(workDir, "bad-pool", environment)) {
      service.awaitLog("auth.db.pool.max-size (environment variable AUTH_DB_POOL_MAX_SIZE) must be a whole number, not 'thirty'");
      assertFalse(service.answersJwks(), "the application must not be deployed");
    }
  }

  private static String onlyKid(Http http) {
    JsonObject jwks = Http.json(http.get(".well-known/jwks.json"));
    assertEquals(1, jwks.getJsonArray("keys").size());
    return jwks.getJsonArray("keys").getJsonObject(0).getString("kid");
  }
}
