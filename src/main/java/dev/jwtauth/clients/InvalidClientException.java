package dev.jwtauth.clients;

import dev.jwtauth.error.ServiceException;
import java.util.Map;

/**
 * Client authentication failed (RFC 6749 §5.2): 401 {@code invalid_client} with a Basic challenge.
 */
public final class InvalidClientException extends ServiceException {

  public InvalidClientException() {
    super(401, "invalid_client", "Client authentication failed");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("WWW-Authenticate", "Basic realm=\"oauth2\"");
  }
}
