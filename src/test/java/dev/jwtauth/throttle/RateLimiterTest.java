package dev.jwtauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue 13 "Flooding the revocation list": at most N a minute per user. */
class RateLimiterTest {

  private Instant now = Instant.parse("2026-06-01T12:00:10Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }
      };
  private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);

  @Test
  void theLimitHoldsPerKeyUntilTheWindowEnds() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice");
    }
    TooManyAttemptsException refused =
        assertThrows(TooManyAttemptsException.class, () -> limiter.acquire("alice"));
    assertEquals(50, refused.retryAfterSeconds(), "until the minute ends");
    limiter.acquire("bob"); // others are not touched
    now = now.plusSeconds(50);
    limiter.acquire("alice"); // a new window
  }
}
