package dev.jwtauth.login;

import dev.jwtauth.error.ServiceException;

/** The new password breaks the password rules: 400 {@code invalid_request}. */
public final class WeakPasswordException extends ServiceException {

  WeakPasswordException(String message) {
    super(400, "invalid_request", message);
  }
}
