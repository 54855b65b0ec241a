package dev.jwtauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/security.md: "Brute force": 5 minutes, doubling on repeat, at most an hour. */
class LockoutsTest {

  private static final Duration FIRST = Duration.ofMinutes(5);
  private static final Duration MAX = Duration.ofHours(1);

  @Test
  void eachLockoutDoublesUpToTheMaximum() {
    assertEquals(Duration.ofMinutes(5), Lockouts.duration(1, FIRST, MAX));
    assertEquals(Duration.ofMinutes(10), Lockouts.duration(2, FIRST, MAX));
    assertEquals(Duration.ofMinutes(20), Lockouts.duration(3, FIRST, MAX));
    assertEquals(Duration.ofMinutes(40), Lockouts.duration(4, FIRST, MAX));
    assertEquals(MAX, Lockouts.duration(5, FIRST, MAX));
    assertEquals(MAX, Lockouts.duration(1000, FIRST, MAX), "no overflow however often");
  }

  @Test
  void thePairKeyHidesTheUsernameAndIgnoresItsCase() {
    String key = LoginThrottle.pairKey("Alice", "198.51.100.1");
    assertEquals(key, LoginThrottle.pairKey("alice", "198.51.100.1"));
    assertNotEquals(key, LoginThrottle.pairKey("alice", "198.51.100.2"));
    assertEquals(43, key.length());
    assertEquals(false, key.contains("alice"));
  }
}
