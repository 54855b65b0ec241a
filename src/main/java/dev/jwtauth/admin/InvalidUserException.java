package dev.jwtauth.admin;

import dev.jwtauth.error.ServiceException;

/** A user that cannot be created as asked (name, password, roles): 400 {@code invalid_request}. */
public final class InvalidUserException extends ServiceException {

  InvalidUserException(String message) {
    super(400, "invalid_request", message);
  }
}
