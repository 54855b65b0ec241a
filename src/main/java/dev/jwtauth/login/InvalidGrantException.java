package dev.jwtauth.login;

/** Credentials (or, later, a refresh token) were not accepted (OAuth {@code invalid_grant}). */
public final class InvalidGrantException extends RuntimeException {

  public InvalidGrantException(String message) {
    super(message, null, false, false);
  }
}
