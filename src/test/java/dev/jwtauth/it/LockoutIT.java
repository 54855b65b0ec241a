package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: each lockout of a (username, address) pair doubles, up to the maximum — shown on a
 * service started by scripts/run.sh with seconds instead of minutes (every number is a setting).
 */
class LockoutIT {

  private final File workDir =
      new File(
          System.getProperty("project.dir", "."),
          "target/lockout-it/" + System.currentTimeMillis());

  @Test
  void eachLockoutOfAPairDoublesUpToTheMaximum() throws Exception {
    Map<String, String> environment = new HashMap<>();
    ServiceProcess.chooseDatabase(workDir, environment);
    environment.put("AUTH_LOGIN_THROTTLE_FAILURES", "2");
    environment.put("AUTH_LOGIN_THROTTLE_LOCKOUT", "2s");
    environment.put("AUTH_LOGIN_THROTTLE_MAX_LOCKOUT", "6s");
    try (ServiceProcess service =
        ServiceProcess.start(workDir, "lockout", environment).awaitReady()) {
      Http http = service.http;
      String body =
          "{\"username\":\"nobody-" + System.nanoTime() + "\",\"password\":\"wrong-password\"}";
      int failuresToLock = 2;
      for (long lockout : new long[] {2, 4, 6, 6}) {
        for (int i = 0; i < failuresToLock; i++) {
          assertEquals(401, http.postJson("auth/login", body).statusCode());
        }
        HttpResponse<String> locked = http.postJson("auth/login", body);
        assertEquals(429, locked.statusCode(), locked.body());
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(
            retryAfter <= lockout && retryAfter >= lockout - 1,
            "lockout of " + lockout + " s, Retry-After " + retryAfter);
        awaitUnlocked(http, body, Duration.ofSeconds(lockout + 5));
        failuresToLock = 1; // the attempt that found the pair unlocked was the first failure
      }
    }
  }

  /** Polls until the pair is no longer refused (a bound, not a timing assertion). */
  private static void awaitUnlocked(Http http, String body, Duration bound)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(bound);
    while (Instant.now().isBefore(deadline)) {
      // A wrong password while locked is refused without counting; once unlocked it counts as the
      // first failure of the next round, so the loop above starts with one failure fewer.
      HttpResponse<String> attempt = http.postJson("auth/login", body);
      if (attempt.statusCode() == 401) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the pair was still locked after " + bound);
  }
}
