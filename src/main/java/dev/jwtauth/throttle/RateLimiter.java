package dev.jwtauth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} actions per key in each window, counted in this node's memory. For what is
 * cheap to ask for but costly to keep — e.g. revocations, which every node holds in memory until
 * the tokens they cover expire — so that nobody can grow that list without bound. Counting per node
 * is enough for that purpose (N nodes allow N × limit); logins, where exactness matters, use {@link
 * LoginThrottle}. The map holds keys of the current window only.
 */
public final class RateLimiter {

  private record Window(long index, int count) {}

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Window> counts = new ConcurrentHashMap<>();

  public RateLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("A rate limit needs a positive count and window");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Counts one action for the key.
   *
   * @throws TooManyAttemptsException once the key has used up the window, until the window ends
   */
  public void acquire(String key) {
    Instant now = clock.instant();
    long index = now.toEpochMilli() / window.toMillis();
    if (counts.size() > 10_000) {
      counts.values().removeIf(w -> w.index() < index); // older windows no longer count
    }
    Window counted =
        counts.merge(
            key,
            new Window(index, 1),
            (old, one) -> old.index() == index ? new Window(index, old.count() + 1) : one);
    if (counted.count() > limit) {
      long windowEnds = (index + 1) * window.toMillis();
      throw new TooManyAttemptsException(Duration.ofMillis(windowEnds - now.toEpochMilli()));
    }
  }
}
