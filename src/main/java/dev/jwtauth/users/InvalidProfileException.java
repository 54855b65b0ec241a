package dev.jwtauth.users;

import dev.jwtauth.error.ServiceException;

/** A profile, attribute or permission that cannot be stored: 400 {@code invalid_request}. */
public final class InvalidProfileException extends ServiceException {

  public InvalidProfileException(String message) {
    super(400, "invalid_request", message);
  }
}
