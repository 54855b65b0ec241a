package dev.jwtauth.throttle;

import dev.jwtauth.error.ServiceException;
import java.time.Duration;
import java.util.Map;

/** 429 {@code too_many_attempts} with {@code Retry-After} in seconds (docs/api.md). */
public final class TooManyAttemptsException extends ServiceException {

  private final long retryAfterSeconds;
  private final String refused;

  TooManyAttemptsException(Duration retryAfter) {
    this(retryAfter, null);
  }

  /**
   * @param refused what is refused ({@code pair:<key>} or {@code address:<address>}), so that the
   *     refusals of one locked pair or address can be audited together
   */
  TooManyAttemptsException(Duration retryAfter, String refused) {
    super(429, "too_many_attempts", "Too many failed attempts; try again later");
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    this.refused = refused;
  }

  /** What is refused, or null for a rate limit that is not the login throttle's. */
  public String refused() {
    return refused;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
