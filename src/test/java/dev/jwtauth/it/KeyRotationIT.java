package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled rotation on a service started by scripts/run.sh with seconds instead of days (a key
 * signs for 8 s, the JWKS is cached for 3 s, tokens live 5 s): the next key is published before it
 * signs, signs on time, and the retired key leaves the JWKS once its tokens have expired. On a
 * database of its own (embedded, or with -Ppostgres a fresh PostgreSQL database).
 */
@OwnServers
class KeyRotationIT {

  private final File workDir =
      new File(
          System.getProperty("project.dir", "."),
          "target/key-rotation-it/" + System.currentTimeMillis());
  private final Map<String, String> environment = new HashMap<>();

  @AfterEach
  void dropDatabase() {
    ServiceProcess.dropOwnDatabase(environment);
  }

  @Test
  void theNextKeyIsPublishedBeforeItSignsAndTheRetiredOneLeavesAfterItsTokens() throws Exception {
    ServiceProcess.Login login = ServiceProcess.ownDatabase(workDir, environment, "keys");
    environment.put("AUTH_KEYS_ROTATION_INTERVAL", "8s");
    environment.put("AUTH_KEYS_JWKS_MAX_AGE", "3s");
    environment.put("AUTH_ACCESS_TOKEN_TTL", "5s");
    environment.put("AUTH_CLOCK_SKEW", "1s");
    // The suite's configured client has tokens of 2 minutes: a retired key would stay that long.
    environment.put("AUTH_CLIENTS", null);
    try (ServiceProcess service =
        ServiceProcess.start(workDir, "key-rotation", environment).awaitReady()) {
      Http http = service.http;
      HttpResponse<String> jwks = http.get(".well-known/jwks.json");
      assertEquals("public, max-age=3", jwks.headers().firstValue("Cache-Control").orElse(""));
      String first = Http.kid(http.login(login.username(), login.password()));
      assertEquals(List.of(first), http.jwksKids());

      List<String> published = await(() -> http.jwksKids(), kids -> kids.size() == 2, "a next key");
      String next = published.get(1);
      assertEquals(List.of(first, next), published);
      assertEquals(
          first,
          Http.kid(http.login(login.username(), login.password())),
          "published, not signing yet");

      // Logins until one is signed by the next key; the one before it was signed by the first.
      String[] lastSignedByFirst = new String[1];
      await(
          () -> {
            String token = http.login(login.username(), login.password());
            if (Http.kid(token).equals(first)) {
              lastSignedByFirst[0] = token;
            }
            return Http.kid(token);
          },
          next::equals,
          "tokens signed by the next key");
      assertEquals(
          200,
          http.get("api/me", lastSignedByFirst[0]).statusCode(),
          "a token of the retired key still verifies");
      assertTrue(http.jwksKids().contains(first), "the retired key is still published");

      await(
          () -> http.jwksKids(),
          kids -> !kids.contains(first),
          "the retired key to leave the JWKS");
      assertEquals(
          401,
          http.get("api/me", lastSignedByFirst[0]).statusCode(),
          "its last token had expired by then");
    }
  }

  private static <T> T await(Supplier<T> value, Predicate<T> done, String what) {
    return Poll.until(what, Duration.ofSeconds(30), Duration.ofMillis(100), value, done);
  }
}
