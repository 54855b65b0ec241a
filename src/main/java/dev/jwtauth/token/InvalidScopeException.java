package dev.jwtauth.token;

import dev.jwtauth.error.ServiceException;

/** The caller asked for a scope it may not hold: 400 {@code invalid_scope}. */
public final class InvalidScopeException extends ServiceException {

  public InvalidScopeException(String message) {
    super(400, "invalid_scope", message);
  }
}
