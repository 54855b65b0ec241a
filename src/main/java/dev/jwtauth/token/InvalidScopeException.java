package dev.jwtauth.token;

/** The caller asked for a scope it may not hold (OAuth {@code invalid_scope}). */
public final class InvalidScopeException extends RuntimeException {

  public InvalidScopeException(String message) {
    super(message, null, false, false);
  }
}
