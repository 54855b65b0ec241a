package dev.jwtauth.faults;

import dev.jwtauth.error.ServiceException;
import java.util.Map;

/**
 * The database could not be reached or did not answer in time: 503 {@code temporarily_unavailable}
 * with {@code Retry-After}. Never an answer about the caller's credentials: the refresh token
 * presented stays valid and works once the database is back.
 */
public class DatabaseUnavailableException extends ServiceException {

  /**
   * Seconds a client should wait before trying again (the gate lets a trial through every second).
   */
  static final String RETRY_AFTER_SECONDS = "2";

  public DatabaseUnavailableException() {
    super(
        503,
        "temporarily_unavailable",
        "The service cannot reach its database right now; try again shortly");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", RETRY_AFTER_SECONDS);
  }
}
