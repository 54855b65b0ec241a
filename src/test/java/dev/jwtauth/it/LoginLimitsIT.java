package dev.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login limits on a service started by scripts/run.sh with short settings (every number is a
 * setting): lockouts of seconds, 20 failures a minute per address, two hashing slots without
 * waiting, and a 256 MiB heap — where 200 parallel Argon2id hashes of 19 MiB each could never fit.
 * Its shared-state poll runs once a minute, so a change made on this node must hold here without
 * the poll's help.
 */
@OwnServers
class LoginLimitsIT {

  private static final File WORK_DIR =
      new File(
          System.getProperty("project.dir", "."),
          "target/login-limits-it/" + System.currentTimeMillis());
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
  private static final int ADDRESS_FAILURES = 20;

  private static ServiceProcess service;
  private static ServiceProcess.Login login;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> environment = new HashMap<>();
    login = ServiceProcess.chooseDatabase(WORK_DIR, environment);
    environment.put("JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
    environment.put("AUTH_LOGIN_THROTTLE_FAILURES", "2");
    environment.put("AUTH_LOGIN_THROTTLE_LOCKOUT", "2s");
    environment.put("AUTH_LOGIN_THROTTLE_MAX_LOCKOUT", "4s");
    environment.put("AUTH_LOGIN_THROTTLE_ADDRESS_FAILURES", Integer.toString(ADDRESS_FAILURES));
    environment.put("AUTH_PASSWORD_MAX_CONCURRENT_HASHES", "2");
    environment.put("AUTH_PASSWORD_HASH_WAIT", "0s");
    environment.put("AUTH_SYNC_POLL_INTERVAL", "1m");
    environment.put("AUTH_READINESS_MAX_SYNC_LAG", "10m");
    service = ServiceProcess.start(WORK_DIR, "login-limits", environment).awaitReady();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void eachLockoutOfAPairDoublesUpToTheMaximum() throws Exception {
    Http http = service.http;
    String body =
        "{\"username\":\"nobody-" + System.nanoTime() + "\",\"password\":\"wrong-password\"}";
    int failuresToLock = 2;
    for (long lockout : new long[] {2, 4, 4}) {
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

  /**
   * 200 logins at once on a 256 MiB heap: the cap on parallel hashes answers the rest 503 with
   * Retry-After, never an OutOfMemoryError or a 500; and the service still logs in afterwards.
   */
  @Test
  void aBurstOfParallelLoginsOnASmallHeapGetsAnswersNotServerErrors() {
    List<HttpRequest> logins = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      logins.add(loginRequest(login.username(), login.password(), newAddress()));
    }
    List<HttpResponse<String>> answers = service.http.exchangeAllAtOnce(logins);
    Map<Integer, Long> statuses =
        answers.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    assertTrue(Set.of(200, 503).containsAll(statuses.keySet()), statuses.toString());
    assertTrue(statuses.getOrDefault(200, 0L) > 0, statuses.toString());
    for (HttpResponse<String> busy : answers) {
      if (busy.statusCode() == 503) {
        assertEquals("temporarily_unavailable", Http.json(busy).getString("error"));
        assertTrue(busy.headers().firstValue("Retry-After").isPresent());
      }
    }
    assertEquals(200, send(loginRequest(login.username(), login.password(), newAddress())));
    assertTrue(!service.log().contains("OutOfMemoryError"), "no OutOfMemoryError in the log");
  }

  /**
   * A refused attempt is answered before any password hash: while other logins keep both hashing
   * slots busy (so that anything reaching the hasher would get 503 at once — the wait is zero),
   * every attempt from an address over its failure limit gets 429, even with a right password. (The
   * address limit, not a pair lockout: that lasts a minute here, the lockouts only seconds.)
   */
  @Test
  void aThrottledAttemptNeverWaitsForAPasswordHash() throws Exception {
    String address = newAddress();
    for (int i = 0; i < ADDRESS_FAILURES; i++) {
      String nobody = "nobody-" + i + "-" + System.nanoTime();
      assertEquals(401, send(loginRequest(nobody, "wrong-password", address)));
    }
    HttpRequest locked = loginRequest(login.username(), login.password(), address);
    assertEquals(429, send(locked));

    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicInteger busyAnswers = new AtomicInteger();
    ExecutorService load = Executors.newFixedThreadPool(4);
    List<Future<?>> loaders = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      loaders.add(
          load.submit(
              () -> {
                while (loading.get()) {
                  HttpRequest request =
                      loginRequest(login.username(), login.password(), newAddress());
                  if (send(request) == 503) {
                    busyAnswers.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    try {
      // Until the slots have been seen full, then some more attempts in the thick of it.
      Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
      int attempts = 0;
      while ((busyAnswers.get() < 3 || attempts < 30) && Instant.now().isBefore(deadline)) {
        assertEquals(429, send(locked), "a refused attempt, while the hashing slots are busy");
        attempts++;
      }
      assertTrue(busyAnswers.get() >= 3, "the other logins kept the slots busy: " + busyAnswers);
    } finally {
      loading.set(false);
      for (Future<?> loader : loaders) {
        loader.get();
      }
      load.shutdown();
    }
  }

  /**
   * One user holds at most {@code auth.session.max-per-user} (default 50) sessions: the 51st login
   * ends the oldest (its refresh token stops working), and the next oldest lives on.
   */
  @Test
  void theFiftyFirstSessionOfAUserEndsTheOldest() {
    Http http = service.http;
    String oldest = refreshTokenOfANewLogin();
    String second = refreshTokenOfANewLogin();
    for (int i = 0; i < 49; i++) {
      refreshTokenOfANewLogin();
    }
    HttpResponse<String> ended = refresh(http, oldest);
    assertEquals(401, ended.statusCode(), ended.body());
    assertEquals("invalid_grant", Http.json(ended).getString("error"));
    HttpResponse<String> kept = refresh(http, second);
    assertEquals(200, kept.statusCode(), "the 50 newest live on: " + kept.body());
  }

  /**
   * A change made through the admin API holds on this node as soon as it has committed, not at the
   * next poll (a minute away here): a registered client gets tokens, a deleted one is refused, a
   * rotated key signs the next token and a withdrawn one verifies nothing.
   */
  @Test
  void aChangeMadeHereHoldsHereAtOnce() {
    Http http = service.http;
    ServiceProcess.Login admin =
        "admin".equals(login.username())
            ? login
            : new ServiceProcess.Login("admin", "admin-password");
    String adminToken = http.login(admin.username(), admin.password());
    String clientId = "local-" + System.nanoTime();
    HttpResponse<String> created =
        http.postJson(
            "admin/clients",
            "{\"client_id\":\"" + clientId + "\",\"grant_types\":[\"client_credentials\"]}",
            adminToken);
    assertEquals(201, created.statusCode(), created.body());
    String secret = Http.json(created).getString("client_secret");
    assertEquals(200, clientToken(http, clientId, secret).statusCode(), "a new client at once");

    String oldKid = Http.kid(adminToken);
    HttpResponse<String> rotated =
        http.exchange(
            http.request("admin/keys/rotate")
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(200, rotated.statusCode(), rotated.body());
    String newAdminToken = http.login(admin.username(), admin.password());
    assertEquals(Http.json(rotated).getString("kid"), Http.kid(newAdminToken), "the new key signs");
    assertEquals(204, http.delete("admin/keys/" + oldKid, newAdminToken).statusCode());
    assertEquals(
        401, http.get("api/me", adminToken).statusCode(), "the withdrawn key verifies nothing");

    assertEquals(204, http.delete("admin/clients/" + clientId, newAdminToken).statusCode());
    assertEquals(401, clientToken(http, clientId, secret).statusCode(), "a deleted client at once");
  }

  private static HttpResponse<String> clientToken(Http http, String clientId, String secret) {
    return http.postForm(
        "oauth2/token", Http.basic(clientId, secret), "grant_type", "client_credentials");
  }

  private static String refreshTokenOfANewLogin() {
    HttpResponse<String> answer =
        service.http.exchange(loginRequest(login.username(), login.password(), newAddress()));
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.json(answer).getString("refresh_token");
  }

  private static HttpResponse<String> refresh(Http http, String refreshToken) {
    return http.postJson("auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
  }

  /**
   * Polls until the pair is no longer refused. A wrong password while locked is refused without
   * counting; once unlocked it counts as the first failure of the next round, so the loop above
   * starts with one failure fewer.
   */
  private static void awaitUnlocked(Http http, String body, Duration bound) {
    Poll.until(
        "the pair to be unlocked",
        bound,
        Duration.ofMillis(250),
        () -> http.postJson("auth/login", body).statusCode(),
        status -> status == 401);
  }

  private static int send(HttpRequest request) {
    return service.http.exchange(request).statusCode();
  }

  /** A documentation address (TEST-NET-2) of its own; the suite trusts the loopback as a proxy. */
  private static String newAddress() {
    int n = NEXT_ADDRESS.getAndIncrement();
    return "198.51." + (n / 250) + "." + (n % 250 + 1);
  }

  private static HttpRequest loginRequest(String username, String password, String address) {
    return service
        .http
        .request("auth/login")
        .header("Content-Type", "application/json")
        .header("X-Forwarded-For", address)
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
        .build();
  }
}
