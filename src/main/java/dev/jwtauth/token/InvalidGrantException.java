package dev.jwtauth.token;

/** Credentials, a refresh token or a subject token were not accepted (OAuth {@code invalid_grant}). */
public final class InvalidGrantException extends RuntimeException {

  public InvalidGrantException(String message) {
    super(message, null, false, false);
  }
}
