package dev.jwtauth.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until something holds, within a bound that is a correctness limit, not a timing assertion
 * (tests never assert timings; they may print how long it took).
 */
final class Poll {

  private Poll() {}

  /**
   * Reads the value every {@code every} until it passes, and returns it.
   *
   * @throws AssertionError naming {@code what} and the last value once {@code bound} has passed
   */
  static <T> T until(
      String what, Duration bound, Duration every, Supplier<T> value, Predicate<T> done) {
    Instant deadline = Instant.now().plus(bound);
    T last = null;
    while (Instant.now().isBefore(deadline)) {
      last = value.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("waited " + bound.toSeconds() + " s for " + what + "; last: " + last);
  }

  /** {@link #until}, printing how long it took. */
  static <T> T untilPrinted(
      String what, Duration bound, Duration every, Supplier<T> value, Predicate<T> done) {
    Instant start = Instant.now();
    T passed = until(what, bound, every, value, done);
    System.out.println(
        what + " after " + Duration.between(start, Instant.now()).toMillis() + " ms");
    return passed;
  }

  /**
   * Waits until the clock is past the given epoch second: {@code iat} and not-before instants have
   * whole seconds, so a test that needs "issued after" starts in the next second.
   */
  static void untilTheSecondAfter(long epochSecond) {
    until(
        "the second after " + epochSecond,
        Duration.ofSeconds(3),
        Duration.ofMillis(20),
        () -> System.currentTimeMillis() / 1000,
        now -> now > epochSecond);
  }
}
