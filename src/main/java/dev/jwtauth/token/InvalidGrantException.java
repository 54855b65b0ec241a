package dev.jwtauth.token;

import dev.jwtauth.error.ServiceException;

/**
 * Credentials, a refresh token or a subject token were not accepted (OAuth {@code invalid_grant}):
 * 401 on the login API; the token endpoint answers 400 as RFC 6749 §5.2 says.
 */
public final class InvalidGrantException extends ServiceException {

  public InvalidGrantException(String message) {
    super(401, "invalid_grant", message);
  }
}
