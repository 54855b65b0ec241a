package dev.jwtauth.throttle;

import dev.jwtauth.error.ServiceException;
import java.time.Duration;
import java.util.Map;

/** 429 {@code too_many_attempts} with {@code Retry-After} in seconds (PRODUCT.md §8). */
public final class TooManyAttemptsException extends ServiceException {

  private final long retryAfterSeconds;

  TooManyAttemptsException(Duration retryAfter) {
    super(429, "too_many_attempts", "Too many failed attempts; try again later");
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
