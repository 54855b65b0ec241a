package dev.jwtauth.throttle;

import java.time.Duration;

/**
 * How long the n-th lockout of a pair lasts: the first {@code lockout}, doubling, at most {@code
 * max}.
 */
final class Lockouts {

  private Lockouts() {}

  static Duration duration(int strike, Duration first, Duration max) {
    Duration lockout = first;
    for (int i = 1; i < strike && lockout.compareTo(max) < 0; i++) {
      lockout = lockout.multipliedBy(2);
    }
    return lockout.compareTo(max) > 0 ? max : lockout;
  }
}
