package dev.jwtauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtauth.verify.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** At most N a minute per user. */
class RateLimiterTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T12:00:10Z"));
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
    clock.advance(Duration.ofSeconds(50));
    limiter.acquire("alice"); // a new window
  }
}
