package dev.jwtauth.config;

import java.time.Duration;
import java.util.List;

/**
 * Login throttling (docs/security.md "Brute force").
 *
 * @param pairFailures failures of one (username, address) pair that lock it
 * @param pairWindow the time those failures are counted over
 * @param lockout the first lockout; each further one doubles
 * @param maxLockout the longest lockout
 * @param addressFailures failures from one address that refuse it
 * @param addressWindow the time those are counted over
 * @param trustedProxies CIDRs of proxies whose {@code X-Forwarded-For} / {@code Forwarded} is
 *     believed
 */
public record ThrottleSettings(
    int pairFailures,
    Duration pairWindow,
    Duration lockout,
    Duration maxLockout,
    int addressFailures,
    Duration addressWindow,
    List<String> trustedProxies,
    int revocationsPerMinute) {

  public ThrottleSettings {
    if (pairFailures < 1 || addressFailures < 1 || revocationsPerMinute < 1) {
      throw new IllegalArgumentException("auth.login.throttle.*failures must be positive");
    }
    for (Duration d : List.of(pairWindow, lockout, maxLockout, addressWindow)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("auth.login.throttle durations must be positive");
      }
    }
    if (maxLockout.compareTo(lockout) < 0) {
      throw new IllegalArgumentException(
          "auth.login.throttle.max-lockout must not be shorter than auth.login.throttle.lockout");
    }
    trustedProxies = List.copyOf(trustedProxies);
  }
}
