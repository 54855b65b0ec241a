package dev.jwtauth.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jwtauth.verify.MovableClock;
import dev.jwtauth.verify.VerifiedToken;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follower against a real HTTP server on 127.0.0.1 playing the feed: it reads the whole list,
 * then from its cursor, applies every kind of event, starts over after a 410, and fails closed only
 * when told to and only past the max lag.
 */
class RevocationFeedFollowerTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final long KEEP = NOW.plusSeconds(3600).getEpochSecond();

  private final MovableClock clock = new MovableClock(NOW);
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private URI feed;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/oauth2/revocations",
        exchange -> {
          queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    feed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/revocations");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void everyKindOfEventIsHeldAndTheCursorIsFollowed() throws Exception {
    RevocationFeedFollower follower = follower(false);
    body.set(
        "{\"cursor\":\"7.1\",\"more\":false,\"events\":["
            + "{\"type\":\"jti\",\"value\":\"j1\",\"keep_until\":"
            + KEEP
            + "},"
            + "{\"type\":\"sid\",\"value\":\"s1\",\"keep_until\":"
            + KEEP
            + "},"
            + "{\"type\":\"user\",\"value\":\"u1\",\"not_before\":"
            + NOW.getEpochSecond()
            + ",\"keep_until\":"
            + KEEP
            + "},"
            + "{\"type\":\"client\",\"value\":\"c1\",\"not_before\":"
            + NOW.getEpochSecond()
            + ",\"keep_until\":"
            + KEEP
            + "},"
            + "{\"type\":\"something-new\",\"value\":\"x\",\"keep_until\":"
            + KEEP
            + "}]}");
    follower.readOnce(0);
    assertEquals("null", queries.get(0), "the whole list first");
    assertEquals("Basic bm90ZXM6cyUzQWVjcmV0", authorizations.get(0), "client_secret_basic");
    assertTrue(follower.isRevoked(token("j1", null, "u0", null, NOW)));
    assertTrue(follower.isRevoked(token("j2", "s1", "u0", null, NOW)));
    assertTrue(follower.isRevoked(token("j3", null, "u1", null, NOW.minusSeconds(1))));
    assertFalse(
        follower.isRevoked(token("j4", "s2", "u1", null, NOW.plusSeconds(1))), "issued after");
    assertTrue(follower.isRevoked(token("j5", null, "u0", "c1", NOW)));
    assertFalse(follower.isRevoked(token("j6", "s2", "u0", "c2", NOW)));
    assertEquals(4, follower.size());

    body.set("{\"cursor\":\"8.2\",\"more\":false,\"events\":[]}");
    follower.readOnce(25);
    assertEquals("after=7.1&wait=25", queries.get(1), "then from its cursor, waiting");
  }

  @Test
  void aCursorTheFeedNoLongerKnowsStartsOverFromTheWholeList() throws Exception {
    RevocationFeedFollower follower = follower(false);
    body.set("{\"cursor\":\"3.1\",\"more\":false,\"events\":[]}");
    follower.readOnce(0);
    status.set(410);
    body.set("{\"error\":\"cursor_expired\"}");
    follower.readOnce(25);
    status.set(200);
    body.set("{\"cursor\":\"9.1\",\"more\":false,\"events\":[]}");
    follower.readOnce(25);
    assertEquals(List.of("null", "after=3.1&wait=25", "null"), queries);
  }

  @Test
  void aBrokenAnswerIsAFailureNotAnEmptyList() {
    RevocationFeedFollower follower = follower(false);
    body.set("{\"events\":[{\"type\":\"user\",\"value\":\"u1\",\"keep_until\":1}]}");
    assertThrows(RevocationFeedFollower.FeedException.class, () -> follower.readOnce(0));
    status.set(503);
    assertThrows(RevocationFeedFollower.FeedException.class, () -> follower.readOnce(0));
  }

  @Test
  void theLagGrowsWithoutTheFeedAndOnlyFailClosedRefusesPastIt() throws Exception {
    RevocationFeedFollower open = follower(false);
    RevocationFeedFollower closed = follower(true);
    assertFalse(closed.current(), "not current before the first answer");
    body.set("{\"cursor\":\"1.1\",\"more\":false,\"events\":[]}");
    open.readOnce(0);
    closed.readOnce(0);
    assertTrue(closed.current());
    assertTrue(closed.available());

    clock.advance(Duration.ofSeconds(11)); // the feed has not answered since
    assertFalse(closed.current(), "readiness DOWN past the max lag");
    assertFalse(open.current());
    assertTrue(open.available(), "fail-open keeps serving with what it knows");
    assertFalse(closed.available(), "fail-closed refuses every token");
    assertEquals(Duration.ofSeconds(11), closed.lag());

    closed.readOnce(25);
    assertTrue(closed.available(), "back once the feed answers");
  }

  private RevocationFeedFollower follower(boolean failClosed) {
    return new RevocationFeedFollower(
        feed,
        "notes",
        "s:ecret",
        Duration.ofSeconds(10),
        failClosed,
        HttpClient.newHttpClient(),
        clock);
  }

  private static VerifiedToken token(
      String jti, String sid, String sub, String clientId, Instant issuedAt) {
    Map<String, Object> claims = new java.util.HashMap<>();
    claims.put("jti", jti);
    claims.put("sub", sub);
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("exp", issuedAt.plusSeconds(900).getEpochSecond());
    if (sid != null) {
      claims.put("sid", sid);
    }
    if (clientId != null) {
      claims.put("client_id", clientId);
    }
    return new VerifiedToken("raw", claims);
  }
}
