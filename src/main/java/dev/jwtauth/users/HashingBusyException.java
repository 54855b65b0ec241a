package dev.jwtauth.users;

import dev.jwtauth.error.ServiceException;
import java.util.Map;

/**
 * Every password-hash slot stayed busy for the whole wait: 503 with {@code Retry-After}, rather
 * than more hashes than the heap can hold.
 */
public final class HashingBusyException extends ServiceException {

  HashingBusyException() {
    super(503, "temporarily_unavailable", "Too many logins at once; try again in a second");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", "1");
  }
}
