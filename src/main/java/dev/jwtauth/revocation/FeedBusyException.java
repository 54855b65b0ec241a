package dev.jwtauth.revocation;

import dev.jwtauth.error.ServiceException;
import java.util.Map;

/**
 * Too many readers are waiting on the revocation feed at once: 503 {@code temporarily_unavailable}
 * with {@code Retry-After}, so a reader backs off instead of asking again at once.
 */
public final class FeedBusyException extends ServiceException {

  public FeedBusyException() {
    super(
        503,
        "temporarily_unavailable",
        "Too many readers are waiting on the revocation feed; try again shortly");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", "1");
  }
}
